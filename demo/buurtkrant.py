"""The buurtkrant of the demo centre (being built; see the buurtkrant issue)."""


def load(log):
    log("buurtkrant: nothing yet")
