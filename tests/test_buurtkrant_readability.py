"""Readability hints for resident editors: long sentences, long words and the B1 indication,
for Dutch; no hints at all (so no false alarms) in other languages."""

import pytest

from buurtkrant.readability import analyse, syllables

SHORT_AND_CLEAR = [
    "Nieuwe bomen in de Damstraat",
    "Zaterdag plantten buren zes bomen. Kinderen gaven ze water.",
    "Wil je ook een boom? Vraag het in Rosa.",
]
LONG_SENTENCE = (
    "Omdat de gemeente al heel lang had beloofd dat er in onze straat nieuwe bomen zouden "
    "komen en de buren daar steeds weer om vroegen, kwamen er zaterdag eindelijk zes."
)


@pytest.mark.parametrize(
    ("word", "count"),
    [
        ("boom", 1),
        ("buurt", 1),
        ("bewoners", 3),
        ("vrijwilligers", 4),
        ("ideeën", 3),
        ("geïnteresseerd", 5),
        ("gemeentelijke", 5),
        ("verantwoordelijkheid", 6),
    ],
)
def test_dutch_syllables_are_counted_by_vowel_groups(word, count):
    assert syllables(word) == count


def test_short_sentences_and_short_words_are_plain_language():
    result = analyse(SHORT_AND_CLEAR, "nl")

    assert result.supported
    assert result.level == "b1"
    assert result.long_sentences == []
    assert result.long_words == []
    assert (result.sentences, result.words) == (5, 23)


def test_a_sentence_of_more_than_twenty_words_is_quoted_by_its_first_words():
    result = analyse([LONG_SENTENCE], "nl")

    assert result.long_sentences == ["Omdat de gemeente al heel lang …"]
    assert result.level == "hard"


def test_long_words_are_listed_once_each():
    text = [
        "De gemeentelijke verantwoordelijkheid is groot. De Gemeentelijke regels ook.",
        "Dat is onze verantwoordelijkheid.",
    ]

    assert analyse(text, "nl").long_words == ["gemeentelijke", "verantwoordelijkheid"]


def test_names_numbers_and_links_are_not_long_words():
    text = [
        "We gingen naar de Bilitonkade en de Jan Pieterszoon Coenstraat.",
        "Bel 0301234567 of kijk op https://www.utrecht.nl/gemeentelijkeverantwoordelijkheid.",
        "Mail naar informatievoorziening@example.org.",
    ]

    assert analyse(text, "nl").long_words == []


def test_a_long_word_at_the_start_of_a_sentence_still_counts():
    assert analyse(["Verantwoordelijkheid is belangrijk."], "nl").long_words == [
        "Verantwoordelijkheid"
    ]


def test_a_few_long_words_make_a_text_almost_plain():
    text = ["Iedere vrijwilliger krijgt een bedankje. De gemeentelijke regels zijn streng."]

    assert analyse(text, "nl").level == "almost"


@pytest.mark.parametrize(
    "text",
    [
        ["Municipal responsibilities and neighbourhood organisations collaborated."],
        ["Belediyenin sorumlulukları ve mahalle örgütlerinin işbirliği çok önemliydi."],
        ["Odpowiedzialność gminy i organizacji sąsiedzkich była niezwykle ważna."],
        ["تعاونت البلدية والمنظمات المجتمعية في الحي بشكل كبير ومستمر طوال الأسبوع."],
        [LONG_SENTENCE],
    ],
)
@pytest.mark.parametrize("language", ["en", "ar", "tr", "pl"])
def test_other_languages_get_no_hints_at_all(text, language):
    result = analyse(text, language)

    assert not result.supported
    assert result.level == ""
    assert result.long_sentences == result.long_words == []


def test_an_empty_text_gets_no_indication_yet():
    result = analyse(["", "   "], "nl")

    assert result.supported
    assert result.level == ""
    assert result.words == 0


def test_one_long_sentence_among_short_ones_is_not_quite_plain_language():
    result = analyse([*SHORT_AND_CLEAR, "Kort.", "Nog korter.", LONG_SENTENCE], "nl")

    assert result.words / result.sentences <= 15
    assert result.level == "almost"
