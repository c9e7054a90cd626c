"""The buurtkrant's page types for the shared accessibility, reflow, keyboard and weight
tests: the index, an index filtered by street, and an article (translated into Arabic)."""

PAGE_TYPES = {
    "buurtkrant-index": ("/{lang}/buurtkrant/", 200),
    "buurtkrant-filtered": ("/{lang}/buurtkrant/?straat=kanaalstraat&thema=eten", 200),
    "buurtkrant-article": ("/{lang}/buurtkrant/op-de-markt-van-de-kanaalstraat/", 200),
}
