"""Measuring text and sizing table columns: one font-metrics table (Arial/Helvetica
advance widths), one rule for where a line may break, and one column-width allocator
(:func:`bagi`), used by every table of every document.

Word does not tell how wide text will be, so column widths are computed from these
widths: a column is never made narrower than its longest unbreakable piece, so no
word is broken inside ("Meningkatny/a").
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

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


_EM: dict[bool, dict[str, int]] = {
    tebal: {chr(32 + i): w for i, w in enumerate(widths)} for tebal, widths in _LEBAR_HURUF.items()
}


@functools.lru_cache(maxsize=65536)
def _em(text: str, tebal: bool) -> int:
    """Width of ``text`` in 1/1000 em (a document measures the same words many times)."""
    table = _EM[tebal]
    return sum(table.get(c, 0 if c in _TANPA_LEBAR else CADANGAN) for c in text)


_TANPA_LEBAR = "\u200b\u200c\u200d\u2060\ufeff"
"""Characters with no width (a zero-width space marks where a long word may break)."""


def lebar(text: str, *, setengah_pt: int, tebal: bool = False) -> int:
    """Printed width of ``text`` in twips at a font size in half-points."""
    return round(_em(text, tebal) * setengah_pt * 10 / 1000)


@functools.lru_cache(maxsize=16384)
def _potongan(text: str) -> tuple[str, ...]:
    return tuple(p for p in _POTONG.split(text) if p)


_POTONG = re.compile(r"[^\S\u00a0]+|(?<=[/-])")


def potongan(text: str) -> list[str]:
    """The pieces a line cannot be broken inside: words, also split after ``/`` and
    ``-`` (where Word breaks a long word); a no-break space joins (``US$ 2.942.679``)."""
    return list(_potongan(text))


def kata_terlebar(texts: Iterable[str], *, setengah_pt: int, tebal: bool = False) -> int:
    """Width of the widest unbreakable piece among ``texts`` (0 when there is none)."""
    return max(
        (lebar(p, setengah_pt=setengah_pt, tebal=tebal) for t in texts for p in potongan(t)),
        default=0,
    )


def baris_terlebar(texts: Iterable[str], *, setengah_pt: int, tebal: bool = False) -> int:
    """Width of the widest line among ``texts`` (lines split at ``\\n``)."""
    return max(
        (
            lebar(line, setengah_pt=setengah_pt, tebal=tebal)
            for t in texts
            for line in t.split("\n")
        ),
        default=0,
    )


def jumlah_baris(text: str, lebar_baris: int, *, setengah_pt: int, tebal: bool = False) -> int:
    """How many lines ``text`` takes in ``lebar_baris`` twips, set word by word as a word
    processor sets it (a ``\n`` starts a line; a piece wider than the line fills lines
    of its own)."""
    spasi = lebar(" ", setengah_pt=setengah_pt, tebal=tebal)
    penuh = max(lebar_baris, 1)
    total = 0
    for baris in text.split("\n"):
        lines, isi = 1, 0
        for kata in baris.split():
            w = lebar(kata, setengah_pt=setengah_pt, tebal=tebal)
            if isi and isi + spasi + w <= penuh:
                isi += spasi + w
                continue
            if isi:
                lines += 1
            lebih = max(0, (w - 1) // penuh)  # the whole lines a too-wide piece fills first
            lines += lebih
            isi = w - lebih * penuh
        total += lines
    return total


# --- column widths ----------------------------------------------------------------------


@dataclass(frozen=True)
class Kebutuhan:
    """What one column needs, in twips (cell padding included).

    A *text* column (``bobot`` > 0: sasaran, indikator, uraian) shares the room the
    others leave, by its weight.  A *content* column (``bobot`` 0: numbers, units,
    short names) is as wide as its widest line, up to ``batas``."""

    minimum: int
    """The longest unbreakable piece: narrower, a word or number would be broken."""
    alami: int
    """The widest line: at this width no cell wraps."""
    bobot: float = 0.0
    batas: int = 0
    """Content column: at most this wide (0: no limit below ``alami``)."""
    nyaman: int = 0
    """Text column: the width it keeps before content columns give back theirs."""
    penuh: bool = False
    """Text column: never wider than ``alami``; the room left widens ``lebarkan`` columns."""
    lebarkan: bool = False


def _kembalikan(lebih: dict[int, int], kurang: int) -> dict[int, int]:
    """What each column gives back when ``kurang`` twips are taken from what it holds
    above its floor (``lebih``), in proportion, never more than all of it."""
    have = sum(lebih.values())
    if not have:
        return {}
    cut = min(have, kurang)
    return {i: cut * v // have for i, v in lebih.items()}


def bagi(kolom: Sequence[Kebutuhan], total: int, *, seragam: Sequence[int] = ()) -> list[int]:
    """Column widths in twips summing to ``total``: the one allocator of every table.

    Content columns get their natural width (up to ``batas``); text columns share what
    is left by weight, none below its comfortable width (``nyaman``) or its longest
    word.  When that does not fit, content columns give back width down to their
    longest word first, then text columns down to theirs.  Columns in ``seragam`` (the
    years, the months) get one common width.  No column is narrower than its longest
    word unless even those do not fit; the table is then scaled down as a whole."""
    n = len(kolom)
    floor = [k.minimum for k in kolom]
    want = [max(k.alami, k.minimum) for k in kolom]
    if seragam:
        common_floor = max(floor[i] for i in seragam)
        common_want = max(want[i] for i in seragam)
        for i in seragam:
            floor[i], want[i] = common_floor, common_want
    if sum(floor) >= total:
        # Even the longest words do not fit: everything shrinks alike.
        scaled = [f * total // sum(floor) for f in floor]
        scaled[-1] += total - sum(scaled)
        return scaled
    text = [i for i, k in enumerate(kolom) if k.bobot]
    other = [i for i in range(n) if i not in text]
    width = [0] * n
    for i in other:
        width[i] = max(floor[i], min(want[i], kolom[i].batas or want[i]))
    comfort = {i: max(floor[i], min(kolom[i].nyaman, want[i])) for i in text}
    room = total - sum(width[i] for i in other)
    need = sum(comfort.values())
    if room < need:
        # Content columns give back what they hold above their longest word.
        for i, g in _kembalikan({i: width[i] - floor[i] for i in other}, need - room).items():
            width[i] -= g
        room = total - sum(width[i] for i in other)
    if room < need:
        # Text columns go below the comfortable width, down to their longest word.
        for i, g in _kembalikan({i: comfort[i] - floor[i] for i in text}, need - room).items():
            comfort[i] -= g
    # Share the room by weight: a column whose share is below its floor keeps the
    # floor; then one whose share is above its full width (``penuh``) keeps that.
    free = set(text)
    while free:
        weight = sum(kolom[i].bobot for i in free)
        share = {i: room * kolom[i].bobot / weight for i in free}
        pinned = sorted(i for i in free if share[i] < comfort[i]) or sorted(
            i for i in free if kolom[i].penuh and share[i] > want[i]
        )
        if not pinned:
            for i in free:
                # (+ 1e-6: float noise must not lose a twip of an exact share)
                width[i] = int(share[i] + 1e-6)
            break
        for i in pinned:
            width[i] = comfort[i] if share[i] < comfort[i] else want[i]
            room -= width[i]
            free.discard(i)
    left = total - sum(width)
    lebarkan = [i for i, k in enumerate(kolom) if k.lebarkan]
    if left > 0 and not free and lebarkan:
        for i in lebarkan:
            width[i] += left // len(lebarkan)
    # What rounding leaves goes to the widest column still sharing, else the last.
    target = max(sorted(free), key=lambda i: width[i]) if free else n - 1
    width[target] += total - sum(width)
    return width


def baris_seimbang(text: str, lebar_baris: int, *, setengah_pt: int, tebal: bool = False) -> str:
    """``text`` broken into as few lines as fit ``lebar_baris`` twips, of even length
    (``\\n`` between them), so that no line is left with one word (a kop surat:
    "DINAS PERDAGANGAN, PERINDUSTRIAN DAN KOPERASI, USAHA KECIL DAN / MENENGAH")."""
    words = text.split()
    if not words or lebar(text, setengah_pt=setengah_pt, tebal=tebal) <= lebar_baris:
        return text

    def width(ws: list[str]) -> int:
        return lebar(" ".join(ws), setengah_pt=setengah_pt, tebal=tebal)

    def split(n: int) -> list[list[str]] | None:
        # The split into n lines with the narrowest widest line (words in order).
        best: tuple[int, list[list[str]]] | None = None

        def go(start: int, left: int, acc: list[list[str]]) -> None:
            nonlocal best
            if left == 1:
                lines = [*acc, words[start:]]
                worst = max(width(x) for x in lines)
                if best is None or worst < best[0]:
                    best = (worst, lines)
                return
            for end in range(start + 1, len(words) - left + 2):
                go(end, left - 1, [*acc, words[start:end]])

        go(0, n, [])
        return best[1] if best is not None and best[0] <= lebar_baris else None

    for n in range(2, min(len(words), 4) + 1):
        found = split(n)
        if found is not None:
            return "\n".join(" ".join(x) for x in found)
    return text
