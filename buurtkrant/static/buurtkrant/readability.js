// Readability hints in the buurtkrant article form, while the resident editor types.
// The rules are the same as buurtkrant/readability.py (the tests compare both); only Dutch
// texts get hints. Wagtail inserts this script into every editor; it does nothing unless the
// form has the readability panel, which only articles have.
(() => {
    "use strict";

    const LANGUAGES = new Set(["nl"]);
    const LONG_SENTENCE = 20;
    const LONG_WORD = 5;
    const B1_AVERAGE_SENTENCE = 15;
    const B1_LONG_WORD_SHARE = 0.05;
    const ALMOST_AVERAGE_SENTENCE = 20;
    const ALMOST_LONG_WORD_SHARE = 0.1;
    const QUOTED_WORDS = 6;

    const LINKS = /(?:https?:\/\/|www\.)\S+|\S+@\S+/gu;
    const SENTENCE_END = /(?<=[.!?…])\s+/u;
    const WORD = /[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu;
    const VOWELS = "aeiouyàáâäèéêëìíîïòóôöùúûü";
    const DIAERESIS = /([ëïöü])/gu;
    const VOWEL_GROUP = new RegExp(`[${VOWELS}]+`, "gu");

    function words(text) {
        return text.match(WORD) || [];
    }

    function syllables(word) {
        const spelled = word.toLowerCase().replaceAll("ij", "i").replace(DIAERESIS, "-$1");
        return Math.max(1, (spelled.match(VOWEL_GROUP) || []).length);
    }

    function sentencesOf(blocks) {
        const found = [];
        for (const block of blocks) {
            const text = (block || "").replace(LINKS, " ");
            for (const part of text.split(SENTENCE_END)) {
                if (words(part).length) found.push(part);
            }
        }
        return found;
    }

    function isLongWord(word, firstInSentence) {
        if (/\p{N}/u.test(word)) return false;
        if (/^\p{Lu}/u.test(word) && !firstInSentence) return false;
        return syllables(word) >= LONG_WORD;
    }

    function levelOf(wordCount, sentenceCount, longWordCount, longSentenceCount) {
        if (wordCount === 0) return "";
        const average = wordCount / sentenceCount;
        const share = longWordCount / wordCount;
        const plain = average <= B1_AVERAGE_SENTENCE && share <= B1_LONG_WORD_SHARE;
        if (plain && longSentenceCount === 0) return "b1";
        if (average <= ALMOST_AVERAGE_SENTENCE && share <= ALMOST_LONG_WORD_SHARE) return "almost";
        return "hard";
    }

    function analyse(blocks, language) {
        if (!LANGUAGES.has(language)) return { language, supported: false };
        const result = {
            language,
            supported: true,
            words: 0,
            sentences: 0,
            long_sentences: [],
            long_words: [],
            level: "",
        };
        let longWordCount = 0;
        for (const sentence of sentencesOf(blocks)) {
            const found = words(sentence);
            result.sentences += 1;
            result.words += found.length;
            if (found.length > LONG_SENTENCE) {
                result.long_sentences.push(`${found.slice(0, QUOTED_WORDS).join(" ")} …`);
            }
            found.forEach((word, position) => {
                if (!isLongWord(word, position === 0)) return;
                longWordCount += 1;
                const known = result.long_words.map((w) => w.toLowerCase());
                if (!known.includes(word.toLowerCase())) result.long_words.push(word);
            });
        }
        result.level = levelOf(
            result.words,
            result.sentences,
            longWordCount,
            result.long_sentences.length,
        );
        return result;
    }

    // The text of the article as the editor has it now, in blocks like text_blocks() in
    // models.py: title, intro, each paragraph, heading or list item, quotes and captions.
    function textBlocks(form) {
        const blocks = [];
        for (const selector of ["#id_title", "#id_intro"]) {
            const field = form.querySelector(selector);
            if (field) blocks.push(field.value);
        }
        for (const block of form.querySelectorAll('[data-block="true"]')) {
            blocks.push(block.textContent);
        }
        const streamText = form.querySelectorAll(
            'textarea[name^="body-"][name$="-value-text"], ' +
                'input[name^="body-"][name$="-value-caption"], ' +
                'input[name^="body-"][name$="-value-title"]',
        );
        for (const field of streamText) blocks.push(field.value);
        return blocks.filter((text) => text && text.trim());
    }

    function element(tag, className, text) {
        const node = document.createElement(tag);
        if (className) node.className = className;
        if (text) node.textContent = text;
        return node;
    }

    function render(output, result, messages) {
        if (!result.supported) {
            output.replaceChildren(element("p", "", messages.unsupported));
            return;
        }
        const level = result.level || "empty";
        const nodes = [
            element(
                "p",
                `buurtkrant-readability__level buurtkrant-readability__level--${level}`,
                messages[level],
            ),
        ];
        const hints = result.long_sentences.map((start) =>
            messages.long_sentence.replace("%(start)s", start),
        );
        if (result.long_words.length) {
            hints.push(messages.long_words.replace("%(words)s", result.long_words.join(", ")));
        }
        if (hints.length) {
            const list = element("ul", "buurtkrant-readability__hints");
            for (const hint of hints) list.append(element("li", "", hint));
            nodes.push(list);
        }
        output.replaceChildren(...nodes);
    }

    window.buurtkrantReadability = { analyse, syllables };

    function setUp() {
        const panel = document.querySelector("[data-readability]");
        if (!panel) return;
        const form = panel.closest("form");
        const output = panel.querySelector("[data-readability-output]");
        const messages = JSON.parse(
            document.getElementById("buurtkrant-readability-messages").textContent,
        );
        const language = panel.dataset.language;
        let timer = null;
        const update = () => render(output, analyse(textBlocks(form), language), messages);
        const later = () => {
            clearTimeout(timer);
            timer = setTimeout(update, 400);
        };
        form.addEventListener("input", later);
        form.addEventListener("change", later);
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", setUp);
    } else {
        setUp();
    }
})();
