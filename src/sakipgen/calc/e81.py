"""The Renja evaluation form E.81 (Permendagri 86/2017): per sasaran, program and
kegiatan with their indikator, the Renstra target at the end of its period, what the
Renstra realised up to last year, the year's Renja target, the realisasi of each
triwulan, of the year so far and of the Renstra to date, and the capaian of the
Renstra to date — each as kinerja (K) and rupiah (Rp).

The form adds its columns ((12) = (8) + … + (11), (13) = (6) + (12)); a kinerja is
added only where the indikator's ``sifat`` says its periods add up (``jumlah``). A
running or state indikator (``kumulatif``, ``akhir_periode``, or none given) takes
its latest figure, a ``rata_rata`` one the mean — the same rule as the monitoring
report and the LKjIP (:func:`sakipgen.calc.pemantauan.gabung`).  Rupiah always add up.

Programs and kegiatan are the year's anggaran.yaml; each is matched to renstra.yaml's
``program`` (by kode, else by uraian) for its Renstra targets and pagu indikatif. A
program's or kegiatan's realisasi per triwulan is its indikator's ``triwulan`` in
anggaran.yaml, else the rencana aksi row measuring that indikator (same uraian).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from decimal import Decimal

from sakipgen.calc.anggaran import pagu, realisasi, realisasi_triwulan, serapan
from sakipgen.calc.bulat import bulat
from sakipgen.calc.kategori import kategori
from sakipgen.calc.pemantauan import (
    capaian_angka,
    gabung,
    jumlah_berjalan,
    selisih_berjalan,
)
from sakipgen.calc.periode import tahunan
from sakipgen.model.anggaran import IndikatorKegiatan, Kegiatan, Program
from sakipgen.model.dinas import Profil
from sakipgen.model.folder import Dinas
from sakipgen.model.hasil import (
    BarisE81,
    HasilE81,
    HasilIndikator,
    HasilTahun,
    KRp,
    TargetBerlaku,
    TidakDinilai,
    Unit,
)
from sakipgen.model.nilai import MetodeNegatif, Nilai
from sakipgen.model.renstra import IndikatorProgram, KegiatanRenstra, ProgramRenstra
from sakipgen.model.tahun import RealisasiIndikator


def cara(sifat: str | None) -> str:
    """The rule that makes a longer span of an indikator's periods or years."""
    return sifat if sifat in ("jumlah", "rata_rata") else "akhir"


def _angka(v: Nilai | None) -> Decimal | None:
    return v.angka if v is not None and v.jenis == "angka" else None


def _norm(text: str) -> str:
    return " ".join(text.lower().split())


def _kode(text: str | None) -> tuple[int, ...] | None:
    """A kode compared by its numbers: ``7.01.02.2.01`` equals ``7.1.2.2.1``."""
    return tuple(int(x) for x in re.findall(r"\d+", text)) if text else None


def cocok(
    daftar: Sequence[KegiatanRenstra], kode: str | None, uraian: str
) -> KegiatanRenstra | None:
    """The Renstra program or kegiatan of an anggaran.yaml one: same kode, else (where
    either has none) the same uraian."""
    for r in daftar:
        if _kode(kode) is not None and _kode(kode) == _kode(r.kode):
            return r
    return next((r for r in daftar if _norm(r.uraian) == _norm(uraian)), None)


def _jumlah(values: Sequence[int | None]) -> int | None:
    known = [v for v in values if v is not None]
    return sum(known) if known else None


def _triwulan_indikator(
    real: RealisasiIndikator | None, q: int, sifat: str | None
) -> Decimal | None:
    """A Renstra indikator's realisasi of triwulan ``q`` from realisasi.yaml: its quarter,
    else its months of that quarter by its sifat."""
    if real is None:
        return None
    if real.triwulan:
        return _angka(real.triwulan.get(q))
    months = [real.bulanan[m] for m in range(3 * q - 2, 3 * q + 1) if m in real.bulanan]
    found = tahunan(months, sifat or "akhir_periode") if months else None
    return found.angka if found is not None else None


