"""Everything computed for one year: capaian per indikator and sasaran, kategori,
comparisons with the previous year and the Renstra target akhir, and the budget.

Which target is measured: the year's PK Perubahan, else its PK, else its RKT
(``target.yaml``); a year without ``target.yaml`` uses the Renstra target of that
year.  Indikator whose target is ``-`` are not measured that year.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from sakipgen.calc.anggaran import hitung_anggaran
from sakipgen.calc.bulat import bulat, rata_rata
from sakipgen.calc.capaian import CapaianError, hitung
from sakipgen.calc.dari_tabel import KolomTidakAda, hitung_dari_tabel
from sakipgen.calc.kategori import kategori, kategori_rentang, rentang_serapan, rentang_tambahan
from sakipgen.calc.periode import nilai_angka, periode, tahunan
from sakipgen.diagnostics import Diagnostic, Location
from sakipgen.format import angka
from sakipgen.i18n import _
from sakipgen.model.anggaran import Kegiatan, Program, SubKegiatan
from sakipgen.model.folder import Dinas, Tahun
from sakipgen.model.hasil import (
    HasilAnggaran,
    HasilIndikator,
    HasilPembanding,
    HasilSasaran,
    HasilTahun,
    Pos,
    Unit,
)
from sakipgen.model.nilai import Nilai
from sakipgen.model.renstra import Indikator, Sasaran
from sakipgen.model.sumber import YamlPath
from sakipgen.model.tahun import RealisasiIndikator, TargetIndikator


def targets_tahun(dinas: Dinas, year: int) -> tuple[str | None, dict[str, TargetIndikator]]:
    tahun = dinas.tahun.get(year)
    if tahun and tahun.target:
        chosen = tahun.target.model.berlaku()
        if chosen:
            return chosen[0], dict(chosen[1].indikator)
    plan = {i: TargetIndikator(target=v) for i, v in target_renstra(dinas, year).items()}
    return ("renstra", plan) if plan else (None, {})


def target_renstra(dinas: Dinas, year: int) -> dict[str, Nilai]:
    """The Renstra target of each indikator for ``year`` (those that give one)."""
    return {
        i.id: i.target[year] for _sasaran, i in dinas.renstra.model.indikator() if year in i.target
    }


def tahun_tersedia(dinas: Dinas) -> list[int]:
    """Years that have anything to show: a year folder, or Renstra targets."""
    years = set(dinas.tahun)
    for _sasaran, i in dinas.renstra.model.indikator():
        years.update(i.target)
    return sorted(years)


def hitung_tahun(
    dinas: Dinas, year: int, *, pembanding: bool = True, lalu: HasilTahun | None = None
) -> tuple[HasilTahun, list[Diagnostic]]:
    """Everything computed for ``year``, and the problems found computing it.

    With ``pembanding`` the previous year (when the dinas has its folder) gives the
    "capaian tahun lalu" figures: ``lalu`` when the caller has computed it already (the
    pipeline computes the years in order), else it is computed here.  Pure: the same
    dinas and year always give the same result, and nothing is kept between calls."""
    if pembanding and lalu is None and (year - 1) in dinas.tahun:
        lalu, _diags = hitung_tahun(dinas, year - 1, pembanding=False)
    return _hitung_tahun(dinas, year, lalu if pembanding and (year - 1) in dinas.tahun else None)


def _hitung_tahun(
    dinas: Dinas, year: int, lalu: HasilTahun | None
) -> tuple[HasilTahun, list[Diagnostic]]:
    diags: list[Diagnostic] = []
    profil = dinas.identitas.model.profil
    places = profil.desimal
    sumber, targets = targets_tahun(dinas, year)
    tahun = dinas.tahun.get(year)
    real_file = tahun.realisasi if tahun else None
    realisasi: dict[str, RealisasiIndikator] = real_file.model.indikator if real_file else {}
    ada_realisasi = real_file is not None

    lalu_ind = {h.indikator.id: h for s in lalu.sasaran for h in s.indikator} if lalu else {}
    lalu_sas = {s.sasaran.id: s for s in lalu.sasaran} if lalu else {}

    def where(ident: str) -> Location:
        assert real_file is not None
        if ident in realisasi:
            return real_file.source.locate(("indikator", ident), key=True)
        return real_file.source.locate(("indikator",), key=True)

    def where_target(si: int, ii: int, ident: str) -> Location:
        """The measured target's value: in target.yaml, or the Renstra year target."""
        if sumber == "renstra" or tahun is None or tahun.target is None:
            src = dinas.renstra.source
            base = ("sasaran", si, "indikator", ii, "target")
            for key in (str(year), year):
                if (*base, key) in src.values:
                    return src.locate((*base, key))
            return src.locate(base)
        return tahun.target.source.locate((sumber or "", "indikator", ident, "target"))

    # A year still being reported (months or quarters up to before December): an
    # indikator without realisasi yet is not a missing figure (C002); the monitoring
    # report and K021 say which periods are due.
    berjalan = 0 < dinas.bulan_terakhir(year) < 12
    tambahan = rentang_tambahan(profil)

    def kategori_lain(x: Decimal | None) -> tuple[str | None, ...]:
        """The kategori of ``x`` on each further scale (None where it has none)."""
        return tuple(None if x is None else kategori_rentang(x, r) for _n, r in tambahan)

    hasil_sasaran: list[HasilSasaran] = []
    semua_sasaran: list[HasilSasaran] = []
    for si, sas in enumerate(dinas.renstra.model.sasaran):
        rows: list[HasilIndikator] = []
        tanpa_target: list[Indikator] = []
        for ii, ind in enumerate(sas.indikator):
            entry = targets.get(ind.id)
            if entry is None:
                tanpa_target.append(ind)
                continue
            if entry.target.jenis == "kosong":
                # No target this year ("-"): not measured, but a reported realisasi is
                # shown in a class of its own (never as the lowest band).
                tanpa = _tanpa_target(sas, ind, entry, realisasi.get(ind.id), dinas, year)
                if tanpa is not None:
                    rows.append(tanpa)
                else:
                    tanpa_target.append(ind)
                continue
            entry_r = _dari_periode(realisasi.get(ind.id), ind, profil.desimal)
            entry_r = _dari_tabel(entry_r, tahun, profil.desimal)
            row = _indikator(sas, ind, entry, entry_r, ada_realisasi, dinas, year)
            capaian, manual, alasan, ket, diag = row
            if diag is not None and not (berjalan and diag.code == "C002"):
                # A problem of the target (C007 target below 0) is shown at the target.
                at = where_target(si, ii, ind.id) if diag.pada == "target" else where(ind.id)
                diags.append(Diagnostic.make(at, diag.code, f"{ind.id}: {diag.message}"))
            if manual and entry_r is not None and not entry_r.alasan and not entry_r.sumber:
                diags.append(
                    Diagnostic.make(
                        where(ind.id),
                        "C004",
                        _(
                            "{ident}: capaian {capaian} "
                            "diisi manual; tulis 'alasan' (atau 'sumber' "
                            "untuk angka yang dikutip dari laporan lain)"
                        ).format(
                            ident=ind.id,
                            capaian=angka(capaian) if capaian is not None else "-",
                        ),
                    )
                )
            kat = kategori(capaian, profil) if capaian is not None else None
            kat_lain = kategori_lain(capaian)
            if capaian is not None and real_file is not None:
                if capaian < 0:
                    diags.append(
                        Diagnostic.make(
                            where(ind.id),
                            "K016",
                            _("{ident}: capaian {capaian} di bawah 0").format(
                                ident=ind.id, capaian=angka(capaian)
                            ),
                        )
                    )
                if kat is None:
                    diags.append(
                        Diagnostic.make(
                            where(ind.id),
                            "K015",
                            _(
                                "{ident}: capaian {capaian} tidak masuk pita mana pun di skala "
                                "(sakip.yaml profil.skala); kategorinya dicetak '–'"
                            ).format(ident=ind.id, capaian=angka(capaian)),
                        )
                    )
                for (nama, _r), k in zip(tambahan, kat_lain, strict=True):
                    if k is None:
                        diags.append(
                            Diagnostic.make(
                                where(ind.id),
                                "K015",
                                _(
                                    "{ident}: capaian {capaian} tidak masuk pita mana pun di "
                                    "skala '{nama}' (sakip.yaml profil.skala_tambahan); "
                                    "kategorinya di kolom '{nama}' dicetak '–'"
                                ).format(ident=ind.id, capaian=angka(capaian), nama=nama),
                            )
                        )
            nilai_r = entry_r.nilai if entry_r else None
            akhir = None
            if ind.target_akhir is not None and nilai_r is not None:
                try:
                    akhir = hitung(
                        ind.target_akhir, nilai_r, ind.polaritas, profil, ind.metode_negatif
                    )
                except CapaianError:
                    akhir = None
            prev = lalu_ind.get(ind.id)
            rows.append(
                HasilIndikator(
                    pembanding=_pembanding(dinas, ind, year, nilai_r),
                    sasaran_id=sas.id,
                    indikator=ind,
                    target=entry.target,
                    target_semula=entry.semula,
                    realisasi=nilai_r,
                    capaian=capaian,
                    kategori=kat,
                    manual=manual,
                    alasan=alasan,
                    keterangan=ket,
                    capaian_tahun_lalu=prev.capaian if prev else None,
                    capaian_target_akhir=akhir,
                    kategori_tambahan=kat_lain,
                    kategori_target_akhir=kategori(akhir, profil) if akhir is not None else None,
                )
            )
        avg = rata_rata([r.capaian for r in rows if r.capaian is not None], places)
        prev_s = lalu_sas.get(sas.id)
        hs = HasilSasaran(
            sasaran=sas,
            indikator=rows,
            capaian=avg,
            kategori=kategori(avg, profil) if avg is not None else None,
            capaian_tahun_lalu=prev_s.capaian if prev_s else None,
            tanpa_target=tanpa_target,
            kategori_tambahan=kategori_lain(avg),
        )
        semua_sasaran.append(hs)
        if rows:  # a sasaran with nothing measured or reported this year is not measured
            hasil_sasaran.append(hs)

    overall = rata_rata([s.capaian for s in hasil_sasaran if s.capaian is not None], places)
    per_ind = rata_rata(
        [r.capaian for s in hasil_sasaran for r in s.indikator if r.capaian is not None], places
    )
    anggaran = None
    if tahun and tahun.anggaran:
        anggaran = hitung_anggaran(
            tahun.anggaran.model,
            [s.id for s in dinas.renstra.model.sasaran],
            places,
            rentang_serapan(profil),
        )
        src = tahun.anggaran.source
        for i, pp in enumerate(anggaran.program):
            if pp.pagu == 0 and pp.realisasi is not None:
                diags.append(
                    Diagnostic.make(
                        src.locate(("program", i, "pagu")),
                        "C005",
                        _("program {ident}: pagu 0, serapan tidak dapat dihitung").format(
                            ident=pp.program.id
                        ),
                    )
                )
        if profil.skala_serapan is not None:
            diags.extend(_serapan_di_luar_skala(tahun, anggaran, profil.desimal))
    return (
        HasilTahun(
            tahun=year,
            sumber_target=sumber,
            ada_realisasi=ada_realisasi,
            sasaran=hasil_sasaran,
            capaian=overall,
            kategori=kategori(overall, profil) if overall is not None else None,
            rata_rata_indikator=per_ind,
            anggaran=anggaran,
            capaian_tahun_lalu=lalu.capaian if lalu else None,
            kategori_tambahan=kategori_lain(overall),
            skala_tambahan=tuple(n for n, _r in tambahan),
            pembanding=tuple(
                (pb.id, pb.nama)
                for pb in dinas.renstra.model.pembanding
                if any(
                    p.id == pb.id for s in hasil_sasaran for h in s.indikator for p in h.pembanding
                )
            ),
            semua_sasaran=semua_sasaran,
        ),
        diags,
    )


