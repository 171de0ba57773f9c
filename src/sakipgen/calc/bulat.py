"""Rounding: ``ROUND_HALF_UP`` to the profile's places, applied once, at presentation."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal

from sakipgen.format import tempat_desimal

SERATUS = Decimal(100)


def bulat(value: Decimal, places: int = 2) -> Decimal:
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def bulat_seperti(value: Decimal, tertulis: Decimal) -> Decimal:
    """``value`` rounded to the decimals ``tertulis`` is written with: how a computed
    figure is compared with one a document printed or a planner typed (85,578… against
    a printed 85,60 is 85,58; against 85,6 it is 85,6)."""
    return bulat(value, tempat_desimal(tertulis))


def persen(bagian: Decimal | int, keseluruhan: Decimal | int) -> Decimal:
    """``bagian / keseluruhan × 100``, unrounded; the caller ensures the divisor is not zero."""
    return Decimal(bagian) * SERATUS / Decimal(keseluruhan)


def rata_rata(values: Sequence[Decimal], places: int = 2) -> Decimal | None:
    """Mean of already-rounded figures, rounded: a reader re-adding the printed column
    gets the printed average."""
    if not values:
        return None
    return bulat(sum(values, Decimal(0)) / len(values), places)
