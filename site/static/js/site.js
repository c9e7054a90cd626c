// Open Buurtcentrum: small enhancements on top of pages that work without them.
// 1. Text size and contrast change in place (the server remembers them through cookies).
// 2. Read aloud: the browser's own speech reads the page, sentence by sentence.
// 3. Conversations in the huiskamer show new messages without reloading.

const root = document.documentElement;

// ---------------------------------------------------------------------------------------------
// Text size and contrast

function rememberChoice(name, value) {
    const secure = location.protocol === "https:" ? ";secure" : "";
    document.cookie = `${name}=${value};path=/;max-age=31536000;samesite=lax${secure}`;
}

function applyChoice(form, button) {
    const { name, value } = button;
    rememberChoice(name, value);
    if (name === "text_size") {
        root.dataset.textSize = value;
        for (const other of form.querySelectorAll('button[name="text_size"]')) {
            other.setAttribute("aria-pressed", String(other === button));
        }
    } else if (name === "contrast") {
        root.dataset.contrast = value;
        button.setAttribute("aria-pressed", String(value === "high"));
        button.value = value === "high" ? "normal" : "high";
    }
}

for (const form of document.querySelectorAll("[data-display-controls]")) {
    form.addEventListener("click", (event) => {
        const button = event.target.closest("button[name]");
        if (button) {
            event.preventDefault();
            applyChoice(form, button);
        }
    });
}

// ---------------------------------------------------------------------------------------------
// Read aloud

// Elements whose text is read as one run, split into sentences.
const BLOCKS =
    "h1,h2,h3,h4,h5,h6,p,li,dt,dd,figcaption,blockquote,td,th,caption,address,legend,label,summary," +
    ".tile__title,.tile__text";
// Never read: controls, hidden things and what is marked to skip.
const SKIP =
    "[hidden],[aria-hidden='true'],[data-read-aloud-skip],.visually-hidden,script,style,template," +
    "svg,button,select,textarea,input,nav.breadcrumbs,.read-aloud-bar";
const speech = window.speechSynthesis;
const RATE_KEY = "readAloudRate";

function languageOf(element) {
    return (element.closest("[lang]")?.lang || root.lang || "nl").toLowerCase();
}

function splitSentences(text, lang) {
    if (window.Intl?.Segmenter) {
        const segmenter = new Intl.Segmenter(lang, { granularity: "sentence" });
        return Array.from(segmenter.segment(text), ({ segment, index }) => [segment, index]);
    }
    const sentences = [];
    for (const match of text.matchAll(/[^.!?؟]+[.!?؟]*\s*/g)) {
        sentences.push([match[0], match.index]);
    }
    return sentences;
}

// A DOM Range covering [start, end) of the text made by concatenating the nodes.
function rangeOver(nodes, starts, start, end) {
    const range = document.createRange();
    let i = nodes.length - 1;
    while (i > 0 && starts[i] > start) i -= 1;
    range.setStart(nodes[i], start - starts[i]);
    let j = nodes.length - 1;
    while (j > 0 && starts[j] >= end) j -= 1;
    range.setEnd(nodes[j], Math.min(end - starts[j], nodes[j].nodeValue.length));
    return range;
}

// The sentences in an element, in reading order, each with its language and its Range.
function sentencesIn(container) {
    const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT, {
        acceptNode(node) {
            if (!node.nodeValue.trim() || node.parentElement.closest(SKIP)) {
                return NodeFilter.FILTER_REJECT;
            }
            return NodeFilter.FILTER_ACCEPT;
        },
    });
    const runs = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const block = node.parentElement.closest(BLOCKS) || node.parentElement;
        const last = runs[runs.length - 1];
        if (last && last.block === block) last.nodes.push(node);
        else runs.push({ block, nodes: [node] });
    }
    const sentences = [];
    for (const { block, nodes } of runs) {
        const lang = languageOf(block);
        const starts = [];
        let text = "";
        for (const node of nodes) {
            starts.push(text.length);
            text += node.nodeValue;
        }
        for (const [segment, index] of splitSentences(text, lang)) {
            const spoken = segment.replace(/\s+/g, " ").trim();
            if (spoken) {
                const range = rangeOver(nodes, starts, index, index + segment.length);
                sentences.push({ text: spoken, lang, block, range });
            }
        }
    }
    return sentences;
}

// Voices arrive late in some browsers; wait briefly for them.
function voices() {
    const now = speech?.getVoices() ?? [];
    if (now.length || !speech) return Promise.resolve(now);
    return new Promise((resolve) => {
        const done = () => resolve(speech.getVoices());
        speech.addEventListener("voiceschanged", done, { once: true });
        setTimeout(done, 1500);
    });
}

function voiceFor(available, lang) {
    const base = lang.split("-")[0];
    const matching = available.filter(
        (voice) => voice.lang.toLowerCase().replace("_", "-").split("-")[0] === base,
    );
    return matching.find((voice) => voice.default) || matching[0] || null;
}

function highlight(sentence) {
    document.querySelector(".is-being-read")?.classList.remove("is-being-read");
    window.CSS?.highlights?.delete("read-aloud");
    if (!sentence) return;
    sentence.block.classList.add("is-being-read");
    if (window.Highlight && window.CSS?.highlights) {
        CSS.highlights.set("read-aloud", new Highlight(sentence.range));
    }
    const still = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    sentence.block.scrollIntoView({ block: "nearest", behavior: still ? "auto" : "smooth" });
}

function readingRate() {
    return Number(localStorage.getItem(RATE_KEY)) || 1;
}

