"""The rencana aksi during the year: each row's target and realisasi for a reported
period (a triwulan or a month) and to date, with capaian, what remains of the year and
the money spent (the Laporan Monitoring Rencana Aksi).

A row's periods make a longer span by the row's rule, the same rule its annual target
follows (:meth:`Dinas.cara_tahunan`: the row's ``kumulatif``, else its indikator's
``sifat``, else the table's): running totals (``akhir``) take the last value written,
``jumlah`` the sum, ``rata_rata`` the mean.  So a quarter of a cumulative row is its
value at the quarter's end, and the row's value at December is its annual target: the
monitoring report, the E.81 and the LKjIP agree.

A row's realisasi is its own ``realisasi`` list, else (a row of a Renstra indikator)
that indikator's ``bulanan``/``triwulan`` in realisasi.yaml, put on the table's periods.
"""

from __future__ import annotations

from decimal import Decimal

from sakipgen.calc.anggaran import anak_unit, pagu, realisasi_sampai, serapan
from sakipgen.calc.capaian import CapaianError, hitung
from sakipgen.calc.kategori import kategori
from sakipgen.calc.periode import nilai_angka, tahunan
from sakipgen.calc.rencana_aksi import rata_periode, ringkas
from sakipgen.i18n import _
from sakipgen.model.dinas import Profil
from sakipgen.model.folder import Dinas, Tahun
from sakipgen.model.hasil import BarisPemantauan, HasilPemantauan, TargetBerlaku, Unit
from sakipgen.model.nilai import MetodeNegatif, Nilai
from sakipgen.model.rencana_aksi import JUMLAH_PERIODE, BarisRencanaAksi, TabelRencanaAksi
from sakipgen.model.tahun import RealisasiIndikator


def _angka(v: Nilai | None) -> Decimal | None:
    return v.angka if v is not None and v.jenis == "angka" else None


def gabung(values: list[Decimal | None], cara: str) -> Decimal | None:
    """Periods made one span: the last value given (running totals, states), their
    sum, or their mean (rounded to two places like a rencana aksi mean); None when no
    period has a number."""
    known = [v for v in values if v is not None]
    if not known:
        return None
    if cara == "akhir":
        return known[-1]
    if cara == "rata_rata":
        return rata_periode(known)
    return sum(known, Decimal(0))


