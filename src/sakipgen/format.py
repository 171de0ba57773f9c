"""Indonesian number and date formats (Babel, locale ``id_ID``), and user text made
safe for a terminal (:func:`teks_layar`).

Values are rounded by :mod:`sakipgen.calc` before they get here; these functions
only print them, with exactly the decimals the value has (Babel would otherwise
round half-even).
"""

from __future__ import annotations

import functools
import re
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sakipgen.model.nilai import Nilai

LOCALE = "id_ID"


@functools.cache
def _pola(places: int) -> tuple[Any, Any]:
    """Babel's parsed number pattern and locale, built once (a document formats thousands)."""
    from babel import Locale
    from babel.numbers import parse_pattern

    return parse_pattern("#,##0" + ("." + "0" * places if places else "")), Locale.parse(LOCALE)


def angka(value: Decimal | int, places: int | None = None) -> str:
    """``1727182400`` → ``1.727.182.400``; ``Decimal("135.31")`` → ``135,31``."""
    d = Decimal(value)
    if places is None:
        exponent = d.as_tuple().exponent
        places = max(0, -exponent) if isinstance(exponent, int) else 0
    pattern, locale = _pola(places)
    return str(pattern.apply(d, locale, decimal_quantization=True))


def persen(value: Decimal | None, places: int = 2) -> str:
    return "-" if value is None else angka(value, places)


def rupiah(value: int | None, prefix: str = "Rp ") -> str:
    return "-" if value is None else f"{prefix}{angka(value, 0)}"


def tanggal(value: date) -> str:
    """``2021-12-31`` → ``31 Desember 2021``."""
    from babel.dates import format_date

    return str(format_date(value, "d MMMM y", locale="id"))


def nilai(value: Nilai | None, *, satuan: bool = True) -> str:
    """A target or realisasi as printed: ``6.825 unit``, ``43,30%``, ``80-90``, ``WTP``, ``-``."""
    if value is None or value.jenis == "kosong":
        return "-"
    if value.jenis == "angka" and value.angka is not None:
        unit = value.satuan if satuan else ""
        sep = "" if unit in ("", "%") else " "
        return angka(value.angka) + sep + unit
    if value.jenis == "rentang" and value.bawah is not None and value.atas is not None:
        unit = value.satuan if satuan else ""
        sep = "" if unit in ("", "%") else " "
        return f"{angka(value.bawah)}-{angka(value.atas)}{sep}{unit}"
    if value.jenis == "majemuk":
        return " dan ".join(nilai(p, satuan=satuan) for p in value.bagian)
    return value.teks


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
