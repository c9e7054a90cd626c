"""Readability hints for resident editors: long sentences, long words and a B1 indication.

The admin script static/buurtkrant/readability.js applies exactly these rules while someone
types; this module is the reference the tests check, and gives the hints the editor shows when
the form opens. The rules are for Dutch only: other languages get no hints rather than wrong
ones (a Turkish or Arabic word is not "long" by Dutch standards).
"""

import re
from dataclasses import dataclass, field

LANGUAGES = {"nl"}
# A sentence with more words than this is long (plain-language guides say 15 to 20).
LONG_SENTENCE = 20
# A word with at least this many syllables is long ("gemeentelijke", "verantwoordelijkheid").
LONG_WORD = 5
# Plain language (B1): short sentences on average and few long words.
B1_AVERAGE_SENTENCE = 15
B1_LONG_WORD_SHARE = 0.05
ALMOST_AVERAGE_SENTENCE = 20
ALMOST_LONG_WORD_SHARE = 0.10
# How many words of a long sentence the hint quotes.
QUOTED_WORDS = 6

LINKS = re.compile(r"(?:https?://|www\.)\S+|\S+@\S+")
SENTENCE_END = re.compile(r"(?<=[.!?…])\s+")
WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")
VOWELS = "aeiouyàáâäèéêëìíîïòóôöùúûü"
# A letter with a diaeresis starts a new syllable: "ideeën", "geïnteresseerd".
DIAERESIS = re.compile("([ëïöü])")
VOWEL_GROUP = re.compile(f"[{VOWELS}]+")


@dataclass
class Readability:
    """What the hints say about a text. `level` is "b1", "almost" or "hard"; empty when the
    text is too short or in a language without rules."""

    language: str
    supported: bool
    words: int = 0
    sentences: int = 0
    long_sentences: list = field(default_factory=list)
    long_words: list = field(default_factory=list)
    level: str = ""


def syllables(word):
    """Dutch syllables, counted as groups of vowels ("ij" is one vowel)."""
    spelled = DIAERESIS.sub(r"-\1", word.lower().replace("ij", "i"))
    return max(1, len(VOWEL_GROUP.findall(spelled)))


def sentences_of(blocks):
    """The sentences of a list of text blocks (title, intro, paragraphs, list items)."""
    found = []
    for block in blocks:
        text = LINKS.sub(" ", block or "")
        found.extend(part for part in SENTENCE_END.split(text) if WORD.search(part))
    return found


def is_long_word(word, first_in_sentence):
    """Long words, except names (a capital inside a sentence) and words with numbers."""
    if any(ch.isdigit() for ch in word):
        return False
    if word[0].isupper() and not first_in_sentence:
        return False
    return syllables(word) >= LONG_WORD


def level_of(words, sentences, long_words, long_sentences):
    """Plain language (B1) needs short sentences on average, none that is long, and few long
    words."""
    if words == 0:
        return ""
    average = words / sentences
    share = long_words / words
    if average <= B1_AVERAGE_SENTENCE and share <= B1_LONG_WORD_SHARE and not long_sentences:
        return "b1"
    if average <= ALMOST_AVERAGE_SENTENCE and share <= ALMOST_LONG_WORD_SHARE:
        return "almost"
    return "hard"


def analyse(blocks, language):
    """Hints for the text blocks of an article written in `language`."""
    if language not in LANGUAGES:
        return Readability(language=language, supported=False)
    result = Readability(language=language, supported=True)
    long_word_count = 0
    for sentence in sentences_of(blocks):
        words = WORD.findall(sentence)
        result.sentences += 1
        result.words += len(words)
        if len(words) > LONG_SENTENCE:
            result.long_sentences.append(" ".join(words[:QUOTED_WORDS]) + " …")
        for position, word in enumerate(words):
            if is_long_word(word, position == 0):
                long_word_count += 1
                if word.lower() not in (known.lower() for known in result.long_words):
                    result.long_words.append(word)
    result.level = level_of(
        result.words, result.sentences, long_word_count, len(result.long_sentences)
    )
    return result
