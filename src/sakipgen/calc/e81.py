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
from sakipgen.model.hasil import BarisE81, HasilE81, HasilIndikator, HasilTahun, KRp, Unit
from sakipgen.model.nilai import Nilai
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
    """The anggaran.yaml indikator of a unit for a Renstra one: the same uraian, else
    the one in the same place when both list as many (a unit without indikator, whose
    one row stands for none, has none)."""
    found = next((i for i in unit.indikator if _norm(i.uraian) == _norm(uraian)), None)
    if found is None and len(unit.indikator) == banyak and posisi < banyak:
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


def _dengan_rupiah(b: BarisE81, program: list[BarisE81], profil: Profil) -> BarisE81:
    """A sasaran row with the sums of its programs' rupiah columns."""

    def total(get: Callable[[BarisE81], int | None]) -> int | None:
        return _jumlah([get(x) for x in program])

    rp5, rp13 = total(lambda x: x.target_renstra.rp), total(lambda x: x.realisasi_renstra.rp)
    return replace(
        b,
        target_renstra=KRp(b.target_renstra.k, rp5),
        realisasi_lalu=KRp(b.realisasi_lalu.k, total(lambda x: x.realisasi_lalu.rp)),
        target_tahun=KRp(b.target_tahun.k, total(lambda x: x.target_tahun.rp)),
        triwulan=(
            KRp(b.triwulan[0].k, total(lambda x: x.triwulan[0].rp)),
            KRp(b.triwulan[1].k, total(lambda x: x.triwulan[1].rp)),
            KRp(b.triwulan[2].k, total(lambda x: x.triwulan[2].rp)),
            KRp(b.triwulan[3].k, total(lambda x: x.triwulan[3].rp)),
        ),
        realisasi_tahun=KRp(b.realisasi_tahun.k, total(lambda x: x.realisasi_tahun.rp)),
        realisasi_renstra=KRp(b.realisasi_renstra.k, rp13),
        capaian_rp=serapan(rp5, rp13, profil.desimal),
    )


def _bernomor(rows: list[BarisE81]) -> list[BarisE81]:
    """1 for a sasaran, 1.1 for its program, 1.1.1 for the program's kegiatan; a unit's
    further indikator rows carry none."""
    out = []
    s = p = k = 0
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
        out.append(replace(b, nomor=nomor))
    return out


def _hasil_indikator(h: HasilTahun | None, ident: str) -> HasilIndikator | None:
    """An indikator's figures in a year's results."""
    found = (i for hs in (h.sasaran if h else []) for i in hs.indikator)
    return next((i for i in found if i.indikator.id == ident), None)


def _tahun_lalu(dinas: Dinas, tahun: int) -> range:
    periode = dinas.renstra.model.periode
    return range(periode.mulai, tahun)


