"""The prikbord of the demo centre (being built; see the prikbord issue)."""


def load(log):
    log("prikbord: nothing yet")
