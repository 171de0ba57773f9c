"""Measuring text for table layout: one font-metrics table (Arial/Helvetica advance
widths) and one rule for where a line may break, used by every document that sizes
its columns from its content (IKU, Rencana Aksi).

Word does not tell how wide text will be, so column widths are computed from these
widths: a column is never made narrower than its longest unbreakable piece, so no
word is broken inside ("Meningkatny/a").
"""

from __future__ import annotations

import re

# Advance widths of Helvetica/Arial (AFM, 1/1000 em) for printable ASCII 32..126.
_AFM_REGULAR = (
    "278 278 355 556 556 889 667 222 333 333 389 584 278 333 278 278 556 556 556 556 556 556 "
    "556 556 556 556 278 278 584 584 584 556 1015 667 667 722 722 667 611 778 722 278 500 667 "
    "556 833 722 778 667 778 722 667 611 722 667 944 667 667 611 278 278 278 469 556 222 556 "
    "556 500 556 556 278 556 556 222 222 500 222 833 556 556 556 556 333 500 278 556 500 722 "
    "500 500 500 334 260 334 584"
)
_AFM_BOLD = (
    "278 333 474 556 556 889 722 278 333 333 389 584 278 333 278 278 556 556 556 556 556 556 "
    "556 556 556 556 333 333 584 584 584 611 975 722 722 722 722 667 611 778 722 278 556 722 "
    "611 833 722 778 667 778 722 667 611 722 667 944 667 667 611 333 278 333 584 556 278 556 "
    "611 556 611 556 333 611 611 278 278 556 278 889 611 611 611 611 389 556 333 611 556 778 "
    "556 556 500 389 280 389 584"
)
_LEBAR_HURUF = {
    False: [int(x) for x in _AFM_REGULAR.split()],
    True: [int(x) for x in _AFM_BOLD.split()],
}

CADANGAN = 556
"""Width of a character outside printable ASCII (a digit's, the commonest width)."""


def lebar(text: str, *, setengah_pt: int, tebal: bool = False) -> int:
    """Printed width of ``text`` in twips at a font size in half-points."""
    table = _LEBAR_HURUF[tebal]
    em = sum(table[ord(c) - 32] if 32 <= ord(c) < 127 else CADANGAN for c in text)
    return round(em * setengah_pt * 10 / 1000)


_POTONG = re.compile(r"\s+|(?<=[/-])")


def potongan(text: str) -> list[str]:
    """The pieces a line cannot be broken inside: words, also split after ``/`` and
    ``-`` (where Word breaks a long word)."""
    return [p for p in _POTONG.split(text) if p]