def hitung_e81(
    dinas: Dinas, hasil: dict[int, HasilTahun], tahun: int, triwulan: int
) -> HasilE81 | None:
    """The year's E.81 up to ``triwulan``; None without anggaran.yaml programs."""
    t = dinas.tahun.get(tahun)
    if t is None or not t.program():
        return None
    profil = dinas.identitas.model.profil
    renstra = dinas.renstra.model
    akhir = renstra.periode.akhir
    lalu = _tahun_lalu(dinas, tahun)
    real_tahun = t.realisasi.model.indikator if t.realisasi else {}
    rows: list[BarisE81] = []

    def sasaran_rows(sid: str) -> list[BarisE81]:
        s = dinas.sasaran[sid]
        out: list[BarisE81] = []
        for ind in s.indikator:
            c = cara(ind.sifat)
            prior = []
            for y in lalu:
                found = _hasil_indikator(hasil.get(y), ind.id)
                prior.append(_angka(found.realisasi) if found else None)
            now = _hasil_indikator(hasil.get(tahun), ind.id)
            tw = [
                _triwulan_indikator(real_tahun.get(ind.id), q, ind.sifat) if q <= triwulan else None
                for q in range(1, 5)
            ]
            k5 = _angka(ind.target_akhir) if ind.target_akhir else _angka(ind.target.get(akhir))
            k6 = gabung(prior, c)
            k12 = gabung(tw, c)
            if k12 is None and triwulan == 4 and now is not None:
                k12 = _angka(now.realisasi)  # a whole year reported by its annual figure
            k13 = gabung([*prior, k12], c)
            out.append(
                BarisE81(
                    "sasaran", sid, s.uraian, ind.uraian, ind.satuan, not out,
                    KRp(k5), KRp(k6), KRp(_angka(now.target) if now else None),
                    (KRp(tw[0]), KRp(tw[1]), KRp(tw[2]), KRp(tw[3])),
                    KRp(k12), KRp(k13), capaian_angka(k5, k13, ind.satuan, ind.polaritas, profil),
                    None, ind.penanggung_jawab or "",
                )
            )  # fmt: skip
        return out

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
        rp5 = sum(r.pagu.values()) if r is not None and r.pagu else None
        rp6 = _jumlah(
            [realisasi(u) for y in lalu if (u := _unit_tahun(dinas, y, program, kegiatan))]
        )
        rp_tw = [realisasi_triwulan(unit, q) if q <= triwulan else None for q in range(1, 5)]
        rp12 = _jumlah(rp_tw)
        if rp12 is None and triwulan == 4:
            rp12 = realisasi(unit)  # a whole year known only by its annual realisasi
        rp13 = _jumlah([rp6, rp12])
        out: list[BarisE81] = []
        semua: list[IndikatorProgram | IndikatorKegiatan | None] = [*daftar] or [None]
        for i, ind in enumerate(semua):
            uraian = ind.uraian if ind is not None else "-"
            satuan = ind.satuan if ind is not None else ""
            sifat = ind.sifat if ind is not None else None
            polaritas = getattr(ind, "polaritas", "positif")
            c = cara(sifat)
            if isinstance(ind, IndikatorProgram):
                k5 = _angka(ind.target_akhir) if ind.target_akhir else _angka(ind.target.get(akhir))
                own = _indikator_unit(unit, ind.uraian, i, n)
                k7 = _angka(own.target) if own is not None else _angka(ind.target.get(tahun))
            else:
                k5 = None
                k7 = _angka(ind.target) if ind is not None else None
            tw = _realisasi_indikator_tahun(dinas, tahun, unit, uraian, sifat, i, n)
            tw = [v if q <= triwulan else None for q, v in enumerate(tw, 1)]
            prior = []
            for y in lalu:
                # An earlier year: its indikator's annual realisasi, else its quarters.
                u = _unit_tahun(dinas, y, program, kegiatan)
                own = _indikator_unit(u, uraian, i, n) if u is not None else None
                if own is not None and _angka(own.realisasi) is not None:
                    prior.append(_angka(own.realisasi))
                else:
                    periode = _realisasi_indikator_tahun(dinas, y, u, uraian, sifat, i, n)
                    prior.append(gabung(periode, c))
            k12 = gabung(tw, c)
            own = _indikator_unit(unit, uraian, i, n)
            if k12 is None and triwulan == 4 and own is not None:
                k12 = _angka(own.realisasi)  # a whole year reported by its annual figure
            k13 = gabung([*prior, k12], c)
            first = i == 0
            out.append(
                BarisE81(
                    tingkat, sid, unit.uraian, uraian, satuan, first,
                    KRp(k5, rp5 if first else None),
                    KRp(gabung(prior, c), rp6 if first else None),
                    KRp(k7, pagu(unit) if first else None),
                    tuple(  # type: ignore[arg-type]
                        KRp(k, rp if first else None) for k, rp in zip(tw, rp_tw, strict=True)
                    ),
                    KRp(k12, rp12 if first else None),
                    KRp(k13, rp13 if first else None),
                    capaian_angka(k5, k13, satuan, polaritas, profil),
                    serapan(rp5, rp13, profil.desimal) if first else None,
                    (r.penanggung_jawab if r else None) or unit.penanggung_jawab or "",
                )
            )  # fmt: skip
        return out

    def program_rows(sid: str, programs: list[Program]) -> list[BarisE81]:
        out: list[BarisE81] = []
        for p in programs:
            rp = cocok(renstra.program, p.kode, p.uraian)
            out += unit_rows("program", sid, p, None, rp)
            kegiatan = [k for k, _subs in p.kegiatan_untuk(sid)] if sid else p.kegiatan
            for k in kegiatan:
                rk = None
                if isinstance(rp, ProgramRenstra):
                    rk = cocok(rp.kegiatan, k.kode, k.uraian)
                out += unit_rows("kegiatan", sid, p, k, rk)
        return out

    programs = t.program()
    for s in renstra.sasaran:
        own = sasaran_rows(s.id)
        under = program_rows(s.id, [p for p in programs if s.id in p.melayani])
        firsts = [b for b in under if b.tingkat == "program" and b.pertama]
        for j, b in enumerate(own):
            # The sasaran's rupiah: the sum of its programs' (its first indikator row).
            rows.append(_dengan_rupiah(b, firsts, profil) if j == 0 else b)
        rows += under
    rows += program_rows("", [p for p in programs if not p.melayani])
    rows = _bernomor(rows)
    ks = [b.capaian_k for b in rows if b.capaian_k is not None]
    rps = [b.capaian_rp for b in rows if b.capaian_rp is not None and b.tingkat != "sasaran"]
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
    )
