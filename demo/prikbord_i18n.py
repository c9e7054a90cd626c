"""Translations of demo/prikbord.py: the board, and the one call-out staff translated for the
whole street. The other cards stay in the language their poster wrote them in."""

BOARD_TITLE = "Prikbord"
BOARD_INTRO = "Zoals het prikbord in de supermarkt. Vraag iets, bied iets aan of deel een idee. Zo helpen buren elkaar."
WALK_TITLE = "Wandel je mee op zondag?"
WALK_TEXT = "Elke zondag om 10 uur wandelen we een uur door het Máximapark. Rustig tempo, iedereen is welkom. We verzamelen bij Rosa."

TRANSLATIONS = {
    "en": {
        BOARD_TITLE: "Notice board",
        BOARD_INTRO: "Like the notice board in the supermarket. Ask for something, offer something or share an idea. That is how neighbours help each other.",
        WALK_TITLE: "Will you walk with us on Sunday?",
        WALK_TEXT: "Every Sunday at 10 o'clock we walk for an hour in the Máximapark. At an easy pace, and everyone is welcome. We meet at Rosa.",
    },
    "ar": {
        BOARD_TITLE: "لوحة الإعلانات",
        BOARD_INTRO: "مثل لوحة الإعلانات في السوبرماركت. اطلب شيئاً، أو اعرض شيئاً، أو شارك فكرة. هكذا يساعد الجيران بعضهم بعضاً.",
        WALK_TITLE: "هل تمشي معنا يوم الأحد؟",
        WALK_TEXT: "كل يوم أحد في الساعة العاشرة نمشي ساعة في حديقة Máximapark. بخطى هادئة، والجميع مرحَّب بهم. نلتقي عند Rosa.",
    },
    "tr": {
        BOARD_TITLE: "İlan panosu",
        BOARD_INTRO: "Süpermarketteki ilan panosu gibi. Bir şey iste, bir şey öner ya da bir fikrini paylaş. Komşular böyle birbirine yardım eder.",
        WALK_TITLE: "Pazar günü bizimle yürür müsün?",
        WALK_TEXT: "Her pazar saat 10'da Máximapark'ta bir saat yürüyoruz. Yavaş tempoda, herkes davetli. Rosa'nın önünde buluşuyoruz.",
    },
    "pl": {
        BOARD_TITLE: "Tablica ogłoszeń",
        BOARD_INTRO: "Jak tablica ogłoszeń w supermarkecie. Poproś o coś, zaproponuj coś albo podziel się pomysłem. Tak sąsiedzi pomagają sobie nawzajem.",
        WALK_TITLE: "Pójdziesz z nami na spacer w niedzielę?",
        WALK_TEXT: "W każdą niedzielę o 10:00 spacerujemy godzinę po parku Máximapark. Spokojnym tempem, każdy jest mile widziany. Spotykamy się przy Rosie.",
    },
}
