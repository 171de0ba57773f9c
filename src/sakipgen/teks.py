"""Text from a dinas folder made safe to print: file names that are not UTF-8, and
control or bidirectional characters that a terminal would act on.

The lowest layer: diagnostics, formats and every output use it.
"""

from __future__ import annotations

import re

# What a terminal would act on instead of showing: C0 controls (ESC starts colour,
# cursor, title and hyperlink sequences; CR and backspace overwrite what was printed),
# DEL, C1 controls (0x9B is a one-byte CSI), and the bidirectional formatting
# characters that reorder the visible text ("Trojan Source": U+202A-U+202E,
# U+2066-U+2069, the marks U+200E, U+200F, U+061C), plus the line and paragraph
# separators U+2028, U+2029.
_KENDALI = re.compile(
    "[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]"
)


def _tampak(m: re.Match[str]) -> str:
    char = m.group()
    if char in "\t\n\r":
        # One line per diagnostic and per table cell: a line break in user text must
        # not start what looks like another diagnostic.
        return " "
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def teks_layar(value: object) -> str:
    """User text (ids, uraian, satuan, file names …) as it may be printed on a terminal,
    on one line: tab and line breaks become spaces, every other control or bidi
    character is shown as an escape (``\\x1b``, ``\\u202e``, as in a YAML double-quoted
    string), so the user sees that it is there and the terminal does not act on it.
    JSON output keeps the exact text (JSON escapes it)."""
    return _KENDALI.sub(_tampak, str(value))


def bersih_nama(text: str) -> str:
    """``text`` with the undecodable bytes of a file name (surrogate escapes) written
    as ``\\xNN``, so it can be printed and stored as UTF-8."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return text