_TINGKAT: dict[type[Unit], str] = {
    Program: "program",
    Kegiatan: "kegiatan",
    SubKegiatan: "sub kegiatan",
}
"""How a K015 names a unit's level."""


def _serapan_di_luar_skala(
    tahun: Tahun, anggaran: HasilAnggaran, places: int
) -> Iterator[Diagnostic]:
    """K015 for every printed serapan that falls in no band of ``profil.skala_serapan``
    (like a capaian outside ``skala``): a program, kegiatan or sub kegiatan at its
    realisasi, a program's part serving one sasaran at the program, a sasaran's and the
    total's at the file's programs.  A sasaran (the total) whose serapan is that of a
    program (a sasaran) already warned of is the same figure again: not repeated."""
    assert tahun.anggaran is not None
    src = tahun.anggaran.source

    def pesan(apa: str, serapan: Decimal) -> str:
        return _(
            "{apa}: serapan {serapan} tidak masuk pita mana pun di skala serapan "
            "(sakip.yaml profil.skala_serapan); kategorinya dicetak '–'"
        ).format(apa=apa, serapan=angka(serapan, places))

    def luar(pos: Pos) -> Decimal | None:
        """The serapan when it has no kategori, else None."""
        return pos.serapan if pos.kategori_serapan is None else None

    tempat: dict[int, YamlPath] = {}
    for jalur, unit in tahun.anggaran.model.semua_unit():
        if isinstance(unit, Program):
            tempat[id(unit)] = jalur
        if (x := luar(anggaran.pos(unit))) is not None:
            at = (*jalur, "realisasi") if unit.realisasi is not None else jalur
            nama = unit.id or unit.kode or unit.uraian or "-"
            apa = f"{_TINGKAT[type(unit)]} {nama}"
            yield Diagnostic.make(src.locate(at), "K015", pesan(apa, x))
    atas = src.locate(("program",), key=True)
    sudah: set[Decimal] = set()
    for ps in anggaran.sasaran:
        bawah: set[Decimal] = set()
        for part in ps.program:
            if (x := luar(anggaran.pos(part.program))) is not None:
                bawah.add(x)
            if (x := luar(part)) is not None and x not in bawah:
                bawah.add(x)
                apa = _("program {ident} untuk sasaran {sasaran}").format(
                    ident=part.program.id or "-", sasaran=ps.sasaran_id or "-"
                )
                di = src.locate(tempat.get(id(part.program), ("program",)))
                yield Diagnostic.make(di, "K015", pesan(apa, x))
        if (x := luar(ps)) is not None and x not in bawah:
            apa = f"sasaran {ps.sasaran_id}" if ps.sasaran_id else _("program tanpa sasaran")
            yield Diagnostic.make(atas, "K015", pesan(apa, x))
            bawah.add(x)
        sudah |= bawah
    if (x := luar(anggaran.total)) is not None and x not in sudah:
        yield Diagnostic.make(atas, "K015", pesan(_("jumlah seluruh program"), x))