def _periode_tabel(tb: TabelRencanaAksi, awal: int, bulan: int) -> tuple[list[int], list[int]]:
    """The table's periods (1-based) inside the reported months, and those up to the
    last month (a quarter counts once it has ended)."""
    if tb.periode == "bulanan":
        return list(range(awal, bulan + 1)), list(range(1, bulan + 1))
    return [q for q in range(1, 5) if awal <= 3 * q <= bulan], list(range(1, bulan // 3 + 1))


def _realisasi_indikator(
    real: RealisasiIndikator, tb: TabelRencanaAksi, cara: str, sifat: str | None
) -> tuple[dict[int, Decimal | None], set[int]]:
    """An indikator's realisasi.yaml periods on the table's periods: values by period,
    and the periods its reporting has a place for (a quarterly report on a monthly
    table fills months 3, 6, 9 and 12 only).  A per-period (jumlah) indikator on a row
    of running totals is added up, and the other way round."""
    n = JUMLAH_PERIODE[tb.periode]
    values: dict[int, Decimal | None] = {}
    if tb.periode == "bulanan":
        if real.bulanan:
            values = {m: _angka(v) for m, v in real.bulanan.items()}
            slots = set(range(1, 13))
        else:
            values = {3 * q: _angka(v) for q, v in real.triwulan.items()}
            slots = {3, 6, 9, 12}
    else:
        slots = set(range(1, 5))
        if real.triwulan:
            values = {q: _angka(v) for q, v in real.triwulan.items()}
        else:
            for q in range(1, 5):
                months = [real.bulanan[m] for m in range(3 * q - 2, 3 * q + 1) if m in real.bulanan]
                if months:
                    found = tahunan(months, sifat or "akhir_periode")
                    values[q] = found.angka if found is not None else None
    if cara == "akhir" and sifat == "jumlah":
        ubah = jumlah_berjalan
    elif cara == "jumlah" and sifat == "kumulatif":
        ubah = selisih_berjalan
    else:
        return values, slots
    urut = ubah([values.get(p) for p in range(1, n + 1)])
    return {p: urut[p - 1] for p in values}, slots


def jumlah_berjalan(values: list[Decimal | None]) -> list[Decimal | None]:
    """Per-period amounts as running totals (periods without a number stay empty)."""
    running, out = Decimal(0), []
    for v in values:
        running += v or 0
        out.append(None if v is None else running)
    return out


def selisih_berjalan(values: list[Decimal | None]) -> list[Decimal | None]:
    """Running totals as per-period amounts: each one less the last one given."""
    last, out = Decimal(0), []
    for v in values:
        out.append(None if v is None else v - last)
        last = v if v is not None else last
    return out


def capaian_angka(
    target: Decimal | None,
    real: Decimal | None,
    satuan: str,
    polaritas: str,
    profil: Profil,
    metode_negatif: MetodeNegatif | None = None,
) -> Decimal | None:
    """The capaian of two computed figures; None when either is missing or the formula
    has none (a target of 0 …).  ``metode_negatif``: the indikator's own (None: the
    profile's)."""
    if target is None or real is None:
        return None
    try:
        t, r = nilai_angka(target, satuan), nilai_angka(real, satuan)
        return hitung(t, r, polaritas, profil, metode_negatif)
    except CapaianError:
        return None


def _unit_anggaran(
    row: BarisRencanaAksi, units: dict[str, Unit], bulan: int
) -> tuple[int | None, int | None]:
    """(anggaran, money spent up to the month) of a row: its own anggaran with its own
    realisasi_anggaran; else the deepest unit it refers to (sub kegiatan, kegiatan,
    program) — or the one below that whose pagu is the row's anggaran (a kegiatan row
    printing one sub kegiatan's pagu, as the Buleleng seed does)."""
    ref = next(
        (units[i] for i in (row.sub_kegiatan, row.kegiatan, row.program) if i and i in units),
        None,
    )
    if ref is None:
        return row.anggaran, None
    if row.anggaran is None:
        return pagu(ref), realisasi_sampai(ref, bulan)
    for u in [ref, *anak_unit(ref)]:
        if pagu(u) == row.anggaran:
            return row.anggaran, realisasi_sampai(u, bulan)
    return row.anggaran, None


def _baris(
    dinas: Dinas,
    t: Tahun,
    tb: TabelRencanaAksi,
    row: BarisRencanaAksi,
    awal: int,
    bulan: int,
    units: dict[str, Unit],
    berlaku: TargetBerlaku | None = None,
) -> BarisPemantauan:
    profil = dinas.identitas.model.profil
    n = JUMLAH_PERIODE[tb.periode]
    cara = dinas.cara_tahunan(row, tb)
    found = dinas.indikator.get(row.indikator or "")
    ind = found[1] if found else None
    polaritas = ind.polaritas if ind else "positif"
    metode = ind.metode_negatif if ind else None
    satuan = row.satuan or (ind.satuan if ind else "")
    if not satuan:
        satuan = next((v.satuan for v in row.target if v.jenis == "angka" and v.satuan), "")
    target = {p: _angka(v) for p, v in enumerate(row.target[:n], 1)}
    catatan = None
    if row.realisasi:
        real: dict[int, Decimal | None] = {p: _angka(v) for p, v in enumerate(row.realisasi[:n], 1)}
        slots = set(range(1, n + 1))
    elif ind is not None and t.realisasi and row.indikator in t.realisasi.model.indikator:
        real, slots = _realisasi_indikator(
            t.realisasi.model.indikator[row.indikator], tb, cara, ind.sifat
        )
    else:
        real, slots = {}, set(range(1, n + 1))
        catatan = _("belum ada realisasi")
    dalam, sampai = _periode_tabel(tb, awal, bulan)
    target_periode = gabung([target.get(p) for p in dalam], cara)
    real_periode = gabung([real.get(p) for p in dalam], cara)
    target_sd = gabung([target.get(p) for p in sampai], cara)
    real_sd = gabung([real.get(p) for p in sampai], cara)
    capaian_sd = capaian_angka(target_sd, real_sd, satuan, polaritas, profil, metode)
    tt = _angka(row.target_tahunan) if row.target_tahunan is not None else None
    target_tahunan = tt if tt is not None else ringkas(row.target, cara).tahunan
    # A row measuring a Renstra indikator: its annual target is the one in force at the
    # period's end (the PK until the PK Perubahan's date), where that differs from the
    # row's own (a rencana aksi rewritten for the PK Perubahan, or never rewritten).
    dari = None
    if berlaku is not None and ind is not None and ind.id in berlaku.target:
        pk = _angka(berlaku.target[ind.id])
        if pk is not None and pk != target_tahunan:
            target_tahunan, dari = pk, berlaku.sumber
    sisa = None
    if (
        polaritas == "positif"
        and cara in ("akhir", "jumlah")
        and target_tahunan is not None
        and real_sd is not None
    ):
        sisa = max(target_tahunan - real_sd, Decimal(0))
    if row.realisasi_anggaran:
        step = 12 // n
        anggaran = row.anggaran
        spent: int | None = sum(v for p, v in row.realisasi_anggaran.items() if p * step <= bulan)
    else:
        anggaran, spent = _unit_anggaran(row, units, bulan)
    kosong = tuple(p for p in sampai if target.get(p) is not None and p in slots and p not in real)
    return BarisPemantauan(
        cara=cara,
        satuan=satuan,
        target_periode=target_periode,
        realisasi_periode=real_periode,
        capaian_periode=capaian_angka(
            target_periode, real_periode, satuan, polaritas, profil, metode
        ),
        target_sd=target_sd,
        realisasi_sd=real_sd,
        capaian_sd=capaian_sd,
        kategori_sd=kategori(capaian_sd, profil) if capaian_sd is not None else None,
        target_tahunan=target_tahunan,
        sisa=sisa,
        anggaran=anggaran,
        realisasi_anggaran=spent,
        serapan=serapan(anggaran, spent, profil.desimal),
        kosong=kosong,
        catatan=catatan,
        target_tahunan_dari=dari,
    )


def hitung_pemantauan(
    dinas: Dinas,
    tahun: int,
    bulan: int,
    triwulan: int | None,
    berlaku: TargetBerlaku | None = None,
) -> HasilPemantauan | None:
    """The year's rencana aksi up to ``bulan`` (the end of ``triwulan`` when given);
    None when the year has no rencana-aksi.yaml.  ``berlaku``: the targets in force at
    the end of ``bulan``, whose annual target a row measuring a Renstra indikator
    takes."""
    t = dinas.tahun.get(tahun)
    if t is None or t.rencana_aksi is None:
        return None
    awal = 3 * triwulan - 2 if triwulan else bulan
    units: dict[str, Unit] = {}
    for p in t.program():
        units[p.id] = p
        for k in p.kegiatan:
            if k.id:
                units[k.id] = k
            for sk in k.sub_kegiatan:
                if sk.id:
                    units[sk.id] = sk
    tabel = tuple(
        tuple(_baris(dinas, t, tb, row, awal, bulan, units, berlaku) for row in tb.baris)
        for tb in t.rencana_aksi.model.tabel
    )
    return HasilPemantauan(tahun, awal, bulan, triwulan, tabel, berlaku)
