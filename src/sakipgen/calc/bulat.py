"""Rounding: ``ROUND_HALF_UP`` to the profile's places, applied once, at presentation."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal

SERATUS = Decimal(100)


def bulat(value: Decimal, places: int = 2) -> Decimal:
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def persen(bagian: Decimal | int, keseluruhan: Decimal | int) -> Decimal:
    """``bagian / keseluruhan × 100``, unrounded; the caller ensures the divisor is not zero."""
    return Decimal(bagian) * SERATUS / Decimal(keseluruhan)


def rata_rata(values: Sequence[Decimal], places: int = 2) -> Decimal | None:
    """Mean of already-rounded figures, rounded: a reader re-adding the printed column
    gets the printed average."""
    if not values:
        return None
    return bulat(sum(values, Decimal(0)) / len(values), places)