def _pembanding(
    dinas: Dinas, ind: Indikator, year: int, realisasi: Nilai | None
) -> tuple[HasilPembanding, ...]:
    """The indikator's targets of ``year`` in the Renstra's ``pembanding`` plans (in
    their order; a missing or ``-`` one left out) and the realisasi against each, by the
    indikator's own formula as its capaian (``metode_negatif``)."""
    profil = dinas.identitas.model.profil
    out = []
    for pb in dinas.renstra.model.pembanding:
        target = ind.target_pembanding.get(pb.id, {}).get(year)
        if target is None or target.jenis == "kosong":
            continue
        capaian = None
        if realisasi is not None and realisasi.jenis != "kosong":
            try:
                capaian = hitung(target, realisasi, ind.polaritas, profil, ind.metode_negatif)
            except CapaianError:
                capaian = None
        out.append(HasilPembanding(pb.id, pb.nama, target, capaian))
    return tuple(out)


def _tanpa_target(
    sas: Sasaran,
    ind: Indikator,
    entry: TargetIndikator,
    real: RealisasiIndikator | None,
    dinas: Dinas,
    year: int,
) -> HasilIndikator | None:
    """The row of an indikator without a target this year whose realisasi is reported."""
    profil = dinas.identitas.model.profil
    if real is None or not real.ada_nilai:
        return None
    return HasilIndikator(
        sasaran_id=sas.id,
        indikator=ind,
        target=entry.target,
        target_semula=entry.semula,
        realisasi=real.nilai,
        capaian=None,
        kategori=profil.kategori_tanpa_target,
        keterangan=real.catatan,
        # Its own class on every scale.
        kategori_tambahan=(profil.kategori_tanpa_target,) * len(profil.skala_tambahan),
        pembanding=_pembanding(dinas, ind, year, real.nilai),
    )