def _triwulan_rencana_aksi(
    dinas: Dinas, tahun: int, uraian: str, sifat: str | None
) -> list[Decimal | None] | None:
    """The four quarters of the rencana aksi row measuring ``uraian`` (its own realisasi
    list), in the indikator's terms: a row of running totals for an indikator that adds
    up gives each quarter's increment, and the other way round; None when no row does."""
    t = dinas.tahun.get(tahun)
    if t is None or t.rencana_aksi is None:
        return None
    for tb in t.rencana_aksi.model.tabel:
        for row in tb.baris:
            if not row.uraian or not row.realisasi or _norm(row.uraian) != _norm(uraian):
                continue
            row_cara = dinas.cara_tahunan(row, tb)
            values = [_angka(v) for v in row.realisasi]
            per_q = 3 if tb.periode == "bulanan" else 1
            quarters = [gabung(values[per_q * (q - 1) : per_q * q], row_cara) for q in range(1, 5)]
            want = cara(sifat)
            if row_cara == "akhir" and want == "jumlah":
                return selisih_berjalan(quarters)
            if row_cara == "jumlah" and want == "akhir":
                return jumlah_berjalan(quarters)
            return quarters
    return None


def _indikator_unit(unit: Unit, uraian: str, posisi: int, banyak: int) -> IndikatorKegiatan | None:
    """The anggaran.yaml indikator of a unit for a Renstra one (the ``posisi``-th of
    ``banyak``): the same uraian, else the one in the same place when both list as
    many."""
    found = next((i for i in unit.indikator if _norm(i.uraian) == _norm(uraian)), None)
    if found is None and len(unit.indikator) == banyak:
        found = unit.indikator[posisi]
    return found


def _unit_tahun(
    dinas: Dinas, tahun: int, program: Program, kegiatan: Kegiatan | None
) -> Unit | None:
    """The same program (or its kegiatan) in another year's anggaran.yaml."""
    t = dinas.tahun.get(tahun)
    if t is None:
        return None
    progs = t.program()
    found = next(
        (p for p in progs if _kode(p.kode) is not None and _kode(p.kode) == _kode(program.kode)),
        None,
    ) or next((p for p in progs if _norm(p.uraian) == _norm(program.uraian)), None)
    if found is None or kegiatan is None:
        return found
    return next(
        (
            k
            for k in found.kegiatan
            if _kode(k.kode) is not None and _kode(k.kode) == _kode(kegiatan.kode)
        ),
        None,
    ) or next((k for k in found.kegiatan if _norm(k.uraian) == _norm(kegiatan.uraian)), None)


def _realisasi_indikator_tahun(
    dinas: Dinas, tahun: int, unit: Unit | None, uraian: str, sifat: str | None,
    posisi: int, banyak: int,
) -> list[Decimal | None]:  # fmt: skip
    """A unit indikator's realisasi per triwulan in a year: anggaran.yaml's, else the
    rencana aksi row's."""
    own = _indikator_unit(unit, uraian, posisi, banyak) if unit is not None else None
    if own is not None and own.triwulan:
        return [_angka(own.triwulan.get(q)) for q in range(1, 5)]
    from_ra = _triwulan_rencana_aksi(dinas, tahun, uraian, sifat)
    return from_ra if from_ra is not None else [None] * 4


