"""The agenda of the demo centre (being built; see the agenda issue)."""


def load(log):
    log("agenda: nothing yet")