def _dari_periode(
    real: RealisasiIndikator | None, ind: Indikator, places: int
) -> RealisasiIndikator | None:
    """``real`` with its year's value made from its periods (by the indikator's
    ``sifat``) when no annual ``nilai`` is written."""
    if real is None or ind.sifat is None or real.ada_nilai:
        return real
    value = tahunan(periode(real), ind.sifat, places)
    return real if value is None else real.model_copy(update={"nilai": value})


def _dari_tabel(
    real: RealisasiIndikator | None, tahun: Tahun | None, places: int
) -> RealisasiIndikator | None:
    """``real`` with its realisasi taken from its supporting table (``dari_tabel``) when
    neither an annual ``nilai`` nor its periods give one."""
    if real is None or real.dari_tabel is None or tahun is None or real.ada_nilai:
        return real
    berkas = tahun.tabel.get(real.dari_tabel.tabel)
    if berkas is None:
        return real  # check reports the unknown table (R001)
    try:
        found = hitung_dari_tabel(real.dari_tabel, berkas.model)
    except KolomTidakAda:
        return real
    value = nilai_angka(bulat(found.nilai, places), "%" if real.dari_tabel.persen else "")
    return real.model_copy(update={"nilai": value})


def _indikator(
    sas: Sasaran,
    ind: Indikator,
    entry: TargetIndikator,
    real: RealisasiIndikator | None,
    ada_realisasi: bool,
    dinas: Dinas,
    year: int,
) -> tuple[Decimal | None, bool, str | None, str | None, CapaianError | None]:
    """(capaian, manual, alasan, keterangan, problem) for one measured indikator."""
    profil = dinas.identitas.model.profil
    if not ada_realisasi:
        return None, False, None, None, None
    if real is None:
        return _belum_diisi(_("realisasi tahun {tahun} belum diisi di realisasi.yaml"), year)
    manual_value = bulat(real.capaian, profil.desimal) if real.capaian is not None else None
    if real.nilai is not None and real.nilai.jenis != "kosong":
        try:
            capaian = hitung(entry.target, real.nilai, ind.polaritas, profil, ind.metode_negatif)
            return capaian, False, None, None, None
        except CapaianError as exc:
            if manual_value is not None:
                return manual_value, True, real.alasan, real.sumber, None
            return None, False, None, None, exc
    if manual_value is not None:
        return manual_value, True, real.alasan, real.sumber, None
    if real.catatan:
        return None, False, None, real.catatan, None
    return _belum_diisi(_("realisasi tahun {tahun} belum diisi (nilai '-')"), year)


def _belum_diisi(pesan: str, year: int) -> tuple[None, bool, None, None, CapaianError]:
    """No capaian: the realisasi was not reported (C002)."""
    return None, False, None, None, CapaianError("C002", pesan.format(tahun=year))