def _dengan_rupiah(
    b: BarisE81,
    rows: Sequence[BarisE81],
    bagian: Sequence[tuple[Program, list[int], bool]],
    sisa: dict[int, list[int]],
    profil: Profil,
) -> BarisE81:
    """A sasaran row with its programs' rupiah, each program counted once.  ``bagian``:
    per program listed under the sasaran, its rows' indices and whether it is split (it
    serves several sasaran): a split program adds the kegiatan listed here, and at its
    first listing (``sisa``: its first row and all its kegiatan rows) what its own
    figure holds beyond its kegiatan's sum.  Columns (5), (6) and (13), which the
    grading reads, are known only when every part is; the others add what is known, as
    the budget tables do."""

    def part(get: Callable[[BarisE81], int | None], ketat: bool) -> int | None:
        values: list[int | None] = []
        for program, idx, terbagi in bagian:
            first = rows[idx[0]]
            if not terbagi:
                values.append(get(first))
                continue
            values += [get(rows[j]) for j in idx[1:] if rows[j].pertama and not rows[j].ulang]
            if id(program) in sisa and not first.ulang:
                semua = [get(rows[j]) for j in sisa[id(program)]]
                own = get(first)
                if own is None or None in semua:
                    values.append(None)
                else:
                    values.append(own - sum(v for v in semua if v is not None))
        if ketat:
            return None if not values or None in values else sum(v for v in values if v is not None)
        return _jumlah(values)

    def pasangan(x: KRp, get: Callable[[BarisE81], int | None], ketat: bool = False) -> KRp:
        return KRp(x.k, part(get, ketat))

    rp5 = part(lambda x: x.target_renstra.rp, True)
    rp13 = part(lambda x: x.realisasi_renstra.rp, True)
    capaian = serapan(rp5, rp13, profil.desimal)
    tanpa: tuple[TidakDinilai, ...] = ()
    if capaian is None:
        # The reasons of the rows it adds: a program's, or a split one's and its kegiatan's.
        dari = [
            rows[j]
            for _p, idx, terbagi in bagian
            for j in (idx if terbagi else idx[:1])
            if rows[j].pertama and not rows[j].ulang
        ]
        tanpa = _gabung_sebab([t for x in dari for t in x.tanpa_rp])
        if not tanpa:
            tanpa = (TidakDinilai("rumus"),)
    return replace(
        b,
        target_renstra=KRp(b.target_renstra.k, rp5),
        realisasi_lalu=pasangan(b.realisasi_lalu, lambda x: x.realisasi_lalu.rp, True),
        target_tahun=pasangan(b.target_tahun, lambda x: x.target_tahun.rp),
        triwulan=(
            pasangan(b.triwulan[0], lambda x: x.triwulan[0].rp),
            pasangan(b.triwulan[1], lambda x: x.triwulan[1].rp),
            pasangan(b.triwulan[2], lambda x: x.triwulan[2].rp),
            pasangan(b.triwulan[3], lambda x: x.triwulan[3].rp),
        ),
        realisasi_tahun=pasangan(b.realisasi_tahun, lambda x: x.realisasi_tahun.rp),
        realisasi_renstra=KRp(b.realisasi_renstra.k, rp13),
        capaian_rp=capaian,
        tanpa_rp=tanpa,
    )


def _gabung_sebab(daftar: Sequence[TidakDinilai]) -> tuple[TidakDinilai, ...]:
    """The reasons of several rows as one list: each reason once, its years joined."""
    out: dict[str, set[int]] = {}
    for t in daftar:
        out.setdefault(t.sebab, set()).update(t.tahun)
    return tuple(TidakDinilai(k, tuple(sorted(v))) for k, v in out.items())


def _bernomor(rows: list[BarisE81]) -> list[BarisE81]:
    """1 for a sasaran, 1.1 for its program, 1.1.1 for the program's kegiatan; a unit's
    further indikator rows carry none (their label: the unit's number and the
    indikator's place, ``2.1.1 (2)``)."""
    out = []
    s = p = k = 0
    unit, ke = "", 1
    for b in rows:
        nomor = ""
        if b.pertama and b.tingkat == "sasaran":
            s, p = s + 1, 0
            nomor = str(s)
        elif b.pertama and b.tingkat == "program":
            p, k = p + 1, 0
            nomor = f"{s}.{p}" if b.sasaran_id else str(p)
        elif b.pertama:
            k += 1
            nomor = f"{s}.{p}.{k}" if b.sasaran_id else f"{p}.{k}"
        if b.pertama:
            unit, ke = nomor, 1
        else:
            ke += 1
        out.append(replace(b, nomor=nomor, label=nomor or f"{unit} ({ke})"))
    return out


def _hasil_indikator(h: HasilTahun | None, ident: str) -> HasilIndikator | None:
    """An indikator's figures in a year's results."""
    found = (i for hs in (h.sasaran if h else []) for i in hs.indikator)
    return next((i for i in found if i.indikator.id == ident), None)


