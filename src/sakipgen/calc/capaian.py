"""Capaian of one indikator from its target and realisasi (README "Rumus capaian").

* positif:  R / T × 100
* negatif:  (2T − R) / T × 100  (``metode_negatif: selisih``, LAN / PermenPAN-RB 6/2022)
            T / R × 100         (``metode_negatif: rasio``, as SIPD computes it); the
            indikator's own ``metode_negatif``, else the profile's
* rentang ``a-b`` (or polaritas stabil): 100 inside; below: R / a × 100;
  above: (2b − R) / b × 100 — the distance outside the band, relative to the bound.
* majemuk ``7% dan 17%``: each part by the rules above, then the mean of the rounded parts.
* text targets: no formula; the capaian is entered by hand with a reason.

The formulas measure a realisasi against a target on a scale that starts at 0, so a
target below 0 (a number, a range bound or a compound part, whatever the polaritas)
gives no capaian (C007; C001 for a target of 0): with target −2 and realisasi −4,
R / T would print 200 % for a result twice as bad.  A negative realisasi against a
positive target is computed (positif: R / T, below 0, the lowest kategori; negatif
selisih: above 200 %), as each still orders results the right way; with ``metode_negatif: rasio``
T / R would turn it upside down, so a realisasi below 0 gives no capaian there (C007).
Such an indikator's capaian is entered by hand with ``alasan``.

No cap unless the profile sets ``batas_atas``.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Literal

from sakipgen.calc.bulat import SERATUS, bulat, persen, rata_rata
from sakipgen.errors import TemuanData
from sakipgen.i18n import _
from sakipgen.model.dinas import Profil
from sakipgen.model.nilai import MetodeNegatif, Nilai

TIDAK_ADA = {"n/a", "na", "n.a.", "n.a", "tidak ada", "belum ada", "tidak tersedia", "tad", "t.a.d"}
"""Realisasi written as "not available": a catatan, not a hand-entered capaian."""


class CapaianError(TemuanData):
    """Capaian cannot be computed; ``pada`` is the value at fault (where the diagnostic
    points)."""

    def __init__(
        self, code: str, message: str, pada: Literal["target", "realisasi"] = "realisasi"
    ) -> None:
        super().__init__(code, message)
        self.pada = pada


def _negatif(target: Nilai) -> bool:
    """Whether a single or range target has a number below 0."""
    values = [target.angka, target.bawah, target.atas]
    return any(v is not None and v < 0 for v in values)


def _satu(t: Decimal, r: Decimal, polaritas: str, metode_negatif: str) -> Decimal:
    if polaritas == "stabil":
        return _rentang(t, t, r)
    if polaritas == "negatif":
        if metode_negatif == "rasio":
            if r == 0:
                raise CapaianError(
                    "C001", _("realisasi 0 pada indikator negatif: T / R tidak dapat dihitung")
                )
            return persen(t, r)
        if t == 0:
            raise CapaianError("C001", _("target 0: (2T − R) / T tidak dapat dihitung"))
        return (2 * t - r) * SERATUS / t
    if t == 0:
        raise CapaianError("C001", _("target 0: R / T tidak dapat dihitung"))
    return persen(r, t)


def _rentang(lo: Decimal, hi: Decimal, r: Decimal) -> Decimal:
    if lo <= r <= hi:
        return SERATUS
    if r < lo:
        if lo == 0:
            raise CapaianError("C001", _("batas bawah rentang 0: capaian tidak dapat dihitung"))
        return persen(r, lo)
    if hi == 0:
        raise CapaianError("C001", _("batas atas rentang 0: capaian tidak dapat dihitung"))
    return (2 * hi - r) * SERATUS / hi


def hitung(
    target: Nilai,
    realisasi: Nilai,
    polaritas: str,
    profil: Profil,
    metode_negatif: MetodeNegatif | None = None,
    *,
    desimal: int | None = None,
) -> Decimal:
    """Capaian in percent, rounded to the profile's places (and capped if it says so);
    ``metode_negatif`` is the indikator's own formula for negative polarity (None: the
    profile's); ``desimal`` other places to round to (a printed figure's, to compare
    it at its own precision)."""
    places = profil.desimal if desimal is None else desimal
    metode = profil.metode_untuk(metode_negatif)

    def finish(value: Decimal) -> Decimal:
        if profil.batas_atas is not None and value > profil.batas_atas:
            value = profil.batas_atas
        return bulat(value, places)

    if realisasi.jenis == "kosong":
        raise CapaianError("C002", _("realisasi belum diisi"))
    if realisasi.jenis == "teks" and realisasi.teks.strip().lower() in TIDAK_ADA:
        # "n/a": the figure is knowingly absent; a hand-entered capaian would invent one.
        raise CapaianError(
            "C003",
            _(
                "realisasi '{realisasi}' bukan angka; bila datanya memang tidak ada, tulis "
                'alasannya sebagai catatan tanpa nilai ({{catatan: "…"}}); bila ada, '
                "tulis angkanya"
            ).format(realisasi=realisasi.teks),
        )
    if target.jenis == "teks" or realisasi.jenis == "teks":
        raise CapaianError(
            "C003",
            _(
                "target '{target}' / realisasi '{realisasi}' bukan angka: isi 'capaian' "
                "secara manual beserta 'alasan'"
            ).format(target=target.teks, realisasi=realisasi.teks),
        )
    if target.jenis == "majemuk":
        if realisasi.jenis != "majemuk" or len(realisasi.bagian) != len(target.bagian):
            raise CapaianError(
                "C006",
                _(
                    "target '{target}' terdiri dari {jumlah} bagian; tulis "
                    "realisasi dengan bagian yang sama, misalnya '6,5% dan 15%'"
                ).format(target=target.teks, jumlah=len(target.bagian)),
            )
        parts = [
            hitung(t, r, polaritas, profil, metode, desimal=places)
            for t, r in zip(target.bagian, realisasi.bagian, strict=True)
        ]
        avg = rata_rata(parts, places)
        assert avg is not None
        return avg
    if realisasi.jenis != "angka" or realisasi.angka is None:
        raise CapaianError(
            "C006",
            _("realisasi '{realisasi}' harus satu angka untuk target '{target}'").format(
                realisasi=realisasi.teks, target=target.teks
            ),
        )
    r = realisasi.angka
    if _negatif(target):
        raise CapaianError(
            "C007",
            _(
                "target '{target}' di bawah 0: rumus capaian tidak berlaku; isi 'capaian' "
                "secara manual beserta 'alasan'"
            ).format(target=target.teks),
            pada="target",
        )
    if target.jenis == "rentang":
        assert target.bawah is not None and target.atas is not None
        return finish(_rentang(target.bawah, target.atas, r))
    if target.jenis == "angka" and target.angka is not None:
        if polaritas == "negatif" and metode == "rasio" and r < 0:
            raise CapaianError(
                "C007",
                _(
                    "realisasi '{realisasi}' di bawah 0 pada indikator negatif: T / R tidak "
                    "berlaku; isi 'capaian' secara manual beserta 'alasan'"
                ).format(realisasi=realisasi.teks),
            )
        return finish(_satu(target.angka, r, polaritas, metode))
    raise CapaianError("C003", _("tidak ada target untuk dibandingkan"))
