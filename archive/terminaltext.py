"""Making article text safe to show: control characters become visible placeholders.

Article text is data. An escape sequence inside a story must never reach a terminal as a
command, so every C0/C1 control character other than newline and tab is replaced by a visible
symbol (ESC → ␛, NUL → ␀, DEL → ␡, C1 → its ``<U+0085>`` form) for display only; the stored
text is never changed.
"""

from __future__ import annotations

import re

# Lone surrogates (undecodable bytes of a file name or argument) cannot be printed at all.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")


def _placeholder(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    if code < 0x20:
        return chr(0x2400 + code)  # the Control Pictures block: ␀ … ␟
    if code == 0x7F:
        return "\u2421"  # ␡
    return f"<U+{code:04X}>"


def visible_controls(text: str) -> str:
    """``text`` with every control character (except newline and tab) shown as a symbol."""
    return _CONTROL.sub(_placeholder, text)


def one_line(text: str) -> str:
    """``text`` made safe for one line of terminal output: like `visible_controls`, and a
    newline or tab shows as its symbol too, so a file name or a package's metadata can never
    forge a second output line."""
    return visible_controls(text).replace("\n", "\u2424").replace("\t", "\u2409")