def _tahun_lalu(dinas: Dinas, tahun: int) -> range:
    periode = dinas.renstra.model.periode
    return range(periode.mulai, tahun)


Lalu = list[tuple[int, Decimal | None]]
"""An indikator's realisasi in each earlier Renstra year that counts (None: unknown)."""


def _renstra_k(lalu: Lalu, k12: Decimal | None, c: str) -> tuple[
    Decimal | None, Decimal | None, list[TidakDinilai]
]:  # fmt: skip
    """Columns (6) and (13) of an indikator by its rule, and why (13) is not known.

    (6): a running or state indikator's last year (its state then); one that adds up
    or averages, all the earlier years — unknown when any of them is (an unknown year
    is never taken as 0).  (13): the year so far (12) with (6) by the same rule; a
    running or state indikator's is (12) itself.  In the Renstra's first year there is
    no earlier year and (13) is (12)."""
    hilang = tuple(y for y, v in lalu if v is None)
    if c == "akhir":
        k6 = lalu[-1][1] if lalu else None
    else:
        k6 = gabung([v for _y, v in lalu], c) if lalu and not hilang else None
    sebab: list[TidakDinilai] = []
    if hilang and c != "akhir":
        sebab.append(TidakDinilai("realisasi_lalu", hilang))
    if k12 is None:
        sebab.append(TidakDinilai("realisasi_tahun_ini"))
    if sebab:
        return k6, None, sebab
    assert k12 is not None
    if c == "akhir" or not lalu:
        return k6, k12, []
    return k6, gabung([*(v for _y, v in lalu), k12], c), []


def _capaian_k(
    k5: Decimal | None,
    k13: Decimal | None,
    sebab: list[TidakDinilai],
    satuan: str,
    polaritas: str,
    profil: Profil,
    metode: MetodeNegatif | None = None,
) -> tuple[Decimal | None, tuple[TidakDinilai, ...]]:
    """Column (14) K, and why it has no figure (``metode``: the indikator's own
    negative-polarity formula, else the dinas's)."""
    semua = ([TidakDinilai("target_akhir")] if k5 is None else []) + sebab
    if semua:
        return None, tuple(semua)
    found = capaian_angka(k5, k13, satuan, polaritas, profil, metode)
    return found, () if found is not None else (TidakDinilai("rumus"),)


def ada_realisasi(dinas: Dinas, tahun: int, triwulan: int) -> bool:
    """Whether the year reports anything an E.81 up to ``triwulan`` evaluates: a month
    or a quarter (realisasi.yaml, a rencana aksi row, money spent per period), or — for
    triwulan IV — the year's own figures (an indikator's or a unit's realisasi)."""
    if dinas.bulan_terakhir(tahun):
        return True
    t = dinas.tahun.get(tahun)
    if triwulan < 4 or t is None:
        return False
    if t.realisasi and any(r.nilai is not None for r in t.realisasi.model.indikator.values()):
        return True
    units = [u for _jalur, u in t.anggaran.model.semua_unit()] if t.anggaran else []
    return any(
        u.realisasi is not None or any(i.realisasi is not None for i in u.indikator) for u in units
    )