// Reads one list of sentences. Pausing cancels the current sentence and remembers where it
// was: continuing starts that sentence again, which works in every browser (Chromium's own
// pause does not on all systems) and keeps each utterance short.
class Reading {
    constructor(sentences, voiceList, onChange) {
        this.sentences = sentences;
        this.voices = voiceList;
        this.onChange = onChange;
        this.index = 0;
        this.state = "idle";
    }

    play() {
        this.state = "playing";
        this.onChange(this.state);
        this.speakCurrent();
    }

    speakCurrent() {
        const sentence = this.sentences[this.index];
        if (!sentence) {
            this.stop();
            return;
        }
        const utterance = new SpeechSynthesisUtterance(sentence.text);
        utterance.lang = sentence.lang;
        utterance.rate = readingRate();
        const voice = voiceFor(this.voices, sentence.lang);
        if (voice) utterance.voice = voice;
        utterance.addEventListener("end", () => {
            if (this.current === utterance && this.state === "playing") {
                this.index += 1;
                this.speakCurrent();
            }
        });
        this.current = utterance;
        highlight(sentence);
        speech.speak(utterance);
    }

    pause() {
        this.state = "paused";
        this.current = null;
        speech.cancel();
        this.onChange(this.state);
    }

    stop() {
        this.state = "idle";
        this.current = null;
        speech?.cancel();
        highlight(null);
        this.onChange(this.state);
    }

    restartSentence() {
        if (this.state !== "playing") return;
        this.current = null;
        speech.cancel();
        this.speakCurrent();
    }
}

let activeReading = null;

// Starts reading `container`, or explains why it cannot. Returns the Reading or null.
async function startReading(container, onChange, explain) {
    activeReading?.stop();
    const lang = languageOf(container);
    const available = await voices();
    if (!speech || !voiceFor(available, lang)) {
        explain();
        return null;
    }
    activeReading = new Reading(sentencesIn(container), available, onChange);
    activeReading.play();
    return activeReading;
}

function noVoiceMessage() {
    return document.querySelector("template[data-no-voice]")?.content.textContent.trim() ?? "";
}

function setUpPageReader(bar) {
    const container = document.querySelector("[data-read-aloud-root]") || document.querySelector("main");
    const controls = bar.querySelector("[data-controls]");
    const message = bar.querySelector("[data-message]");
    const button = (action) => bar.querySelector(`[data-action="${action}"]`);
    const speed = bar.querySelector("[data-speed]");
    let reading = null;

    speed.value = String(readingRate());
    speed.addEventListener("change", () => {
        localStorage.setItem(RATE_KEY, speed.value);
        reading?.restartSentence();
    });

    function show(state) {
        const busy = state !== "idle";
        const hadFocus = bar.contains(document.activeElement);
        button("start").hidden = busy;
        controls.hidden = !busy;
        button("pause").hidden = state !== "playing";
        button("resume").hidden = state !== "paused";
        if (hadFocus) {
            const next = { idle: "start", playing: "pause", paused: "resume" }[state];
            button(next).focus();
        }
    }

    button("start").addEventListener("click", async () => {
        message.textContent = "";
        reading = await startReading(container, show, () => {
            message.textContent = noVoiceMessage();
        });
    });
    button("pause").addEventListener("click", () => reading?.pause());
    button("resume").addEventListener("click", () => reading?.play());
    button("stop").addEventListener("click", () => reading?.stop());
    bar.hidden = false;
}

function setUpCardReader(button) {
    const card = document.getElementById(button.dataset.readAloudTarget);
    if (!card) return;
    let reading = null;
    const show = (state) => button.setAttribute("aria-pressed", String(state !== "idle"));
    button.addEventListener("click", async () => {
        if (reading && reading.state !== "idle") {
            reading.stop();
            return;
        }
        reading = await startReading(card, show, () => {
            const message = document.querySelector(".read-aloud-bar [data-message]");
            if (message) message.textContent = noVoiceMessage();
            else window.alert(noVoiceMessage());
        });
    });
    button.hidden = false;
}

for (const bar of document.querySelectorAll("[data-read-aloud]")) setUpPageReader(bar);
for (const button of document.querySelectorAll("[data-read-aloud-target]")) setUpCardReader(button);
window.addEventListener("pagehide", () => activeReading?.stop());

// ---------------------------------------------------------------------------------------------
// Live conversations: ask the server every few seconds for messages after the last one shown.
// Without JavaScript, reloading the page shows them just the same.

const POLL_INTERVAL = 5000;

function followConversation(list) {
    const status = document.querySelector("[data-live-status]");
    let last = Number(list.dataset.lastId) || 0;

    async function poll() {
        if (!document.hidden) {
            try {
                const response = await fetch(`${list.dataset.pollUrl}?na=${last}`, {
                    headers: { Accept: "application/json" },
                });
                if (response.ok) showNew(await response.json());
            } catch {
                // Offline for a moment: try again at the next tick.
            }
        }
        setTimeout(poll, POLL_INTERVAL);
    }

    function showNew({ messages, last: newest }) {
        if (!messages.length) return;
        list.querySelector(".chat__empty")?.remove();
        for (const { id, html } of messages) {
            if (!list.querySelector(`[data-message-id="${id}"]`)) {
                list.insertAdjacentHTML("beforeend", html);
            }
        }
        last = newest;
        if (status) status.textContent = `${list.dataset.newMessage} (${messages.length})`;
    }

    setTimeout(poll, POLL_INTERVAL);
}

for (const list of document.querySelectorAll("[data-live-conversation]")) followConversation(list);
