"""Referral codes: random, short, and easy to read aloud or copy from a piece of paper.

The alphabet leaves out characters people mix up (0 and O, 1, I and L), so a code written by
hand still works. Eight characters from 31 give about 850 billion codes; together with the
rate limit on wrong codes nobody finds someone else's referral by trying.
"""

import secrets

CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
CODE_LENGTH = 8


def new_code():
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def normalise_code(typed):
    """What someone typed or the link holds, as stored: capitals, no dashes or spaces."""
    return "".join(character for character in typed.upper() if character.isalnum())
