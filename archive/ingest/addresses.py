"""Web and e-mail addresses in a line: the one spelling of each that every reader asks.

A leaf module (it imports nothing of ours), so the readers low in the import graph
(``bylines``, ``headlines``) share it with those above them (``lineshape``, ``linemodel``,
``pagedates``) without a cycle.
"""

from __future__ import annotations

import re

__all__ = [
    "ADDRESS",
    "EMAIL_ADDRESS",
    "HIDDEN_EMAIL",
    "WEB_ADDRESS",
    "holds_address",
    "holds_web_address",
]

# A web address: a scheme ("http://…", "https://…") or a host opening with "www." and a dot
# after its name ("www.outlet.org"), not glued to a word, a dot or an "@" before it (an
# e-mail's "info@www.…", a URL-encoded "%2Fwww.…" inside another address's query).
WEB_ADDRESS = r"https?://|(?<![\w.@])www\.[\w-]+\.\w"
# An e-mail address, as the credit lines write it ("name@outlet.co.kr").
EMAIL_ADDRESS = r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
# The placeholder a saved page shows for an address its site hid ("[email protected]",
# "[email&#160;protected]"): an e-mail address all the same.
HIDDEN_EMAIL = r"\[?email\s*(?:&#160;|\s)?protected\]?"
# Either: a contact or source line's address.
ADDRESS = rf"{EMAIL_ADDRESS}|{WEB_ADDRESS}"

_WEB_ADDRESS = re.compile(WEB_ADDRESS, re.IGNORECASE)
# Searched for, an e-mail address opens where no character of one stands before it: the
# search then runs the local part to a word's end once per word, not from every letter of it
# (a line of a million letters took minutes); whether a line holds one is the same.
_ADDRESS = re.compile(rf"(?<![\w.+-])(?:{EMAIL_ADDRESS})|{WEB_ADDRESS}", re.IGNORECASE)


def holds_web_address(text: str) -> bool:
    """Whether a line holds a web address ("http://…", "www.outlet.org").

    >>> holds_web_address("Outlet https://outlet.org Motto"), holds_web_address("www.rfa.org")
    (True, True)
    >>> holds_web_address("name@outlet.org")
    False
    """
    return _WEB_ADDRESS.search(text) is not None


def holds_address(text: str) -> bool:
    """Whether a line holds a web or an e-mail address (a contact or source line).

    >>> holds_address("Contact: desk@outlet.org"), holds_address("Ends here.")
    (True, False)
    """
    return _ADDRESS.search(text) is not None