def hitung_e81(
    dinas: Dinas,
    hasil: dict[int, HasilTahun],
    tahun: int,
    triwulan: int,
    berlaku: TargetBerlaku | None = None,
) -> HasilE81 | None:
    """The year's E.81 up to ``triwulan``; None without anggaran.yaml programs or
    without any realisasi of the year (:func:`ada_realisasi`).  ``berlaku``: the targets
    in force at the triwulan's end, the sasaran's column (7) K (else the year's
    measured targets)."""
    t = dinas.tahun.get(tahun)
    if t is None or not t.program() or not ada_realisasi(dinas, tahun, triwulan):
        return None
    profil = dinas.identitas.model.profil
    renstra = dinas.renstra.model
    akhir = renstra.periode.akhir
    lalu = _tahun_lalu(dinas, tahun)
    real_tahun = t.realisasi.model.indikator if t.realisasi else {}
    rows: list[BarisE81] = []
    # Per row: (the id of its program or kegiatan, the program listing it is in).
    kunci: list[tuple[int, int] | None] = []

    def target_tahun(ident: str, now: HasilIndikator | None) -> Decimal | None:
        if berlaku is not None:
            return _angka(berlaku.target.get(ident))
        return _angka(now.target) if now else None

    def sasaran_rows(sid: str) -> list[BarisE81]:
        s = dinas.sasaran[sid]
        out: list[BarisE81] = []
        for ind in s.indikator:
            c = cara(ind.sifat)
            prior: Lalu = []
            for y in lalu:
                found = _hasil_indikator(hasil.get(y), ind.id)
                prior.append((y, _angka(found.realisasi) if found else None))
            now = _hasil_indikator(hasil.get(tahun), ind.id)
            tw = [
                _triwulan_indikator(real_tahun.get(ind.id), q, ind.sifat) if q <= triwulan else None
                for q in range(1, 5)
            ]
            k5 = _angka(ind.target_akhir) if ind.target_akhir else _angka(ind.target.get(akhir))
            k12 = gabung(tw, c)
            if k12 is None and triwulan == 4 and now is not None:
                k12 = _angka(now.realisasi)  # a whole year reported by its annual figure
            k6, k13, sebab = _renstra_k(prior, k12, c)
            cap, tanpa = _capaian_k(
                k5, k13, sebab, ind.satuan, ind.polaritas, profil, ind.metode_negatif
            )
            out.append(
                BarisE81(
                    "sasaran", sid, s.uraian, ind.uraian, ind.satuan, not out,
                    KRp(k5), KRp(k6), KRp(target_tahun(ind.id, now)),
                    (KRp(tw[0]), KRp(tw[1]), KRp(tw[2]), KRp(tw[3])),
                    KRp(k12), KRp(k13), cap, None, ind.penanggung_jawab or "",
                    tanpa_k=tanpa,
                )
            )  # fmt: skip
        return out

    def rupiah_renstra(
        program: Program, kegiatan: Kegiatan | None, r: KegiatanRenstra | None,
        rp12: int | None,
    ) -> tuple[int | None, int | None, int | None, list[TidakDinilai]]:  # fmt: skip
        """(5), (6) and (13) Rp of a unit, and why (14) Rp cannot be known.  (5): the
        pagu indikatif of every Renstra year; (6): the money spent in every earlier
        year (a year whose anggaran.yaml lists programs without this one: 0, the unit
        did not exist then; a year without them: unknown)."""
        sebab: list[TidakDinilai] = []
        rp5 = None
        if r is None:
            sebab.append(TidakDinilai("tanpa_renstra"))
        elif kosong := tuple(y for y in renstra.periode.tahun if y not in r.pagu):
            sebab.append(TidakDinilai("pagu_indikatif", kosong))
        else:
            rp5 = sum(r.pagu.values())
        spent: list[int] = []
        hilang: list[int] = []
        for y in lalu:
            ty = dinas.tahun.get(y)
            if ty is None or not ty.program():
                hilang.append(y)
                continue
            u = _unit_tahun(dinas, y, program, kegiatan)
            v = realisasi(u) if u is not None else 0
            if v is None:
                hilang.append(y)
            else:
                spent.append(v)
        rp6 = sum(spent) if lalu and not hilang else None
        if hilang:
            sebab.append(TidakDinilai("anggaran_lalu", tuple(hilang)))
        if rp12 is None:
            sebab.append(TidakDinilai("anggaran_tahun_ini"))
        rp13 = None
        if rp12 is not None and not hilang:
            rp13 = rp12 + (rp6 or 0)
        return rp5, rp6, rp13, sebab

    def kinerja(
        program: Program, kegiatan: Kegiatan | None, unit: Unit, uraian: str,
        sifat: str | None, i: int, n: int,
    ) -> tuple[list[Decimal | None], Lalu, Decimal | None]:  # fmt: skip
        """A unit indikator's quarters (8)-(11) up to the triwulan, its earlier years,
        and the year so far (12)."""
        c = cara(sifat)
        tw = _realisasi_indikator_tahun(dinas, tahun, unit, uraian, sifat, i, n)
        tw = [v if q <= triwulan else None for q, v in enumerate(tw, 1)]
        prior: Lalu = []
        for y in lalu:
            # An earlier year: its indikator's annual realisasi, else its quarters; a
            # year whose anggaran.yaml lists programs without this unit does not count
            # (the unit had no budget then).
            ty = dinas.tahun.get(y)
            u = _unit_tahun(dinas, y, program, kegiatan)
            if u is None and ty is not None and ty.program():
                continue
            own = _indikator_unit(u, uraian, i, n) if u is not None else None
            if own is not None and _angka(own.realisasi) is not None:
                prior.append((y, _angka(own.realisasi)))
            elif ty is None:
                prior.append((y, None))
            else:
                periode = _realisasi_indikator_tahun(dinas, y, u, uraian, sifat, i, n)
                prior.append((y, gabung(periode, c)))
        k12 = gabung(tw, c)
        own = _indikator_unit(unit, uraian, i, n)
        if k12 is None and triwulan == 4 and own is not None:
            k12 = _angka(own.realisasi)  # a whole year reported by its annual figure
        return tw, prior, k12

    def unit_rows(
        tingkat: str, sid: str, program: Program, kegiatan: Kegiatan | None,
        r: KegiatanRenstra | None,
    ) -> list[BarisE81]:  # fmt: skip
        unit: Unit = kegiatan if kegiatan is not None else program
        if r is not None and r.indikator:
            daftar: list[IndikatorProgram | IndikatorKegiatan] = list(r.indikator)
        else:
            daftar = list(unit.indikator)
        n = len(daftar)
        # Rupiah: the pagu indikatif of every Renstra year; spent in earlier years; the
        # year's pagu; each quarter's spending up to the triwulan.
        rp_tw = [realisasi_triwulan(unit, q) if q <= triwulan else None for q in range(1, 5)]
        rp12 = _jumlah(rp_tw)
        if rp12 is None and triwulan == 4:
            rp12 = realisasi(unit)  # a whole year known only by its annual realisasi
        rp5, rp6, rp13, sebab_rp = rupiah_renstra(program, kegiatan, r, rp12)
        rp14 = serapan(rp5, rp13, profil.desimal)
        tanpa_rp: tuple[TidakDinilai, ...] = ()
        if rp14 is None:
            tanpa_rp = tuple(sebab_rp) or (TidakDinilai("rumus"),)
        out: list[BarisE81] = []
        semua: list[IndikatorProgram | IndikatorKegiatan | None] = [*daftar] or [None]
        for i, ind in enumerate(semua):
            uraian = ind.uraian if ind is not None else "-"
            satuan = ind.satuan if ind is not None else ""
            sifat = ind.sifat if ind is not None else None
            polaritas = getattr(ind, "polaritas", "positif")
            metode = getattr(ind, "metode_negatif", None)
            c = cara(sifat)
            if isinstance(ind, IndikatorProgram):
                k5 = _angka(ind.target_akhir) if ind.target_akhir else _angka(ind.target.get(akhir))
                own = _indikator_unit(unit, ind.uraian, i, n)
                k7 = _angka(own.target) if own is not None else _angka(ind.target.get(tahun))
            else:
                k5 = None
                k7 = _angka(ind.target) if ind is not None else None
            # A unit without indikator has no kinerja to look for (a "-" row).
            tw: list[Decimal | None] = [None] * 4
            prior: Lalu = []
            k12 = None
            if ind is not None:
                tw, prior, k12 = kinerja(program, kegiatan, unit, uraian, sifat, i, n)
            k6, k13, sebab = _renstra_k(prior, k12, c)
            tanpa: tuple[TidakDinilai, ...] = (TidakDinilai("tanpa_indikator"),)
            cap = None
            if ind is not None:
                cap, tanpa = _capaian_k(k5, k13, sebab, satuan, polaritas, profil, metode)
            first = i == 0
            out.append(
                BarisE81(
                    tingkat, sid, unit.uraian, uraian, satuan, first,
                    KRp(k5, rp5 if first else None),
                    KRp(k6, rp6 if first else None),
                    KRp(k7, pagu(unit) if first else None),
                    tuple(  # type: ignore[arg-type]
                        KRp(k, rp if first else None) for k, rp in zip(tw, rp_tw, strict=True)
                    ),
                    KRp(k12, rp12 if first else None),
                    KRp(k13, rp13 if first else None),
                    cap,
                    rp14 if first else None,
                    (r.penanggung_jawab if r else None) or unit.penanggung_jawab or "",
                    tanpa_k=tanpa,
                    tanpa_rp=tanpa_rp if first else (),
                )
            )  # fmt: skip
        return out

    listing = 0

    def program_rows(sid: str, programs: list[Program]) -> list[tuple[Program, list[int]]]:
        """Adds each program with its kegiatan serving ``sid``; per program, its rows."""
        nonlocal listing
        out: list[tuple[Program, list[int]]] = []
        for p in programs:
            listing += 1
            awal = len(rows)
            rp = cocok(renstra.program, p.kode, p.uraian)
            added = unit_rows("program", sid, p, None, rp)
            rows.extend(added)
            kunci.extend((id(p), listing) for _ in added)
            kegiatan = [k for k, _subs in p.kegiatan_untuk(sid)] if sid else p.kegiatan
            for k in kegiatan:
                rk = None
                if isinstance(rp, ProgramRenstra):
                    rk = cocok(rp.kegiatan, k.kode, k.uraian)
                added = unit_rows("kegiatan", sid, p, k, rk)
                rows.extend(added)
                kunci.extend((id(k), listing) for _ in added)
            out.append((p, list(range(awal, len(rows)))))
        return out

    programs = t.program()
    blok: list[tuple[int, list[tuple[Program, list[int]]]]] = []
    for s in renstra.sasaran:
        own = sasaran_rows(s.id)
        first = len(rows)
        rows.extend(own)
        kunci.extend(None for _ in own)
        under = program_rows(s.id, [p for p in programs if s.id in p.melayani])
        if own:
            blok.append((first, under))
    program_rows("", [p for p in programs if not p.melayani])
    rows = _bernomor(rows)
    # A program (or kegiatan) serving several sasaran is listed under each: it counts at
    # its first listing, the others name it.
    pertama: dict[int, tuple[int, str]] = {}
    for j, key in enumerate(kunci):
        if key is None:
            continue
        unit_id, where = key
        if unit_id not in pertama:
            pertama[unit_id] = (where, rows[j].nomor)
        elif pertama[unit_id][0] != where:
            rows[j] = replace(rows[j], ulang=pertama[unit_id][1])
    # The kegiatan rows of a split program, over all its listings (counted ones).
    sisa: dict[int, list[int]] = {}
    for _first, under in blok:
        for p, idx in under:
            if len(p.melayani) > 1:
                mine = [j for j in idx[1:] if rows[j].pertama and not rows[j].ulang]
                sisa.setdefault(id(p), []).extend(mine)
    for first, under in blok:
        bagian = [(p, idx, len(p.melayani) > 1) for p, idx in under if idx]
        rows[first] = _dengan_rupiah(rows[first], rows, bagian, sisa, profil)
    dihitung = [b for b in rows if not b.ulang]
    ks = [b.capaian_k for b in dihitung if b.capaian_k is not None]
    unit_rp = [b for b in dihitung if b.tingkat != "sasaran" and b.pertama]
    rps = [b.capaian_rp for b in unit_rp if b.capaian_rp is not None]
    rata_k = bulat(sum(ks, Decimal(0)) / len(ks), profil.desimal) if ks else None
    rata_rp = bulat(sum(rps, Decimal(0)) / len(rps), profil.desimal) if rps else None
    return HasilE81(
        tahun,
        triwulan,
        tuple(rows),
        rata_k,
        rata_rp,
        kategori(rata_k, profil) if rata_k is not None else None,
        kategori(rata_rp, profil) if rata_rp is not None else None,
        (len(ks), len(dihitung)),
        (len(rps), len(unit_rp)),
        berlaku,
    )
