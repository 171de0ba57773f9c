"""Consistency rules: what a single file's schema cannot see, and what slips into filed
documents today (README "Aturan konsistensi", codes K001-K014).

Each rule is a function of the loaded dinas yielding located diagnostics; the
catalogue of codes and severities lives in :mod:`sakipgen.diagnostics`.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Iterator
from datetime import date
from decimal import Decimal

from sakipgen.calc.anggaran import pagu, realisasi, realisasi_periode, realisasi_sendiri
from sakipgen.calc.bulat import bulat, bulat_seperti
from sakipgen.calc.bulat import persen as persen_dari
from sakipgen.calc.capaian import CapaianError, hitung
from sakipgen.calc.dari_tabel import KolomTidakAda, hitung_dari_tabel
from sakipgen.calc.e81 import cocok
from sakipgen.calc.periode import periode, tahunan
from sakipgen.calc.rencana_aksi import ringkas
from sakipgen.checks.contoh import isian_contoh
from sakipgen.diagnostics import Diagnostic
from sakipgen.format import angka, nilai
from sakipgen.i18n import N_, _
from sakipgen.load.validate import suggest
from sakipgen.model.anggaran import SumberDana
from sakipgen.model.dinas import DokumenBerkala, Skala
from sakipgen.model.folder import Dinas, Tahun
from sakipgen.model.hasil import Unit, daftar_tahun
from sakipgen.model.nilai import Nilai
from sakipgen.model.rencana_aksi import BarisRencanaAksi, TabelRencanaAksi
from sakipgen.model.renstra import KegiatanRenstra, ProgramRenstra
from sakipgen.model.sumber import SourceMap, YamlPath

Rule = Callable[[Dinas], Iterator[Diagnostic]]

# Units that count whole things: a fraction there is a typo (often 6.825 written for 6825).
SATUAN_CACAH = {
    "unit",
    "orang",
    "org",
    "koperasi",
    "kop",
    "dokumen",
    "dok",
    "laporan",
    "produk",
    "kegiatan",
    "pasar",
    "buah",
    "paket",
    "kali",
    "event",
    "jenis",
    "umkm",
    "ikm",
    "ukm",
    "sentra",
    "desa",
    "pelaku usaha",
    "kelompok",
    "lembaga",
    "toko",
    "usaha",
    "sertifikat",
    "izin",
    "pedagang",
}
_NAIK = re.compile(r"peningkatan|pertumbuhan|kenaikan|perubahan", re.I)


def _sama(a: Nilai, b: Nilai) -> bool:
    if a.jenis == "angka" and b.jenis == "angka":
        return a.angka == b.angka
    return " ".join(a.teks.lower().split()) == " ".join(b.teks.lower().split())


def target_pk(dinas: Dinas) -> Iterator[Diagnostic]:
    """K001: a PK target that differs from the year's RKT or Renstra target, unless it is
    a PK Perubahan entry that documents the target it replaces (``semula``, ``revisi_pk``
    in dokumen.yaml, or the same year's ``pk``, which the PK Perubahan prints as its
    semula: what the input workbook's PK and PK Perubahan columns give)."""
    for year, t in sorted(dinas.tahun.items()):
        if t.target is None:
            continue
        tt = t.target.model
        src = t.target.source
        # A PK Perubahan whose original targets come from git history (dokumen.yaml
        # pk_perubahan.revisi_pk) documents what it replaces, like ``semula``.
        dari_git = dinas.revisi_pk(year) is not None
        for doc in ("pk", "pk_perubahan"):
            td = getattr(tt, doc)
            if td is None:
                continue
            for ident, entry in td.indikator.items():
                if ident not in dinas.indikator or entry.target.jenis == "kosong":
                    continue
                if doc == "pk_perubahan" and (
                    entry.semula is not None or dari_git or (tt.pk and ident in tt.pk.indikator)
                ):
                    continue
                ind = dinas.indikator[ident][1]
                plans: list[tuple[str, Nilai]] = []
                if tt.rkt and ident in tt.rkt.indikator:
                    plans.append(("RKT", tt.rkt.indikator[ident].target))
                if year in ind.target:
                    plans.append(("Renstra", ind.target[year]))
                for name, plan in plans:
                    if plan.jenis != "kosong" and not _sama(plan, entry.target):
                        label = "PK Perubahan" if doc == "pk_perubahan" else "PK"
                        hint = (
                            _("tulis 'semula' untuk target yang diganti")
                            if doc == "pk_perubahan"
                            else _("samakan, atau catat sebagai pk_perubahan dengan 'semula'")
                        )
                        yield Diagnostic.make(
                            src.locate((doc, "indikator", ident), key=True),
                            "K001",
                            _(
                                "target {label} {ident} '{target}' berbeda dengan target "
                                "{name} {year} '{rencana}'; {hint}"
                            ).format(
                                label=label,
                                ident=ident,
                                target=entry.target.teks,
                                name=name,
                                year=year,
                                rencana=plan.teks,
                                hint=hint,
                            ),
                        )
                        break


def sasaran_tanpa_indikator(dinas: Dinas) -> Iterator[Diagnostic]:
    """K002: a sasaran without indikator cannot be measured."""
    rs = dinas.renstra.source
    for i, s in enumerate(dinas.renstra.model.sasaran):
        if not s.indikator:
            yield Diagnostic.make(
                rs.locate(("sasaran", i, "id")),
                "K002",
                _("sasaran {ident} tidak punya indikator; tambahkan minimal satu indikator").format(
                    ident=s.id
                ),
            )


def indikator_tanpa_target(dinas: Dinas) -> Iterator[Diagnostic]:
    """K003: an IKU indikator with no target in the year's target document (write "-" in
    the Renstra target of that year when it is knowingly not measured)."""
    for year, t in sorted(dinas.tahun.items()):
        chosen = t.target.model.berlaku() if t.target else None
        if chosen is None or t.target is None:
            continue
        name, doc = chosen
        for _sasaran, ind in dinas.renstra.model.indikator():
            if not ind.iku or ind.id in doc.indikator:
                continue
            if year in ind.target and ind.target[year].jenis == "kosong":
                continue
            yield Diagnostic.make(
                t.target.source.locate((name, "indikator"), key=True),
                "K003",
                _(
                    "indikator {ident} tidak punya target {dokumen} "
                    'tahun {year}; isi targetnya, atau tulis target Renstra {year}: "-" '
                    "bila memang tidak diukur"
                ).format(ident=ind.id, dokumen=name.upper().replace("_", " "), year=year),
            )


def _pagu_pk(dinas: Dinas) -> Iterator[Diagnostic]:
    """K004: a program's pagu in the PK differs from anggaran.yaml."""
    for _year, t in sorted(dinas.tahun.items()):
        if t.target is None or t.anggaran is None:
            continue
        programs = {p.id: p for p in t.anggaran.model.program}
        for doc in ("pk", "pk_perubahan"):
            td = getattr(t.target.model, doc)
            if td is None:
                continue
            for ident, amount in td.program.items():
                p = programs.get(ident)
                if p is None:
                    continue
                budget = pagu(p)
                if budget is not None and budget != amount:
                    yield Diagnostic.make(
                        t.target.source.locate((doc, "program", ident), key=True),
                        "K004",
                        _(
                            "pagu program {ident} di {dokumen} "
                            "Rp {pagu_pk} berbeda dengan anggaran.yaml Rp {pagu}"
                        ).format(
                            ident=ident,
                            dokumen=doc.upper().replace("_", " "),
                            pagu_pk=angka(amount),
                            pagu=angka(budget),
                        ),
                    )


def anggaran(dinas: Dinas) -> Iterator[Diagnostic]:
    """K005 realisasi above pagu; K006 kegiatan/sub kegiatan not adding up to their parent;
    K007 a program serving no sasaran (unless marked ``penunjang``)."""
    for _year, t in sorted(dinas.tahun.items()):
        if t.anggaran is None:
            continue
        src = t.anggaran.source
        for i, p in enumerate(t.anggaran.model.program):
            base: tuple[str | int, ...] = ("program", i)
            units: list[tuple[tuple[str | int, ...], Unit]] = [(base, p)]
            for j, k in enumerate(p.kegiatan):
                units.append(((*base, "kegiatan", j), k))
                for n, sk in enumerate(k.sub_kegiatan):
                    units.append(((*base, "kegiatan", j, "sub_kegiatan", n), sk))
            for path, unit in units:
                pg, rl = pagu(unit), realisasi(unit)
                if pg is not None and rl is not None and rl > pg:
                    yield Diagnostic.make(
                        src.locate((*path, "realisasi")),
                        "K005",
                        _("realisasi Rp {realisasi} melebihi pagu Rp {pagu} ({uraian})").format(
                            realisasi=angka(rl),
                            pagu=angka(pg),
                            uraian=getattr(unit, "uraian", "")[:60],
                        ),
                    )
                yield from _periode_anggaran(src, path, unit)
            # Pagu (K006) and realisasi (K017) add up the same way; a realisasi may be
            # given as its periods.
            for isian, sendiri in (("pagu", _pagu_sendiri), ("realisasi", realisasi_sendiri)):
                yield from _jumlah_anak(
                    src,
                    base,
                    sendiri(p),
                    [(sendiri(k), k) for k in p.kegiatan],
                    "kegiatan",
                    isian,
                )
                for j, k in enumerate(p.kegiatan):
                    yield from _jumlah_anak(
                        src,
                        (*base, "kegiatan", j),
                        sendiri(k),
                        [(sendiri(s), s) for s in k.sub_kegiatan],
                        "sub kegiatan",
                        isian,
                    )
            if not p.melayani and not p.penunjang:
                yield Diagnostic.make(
                    src.locate((*base, "id")),
                    "K007",
                    _(
                        "program {ident} tidak melayani sasaran mana pun; isi 'sasaran', atau "
                        "'penunjang: true' untuk program penunjang (administrasi perkantoran dsb.)"
                    ).format(ident=p.id),
                )


def _pagu_sendiri(unit: Unit) -> int | None:
    return unit.pagu


def _periode_anggaran(src: SourceMap, path: YamlPath, unit: Unit) -> Iterator[Diagnostic]:
    """K018: budget realisasi per period that does not add up: a quarter against its
    three months, or the periods against the year's realisasi (all periods given and a
    different sum, or fewer periods already summing to more)."""
    bulan, triwulan = unit.realisasi_bulanan, unit.realisasi_triwulan
    if bulan and triwulan:
        for q, v in sorted(triwulan.items()):
            months = [bulan.get(m) for m in range(3 * q - 2, 3 * q + 1)]
            jumlah = sum(m or 0 for m in months)
            if None in months or jumlah == v:
                continue
            yield Diagnostic.make(
                src.locate((*path, "realisasi_triwulan", str(q))),
                "K018",
                _(
                    "realisasi triwulan {q} Rp {nilai} tidak sama dengan jumlah realisasi "
                    "bulan {awal}-{akhir} Rp {jumlah} (selisih Rp {selisih})"
                ).format(
                    q=q,
                    nilai=angka(v),
                    awal=3 * q - 2,
                    akhir=3 * q,
                    jumlah=angka(jumlah),
                    selisih=angka(abs(v - jumlah)),
                ),
            )
    periode = realisasi_periode(unit)
    if unit.realisasi is None or periode is None:
        return
    lengkap = len(bulan) == 12 if bulan else len(triwulan) == 4
    nama = _("bulan") if bulan else _("triwulan")
    if lengkap and periode != unit.realisasi:
        pesan = _(
            "realisasi Rp {realisasi} tidak sama dengan jumlah realisasi per {periode} Rp "
            "{jumlah} (selisih Rp {selisih})"
        )
    elif not lengkap and periode > unit.realisasi:
        pesan = _(
            "realisasi Rp {realisasi} lebih kecil dari jumlah realisasi per {periode} yang "
            "sudah diisi, Rp {jumlah} (selisih Rp {selisih})"
        )
    else:
        return
    yield Diagnostic.make(
        src.locate((*path, "realisasi")),
        "K018",
        pesan.format(
            realisasi=angka(unit.realisasi),
            periode=nama,
            jumlah=angka(periode),
            selisih=angka(abs(unit.realisasi - periode)),
        ),
    )


def _jumlah_anak(
    src: SourceMap,
    path: tuple[str | int, ...],
    own: int | None,
    children: list[tuple[int | None, object]],
    kind: str,
    isian: str = "pagu",
) -> Iterator[Diagnostic]:
    """K006 (pagu) or K017 (realisasi): a unit's own figure differs from the sum of its
    children's, where every child gives one."""
    given = [c for c, _unit in children if c is not None]
    if own is None or not given or len(given) != len(children):
        return
    total = sum(given)
    if total != own:
        yield Diagnostic.make(
            src.locate((*path, isian)),
            "K006" if isian == "pagu" else "K017",
            _(
                "{isian} Rp {pagu} tidak sama dengan jumlah {isian} {kind}-nya Rp {jumlah} "
                "(selisih Rp {selisih})"
            ).format(
                isian=isian,
                pagu=angka(own),
                kind=kind,
                jumlah=angka(total),
                selisih=angka(abs(own - total)),
            ),
        )


def rencana_aksi(dinas: Dinas) -> Iterator[Diagnostic]:
    """K008 final cumulative / total ≠ the annual PK target; K009 ≠ the row's own
    ``target_tahunan``; K010 a cumulative series that goes down."""
    for year, t in sorted(dinas.tahun.items()):
        if t.rencana_aksi is None:
            continue
        src = t.rencana_aksi.source
        pk = _target_tahun(t)
        for ti, tabel in enumerate(t.rencana_aksi.model.tabel):
            for bi, row in enumerate(tabel.baris):
                at: tuple[str | int, ...] = ("tabel", ti, "baris", bi)
                cara = dinas.cara_tahunan(row, tabel)
                r = ringkas(row.target, cara)
                if cara == "akhir" and r.turun_di is not None:
                    yield Diagnostic.make(
                        src.locate((*at, "target", r.turun_di - 1)),
                        "K010",
                        _(
                            "target kumulatif turun pada periode ke-{periode}; nilai kumulatif "
                            "tidak boleh lebih kecil dari periode sebelumnya "
                            "(atau tulis kumulatif: false)"
                        ).format(periode=r.turun_di),
                    )
                yield from _realisasi_baris(dinas, src, at, row, tabel, cara, year)
                if r.tahunan is None:
                    continue
                how = {
                    "akhir": _("nilai akhir kumulatif"),
                    "jumlah": _("jumlah target per periode"),
                    "rata_rata": _("rata-rata target per periode"),
                }[cara]
                tt = row.target_tahunan
                if (
                    tt is not None
                    and tt.angka is not None
                    and tt.jenis == "angka"
                    and (tt.angka != r.tahunan)
                ):
                    yield Diagnostic.make(
                        src.locate((*at, "target_tahunan")),
                        "K009",
                        _("{how} {tahunan} tidak sama dengan target_tahunan {target}").format(
                            how=how, tahunan=angka(r.tahunan), target=angka(tt.angka)
                        ),
                    )
                yield from _banding_pk(src, at, row, r.tahunan, how, pk)


def _realisasi_baris(
    dinas: Dinas,
    src: SourceMap,
    at: tuple[str | int, ...],
    row: BarisRencanaAksi,
    tabel: TabelRencanaAksi,
    cara: str,
    year: int,
) -> Iterator[Diagnostic]:
    """A rencana aksi row during the year: K022 its running realisasi going down; K005
    its money spent above its anggaran; K021 a passed period with a target and no
    realisasi (a row of a Renstra indikator reporting in realisasi.yaml is checked
    there)."""
    if cara == "akhir" and row.realisasi:
        turun = ringkas(row.realisasi, "akhir").turun_di
        if turun is not None:
            yield Diagnostic.make(
                src.locate((*at, "realisasi", turun - 1)),
                "K022",
                _(
                    "realisasi kumulatif turun pada periode ke-{periode}; nilai berjalan tidak "
                    "boleh lebih kecil dari periode sebelumnya"
                ).format(periode=turun),
            )
    spent = sum(row.realisasi_anggaran.values())
    if row.anggaran is not None and spent > row.anggaran:
        yield Diagnostic.make(
            src.locate((*at, "realisasi_anggaran")),
            "K005",
            _("realisasi anggaran Rp {realisasi} melebihi anggaran baris Rp {pagu}").format(
                realisasi=angka(spent), pagu=angka(row.anggaran)
            ),
        )
    bulan = dinas.bulan_terakhir(year)
    t = dinas.tahun[year]
    dilaporkan = t.realisasi.model.indikator.get(row.indikator or "") if t.realisasi else None
    if not 0 < bulan < 12 or (not row.realisasi and dilaporkan is not None):
        return
    bulanan = tabel.periode == "bulanan"
    sampai = bulan if bulanan else bulan // 3
    kosong = [
        p
        for p in range(len(row.realisasi) + 1, sampai + 1)
        if p <= len(row.target) and row.target[p - 1].jenis == "angka"
    ]
    if kosong:
        nama = _("bulan") if bulanan else _("triwulan")
        yield Diagnostic.make(
            src.locate((*at, "realisasi") if row.realisasi else at),
            "K021",
            _(
                "realisasi {periode} {kosong} belum diisi, padahal {periode} {terakhir} sudah "
                'dilaporkan; isi angkanya, atau tulis "-" bila memang tidak ada'
            ).format(periode=nama, kosong=", ".join(map(str, kosong)), terakhir=sampai),
        )


def _target_tahun(t: Tahun) -> dict[str, Nilai]:
    chosen = t.target.model.berlaku() if t.target else None
    return {k: v.target for k, v in chosen[1].indikator.items()} if chosen else {}


def _banding_pk(
    src: SourceMap,
    at: tuple[str | int, ...],
    row: BarisRencanaAksi,
    tahunan: Decimal,
    how: str,
    pk: dict[str, Nilai],
) -> Iterator[Diagnostic]:
    if row.indikator is None or row.indikator not in pk:
        return
    target = pk[row.indikator]
    if target.jenis == "angka" and target.angka is not None and target.angka != tahunan:
        yield Diagnostic.make(
            src.locate((*at, "target")),
            "K008",
            _("{how} {tahunan} tidak sama dengan target tahunan {ident} {target}").format(
                how=how, tahunan=angka(tahunan), ident=row.indikator, target=angka(target.angka)
            ),
        )


def _nilai_diperiksa(
    dinas: Dinas,
) -> Iterator[tuple[str, Nilai, object, tuple[str | int, ...], bool]]:
    """Every target and realisasi with its indikator id, location and key-ness."""
    rs = dinas.renstra.source
    for i, s in enumerate(dinas.renstra.model.sasaran):
        for j, ind in enumerate(s.indikator):
            for year, v in ind.target.items():
                yield ind.id, v, rs, ("sasaran", i, "indikator", j, "target", str(year)), False
            for pid, per_tahun in ind.target_pembanding.items():
                for year, v in per_tahun.items():
                    jalur = ("sasaran", i, "indikator", j, "target_pembanding", pid, str(year))
                    yield ind.id, v, rs, jalur, False
    for _year, t in sorted(dinas.tahun.items()):
        if t.target:
            for doc in ("rkt", "pk", "pk_perubahan"):
                td = getattr(t.target.model, doc)
                for ident, entry in td.indikator.items() if td else []:
                    yield ident, entry.target, t.target.source, (doc, "indikator", ident), True
        if t.realisasi:
            for ident, r in t.realisasi.model.indikator.items():
                if r.nilai is not None:
                    yield ident, r.nilai, t.realisasi.source, ("indikator", ident), True


def angka_wajar(dinas: Dinas) -> Iterator[Diagnostic]:
    """K011 a fraction in a count unit (6.825 written for 6825); K012 a percentage above
    100 where the indikator cannot exceed it."""

    for ident, v, src, path, key in _nilai_diperiksa(dinas):
        if ident not in dinas.indikator or not isinstance(src, SourceMap):
            continue
        ind = dinas.indikator[ident][1]
        parts = v.bagian if v.jenis == "majemuk" else (v,)
        for part in parts:
            if part.jenis != "angka" or part.angka is None:
                continue
            unit = (part.satuan or ind.satuan).strip().lower()
            if unit in SATUAN_CACAH and part.angka != part.angka.to_integral_value():
                yield Diagnostic.make(
                    src.locate(path, key=key),
                    "K011",
                    _("{ident}: {nilai} {unit} bukan bilangan bulat").format(
                        ident=ident, nilai=part.teks, unit=unit
                    ),
                )
            pct = unit == "%" or ind.satuan.strip() == "%"
            if (
                pct
                and part.angka > 100
                and ind.uraian.lower().startswith(("persentase", "prosentase"))
                and not _NAIK.search(ind.uraian)
            ):
                yield Diagnostic.make(
                    src.locate(path, key=key),
                    "K012",
                    _(
                        "{ident}: {nilai}% melebihi 100% untuk indikator persentase '{uraian}'"
                    ).format(ident=ident, nilai=angka(part.angka), uraian=ind.uraian[:50]),
                )


def capaian_tercetak(dinas: Dinas) -> Iterator[Diagnostic]:
    """K013: a printed capaian (``capaian`` beside ``nilai``) that differs from what the
    year's target and realisasi compute."""
    from sakipgen.calc.tahun import targets_tahun

    profil = dinas.identitas.model.profil
    for year, t in sorted(dinas.tahun.items()):
        if t.realisasi is None:
            continue
        _doc, targets = targets_tahun(dinas, year)
        for ident, r in t.realisasi.model.indikator.items():
            if r.capaian is None or r.nilai is None or ident not in targets:
                continue
            ind = dinas.indikator.get(ident)
            if ind is None:
                continue
            try:
                computed = hitung(
                    targets[ident].target, r.nilai, ind[1].polaritas, profil, ind[1].metode_negatif
                )
            except CapaianError:
                continue
            printed = r.capaian.quantize(Decimal(1).scaleb(-profil.desimal))
            if printed != computed:
                yield Diagnostic.make(
                    t.realisasi.source.locate(("indikator", ident, "capaian")),
                    "K013",
                    _(
                        "{ident}: capaian tercetak {tercetak} berbeda dengan hasil hitung "
                        "{hitung} dari target {target} dan realisasi {realisasi}"
                    ).format(
                        ident=ident,
                        tercetak=angka(r.capaian),
                        hitung=angka(computed),
                        target=nilai(targets[ident].target),
                        realisasi=nilai(r.nilai),
                    ),
                )


_SIFAT = {
    "kumulatif": N_("periode terakhir (kumulatif)"),
    "akhir_periode": N_("periode terakhir (nilai akhir periode)"),
    "jumlah": N_("jumlah"),
    "rata_rata": N_("rata-rata"),
}


def realisasi_indikator_periode(dinas: Dinas) -> Iterator[Diagnostic]:
    """K019: an indikator's realisasi per month or quarter that does not make its year:
    it disagrees with the written annual ``nilai`` (by the indikator's ``sifat``), a
    cumulative series goes down, or there is no ``sifat`` to make the year from."""
    places = dinas.identitas.model.profil.desimal
    for _year, t in sorted(dinas.tahun.items()):
        if t.realisasi is None:
            continue
        src = t.realisasi.source
        for ident, r in t.realisasi.model.indikator.items():
            values = periode(r)
            found = dinas.indikator.get(ident)
            if not values or found is None:
                continue
            kunci = "bulanan" if r.bulanan else "triwulan"
            sifat = found[1].sifat
            ditulis = r.ada_nilai
            if sifat is None:
                if not ditulis:
                    yield Diagnostic.make(
                        src.locate(("indikator", ident, kunci)),
                        "K019",
                        _(
                            "{ident}: realisasi per periode tanpa realisasi setahun; isi "
                            "'sifat' indikatornya di renstra.yaml (kumulatif, akhir_periode, "
                            "jumlah, rata_rata) atau tulis 'nilai'"
                        ).format(ident=ident),
                    )
                continue
            angka_periode = [v.angka for v in values if v.angka is not None]
            if sifat == "kumulatif":
                turun = next(
                    (
                        i
                        for i in range(1, len(angka_periode))
                        if angka_periode[i] < angka_periode[i - 1]
                    ),
                    None,
                )
                if turun is not None:
                    yield Diagnostic.make(
                        src.locate(("indikator", ident, kunci)),
                        "K019",
                        _(
                            "{ident}: realisasi kumulatif turun dari {a} ke {b}; angka "
                            "kumulatif tidak boleh lebih kecil dari periode sebelumnya"
                        ).format(
                            ident=ident,
                            a=angka(angka_periode[turun - 1]),
                            b=angka(angka_periode[turun]),
                        ),
                    )
            hasil = tahunan(values, sifat, places)
            if (
                ditulis
                and hasil is not None
                and r.nilai is not None
                and r.nilai.angka is not None
                and r.nilai.angka != hasil.angka
            ):
                yield Diagnostic.make(
                    src.locate(("indikator", ident, "nilai")),
                    "K019",
                    _(
                        "{ident}: realisasi setahun {nilai} berbeda dengan {cara} "
                        "realisasi per {periode}, {hitung}"
                    ).format(
                        ident=ident,
                        nilai=nilai(r.nilai),
                        cara=_(_SIFAT[sifat]),
                        periode=_("bulan") if r.bulanan else _("triwulan"),
                        hitung=nilai(hasil),
                    ),
                )


def realisasi_periode_kosong(dinas: Dinas) -> Iterator[Diagnostic]:
    """K021: during the year, a period already reported (for any indikator of the year)
    whose realisasi an indikator reporting per period has not written: a gap in its
    months or quarters up to the latest period the year's realisasi.yaml reports.  A
    period written as "-" is a reported "no value", not a gap."""
    for _year, t in sorted(dinas.tahun.items()):
        if t.realisasi is None:
            continue
        rows = t.realisasi.model.indikator
        # The latest month reported by any indikator (a quarter q counts as month 3q).
        terakhir = max(
            (
                max(r.bulanan) if r.bulanan else 3 * max(r.triwulan)
                for r in rows.values()
                if r.bulanan or r.triwulan
            ),
            default=0,
        )
        for ident, r in rows.items():
            if not (r.bulanan or r.triwulan):
                continue
            bulanan = bool(r.bulanan)
            ada = r.bulanan if bulanan else r.triwulan
            sampai = terakhir if bulanan else terakhir // 3
            kosong = [p for p in range(1, sampai + 1) if p not in ada]
            if not kosong:
                continue
            nama = _("bulan") if bulanan else _("triwulan")
            yield Diagnostic.make(
                t.realisasi.source.locate(
                    ("indikator", ident, "bulanan" if bulanan else "triwulan")
                ),
                "K021",
                _(
                    "{ident}: realisasi {periode} {kosong} belum diisi, padahal {periode} "
                    '{terakhir} sudah dilaporkan; isi angkanya, atau tulis "-" bila '
                    "memang tidak ada"
                ).format(
                    ident=ident,
                    periode=nama,
                    kosong=", ".join(map(str, kosong)),
                    terakhir=sampai,
                ),
            )


def realisasi_dari_tabel(dinas: Dinas) -> Iterator[Diagnostic]:
    """R001 for a ``dari_tabel`` naming a table or column that does not exist; K020 when
    the written realisasi differs from what the table gives, at the written precision."""
    for year, t in sorted(dinas.tahun.items()):
        if t.realisasi is None:
            continue
        src = t.realisasi.source
        for ident, r in t.realisasi.model.indikator.items():
            spec = r.dari_tabel
            if spec is None:
                continue
            at: tuple[str | int, ...] = ("indikator", ident, "dari_tabel")
            berkas = t.tabel.get(spec.tabel)
            if berkas is None:
                yield Diagnostic.make(
                    src.locate((*at, "tabel")),
                    "R001",
                    _("tabel '{tabel}' tidak ada di {tahun}/tabel/").format(
                        tabel=spec.tabel, tahun=year
                    )
                    + suggest(spec.tabel, list(t.tabel)),
                )
                continue
            try:
                found = hitung_dari_tabel(spec, berkas.model)
            except KolomTidakAda as exc:
                kunci = (
                    "kolom" if spec.syarat is None or str(exc) != spec.syarat.kolom else "syarat"
                )
                yield Diagnostic.make(
                    src.locate((*at, kunci)),
                    "R001",
                    _("kolom '{kolom}' tidak ada di tabel '{tabel}'").format(
                        kolom=exc.kolom, tabel=spec.tabel
                    ),
                )
                continue
            if r.nilai is None or r.nilai.angka is None:
                continue
            hitung = bulat_seperti(found.nilai, r.nilai.angka)
            if hitung == r.nilai.angka:
                continue
            cara = (
                _("{n} baris").format(n=angka(found.banyak))
                if spec.hitung == "baris"
                else _("jumlah kolom {kolom} {n}").format(kolom=spec.kolom, n=angka(found.banyak))
            )
            if spec.bagi is not None:
                cara += f" / {angka(spec.bagi)}"
            if spec.persen:
                cara += " × 100"
            yield Diagnostic.make(
                src.locate(("indikator", ident, "nilai")),
                "K020",
                _(
                    "{ident}: realisasi {nilai} berbeda dengan {hitung} menurut tabel "
                    "{tabel} ({cara})"
                ).format(
                    ident=ident,
                    nilai=nilai(r.nilai),
                    hitung=angka(hitung),
                    tabel=spec.tabel,
                    cara=cara,
                ),
            )


_SETELAH_TAHUN = ("lkjip",)
"""Documents that report a year: signed after it ends."""
_DALAM_TAHUN = ("rkt", "pk", "pk_perubahan", "rencana_aksi")
"""Documents that plan or agree a year: signed before it ends."""


def tanggal_dokumen(dinas: Dinas) -> Iterator[Diagnostic]:
    """K014: a document dated where its year makes no sense: an LKjIP of 2021 dated 31
    Januari 2021 reports a year not yet over (31 Januari 2022 was meant); a PK or RKT
    of 2021 dated in 2022 plans a year already past."""
    for year, t in sorted(dinas.tahun.items()):
        if t.dokumen is None:
            continue
        for jenis in (*_SETELAH_TAHUN, *_DALAM_TAHUN):
            doc = getattr(t.dokumen.model, jenis, None)
            when = doc.tanggal if doc is not None else None
            if when is None:
                continue
            if jenis in _SETELAH_TAHUN and when.year <= year:
                message = _(
                    "{jenis} {tahun} bertanggal {tanggal}, sebelum tahun {tahun} berakhir; "
                    "laporan kinerja ditandatangani setelah tahun yang dilaporkannya"
                )
            elif jenis in _DALAM_TAHUN and when.year > year:
                message = _(
                    "{jenis} {tahun} bertanggal {tanggal}, setelah tahun {tahun} berakhir; "
                    "dokumen ini merencanakan tahun {tahun}"
                )
            else:
                continue
            yield Diagnostic.make(
                t.dokumen.source.locate((jenis, "tanggal")),
                "K014",
                message.format(jenis=jenis, tahun=year, tanggal=when.isoformat()),
            )
        for jenis in ("monitoring", "e81"):
            berkala = getattr(t.dokumen.model, jenis, None)
            if not isinstance(berkala, DokumenBerkala):
                continue
            periode = [("triwulan", q, 3 * q, hari) for q, hari in berkala.triwulan.items()]
            periode += [("bulan", b, b, hari) for b, hari in berkala.bulan.items()]
            for kunci, nomor, bulan_akhir, hari in periode:
                if hari > _akhir_bulan(year, bulan_akhir):
                    continue
                yield Diagnostic.make(
                    t.dokumen.source.locate((jenis, kunci, str(nomor))),
                    "K014",
                    _(
                        "{jenis} {tahun} {periode} {nomor} bertanggal {tanggal}, sebelum "
                        "{periode} itu berakhir; laporan ditandatangani setelah periode yang "
                        "dilaporkannya"
                    ).format(
                        jenis=jenis,
                        tahun=year,
                        periode=kunci,
                        nomor=nomor,
                        tanggal=hari.isoformat(),
                    ),
                )


def _akhir_bulan(tahun: int, bulan: int) -> date:
    """The last day of a month."""
    return date(tahun, bulan, calendar.monthrange(tahun, bulan)[1])


def _rentang_nilai(dari: Decimal | None, sampai: Decimal | None, places: int) -> str:
    """``89,01 sampai 89,99``, ``74,00``, ``100,01 ke atas``: a stretch of values as a
    message names it, at the scale's precision."""
    if dari is None and sampai is None:
        return _("berapa pun")
    if sampai is None:
        assert dari is not None
        return _("{dari} ke atas").format(dari=angka(dari, places))
    if dari is None:
        return _("{sampai} ke bawah").format(sampai=angka(sampai, places))
    if dari == sampai:
        return angka(dari, places)
    return _("{dari} sampai {sampai}").format(
        dari=angka(dari, places), sampai=angka(sampai, places)
    )


def skala_dinas(dinas: Dinas) -> list[tuple[YamlPath, str, Skala, Decimal | None]]:
    """Every scale of ``sakip.yaml``: its YAML path, what it judges (``capaian`` or
    ``serapan``), the scale (a preset's name or its bands) and the highest value it
    must cover (a capaian's ``batas_atas`` cap; serapan: 100, above which realisasi
    exceeds the pagu, K005)."""
    profil = dinas.identitas.model.profil
    out: list[tuple[YamlPath, str, Skala, Decimal | None]] = [
        (("profil", "skala"), "capaian", profil.skala, profil.batas_atas)
    ]
    out += [
        (("profil", "skala_tambahan", i, "skala"), "capaian", t.skala, profil.batas_atas)
        for i, t in enumerate(profil.skala_tambahan)
    ]
    if profil.skala_serapan is not None:
        out.append((("profil", "skala_serapan"), "serapan", profil.skala_serapan, Decimal(100)))
    return out


def periksa_skala(dinas: Dinas) -> Iterator[Diagnostic]:
    """Each scale of ``sakip.yaml`` checked on its own, at the dinas's precision
    (``desimal``: every capaian and serapan is rounded so before it gets a kategori),
    before any figure falls where it goes wrong:

    * S004 at a band whose range shares a value with another's (that value would have
      two kategori: the scale contradicts itself, and the printed scale table with it),
      or that holds no value at all;
    * K015 at the band beside a stretch of values no band holds (a gap between written
      ranges, above the top band or below the lowest, from 0): a figure there gets no
      kategori and is printed '–', as a scale copied from a document may intend.  For a
      preset (``lima-tingkat-tertutup`` has such gaps by design) one warning at the
      preset's name lists them all."""
    from sakipgen.calc.kategori import SKALA, periksa_pita

    src = dinas.identitas.source
    places = dinas.identitas.model.profil.desimal
    for jalur, yang_dinilai, skala, atas in skala_dinas(dinas):
        bands = SKALA[skala] if isinstance(skala, str) else list(skala)
        found = periksa_pita(bands, places, atas=atas)
        if isinstance(skala, str):
            if found.celah:
                yield Diagnostic.make(
                    src.locate(jalur),
                    "K015",
                    _(
                        "skala '{nama}' tidak mencakup {nilai} {daftar}: {nilai} di sana tidak "
                        "mendapat kategori (dicetak '–'); tulis pitanya sendiri bila celah itu "
                        "tidak dimaksudkan"
                    ).format(
                        nama=skala,
                        nilai=yang_dinilai,
                        daftar="; ".join(
                            _rentang_nilai(c.dari, c.sampai, places) for c in found.celah
                        ),
                    ),
                )
            continue
        for t in found.tumpang:
            yield Diagnostic.make(
                src.locate((*jalur, t.b)),
                "S004",
                _(
                    "pita '{b}' tumpang tindih dengan pita '{a}': {nilai} {rentang} masuk "
                    "keduanya; ubah batasnya agar setiap {nilai} masuk satu pita saja (pada batas "
                    "yang sama, tulis inklusif: false atau inklusif_atas: false di salah satunya)"
                ).format(
                    a=bands[t.a].kategori,
                    b=bands[t.b].kategori,
                    nilai=yang_dinilai,
                    rentang=_rentang_nilai(t.dari, t.sampai, places),
                ),
            )
        for k in found.kosong:
            yield Diagnostic.make(
                src.locate((*jalur, k)),
                "S004",
                _(
                    "pita '{kategori}' tidak memuat satu {nilai} pun pada {desimal} angka di "
                    "belakang koma; periksa batas_bawah dan batas_atas-nya, atau hapus pita itu"
                ).format(kategori=bands[k].kategori, nilai=yang_dinilai, desimal=places),
            )
        for c in found.celah:
            rentang_teks = _rentang_nilai(c.dari, c.sampai, places)
            if c.bawah is not None and c.atas is not None:
                at = c.bawah
                pesan = _(
                    "{nilai} {rentang} tidak masuk pita mana pun: ada celah antara pita "
                    "'{bawah}' dan pita '{atas}', kategorinya akan dicetak '–'; sambungkan "
                    "batasnya, atau hapus batas_atas pita '{bawah}' (pita tanpa batas_atas "
                    "sampai ke batas bawah pita di atasnya)"
                ).format(
                    nilai=yang_dinilai,
                    rentang=rentang_teks,
                    bawah=bands[c.bawah].kategori,
                    atas=bands[c.atas].kategori,
                )
            elif c.bawah is not None:
                at = c.bawah
                pesan = _(
                    "{nilai} {rentang} tidak masuk pita mana pun: tidak ada pita di atas pita "
                    "'{bawah}', kategorinya akan dicetak '–'; hapus batas_atas pita itu bila "
                    "{nilai} di atasnya juga '{bawah}', atau tambahkan pita"
                ).format(nilai=yang_dinilai, rentang=rentang_teks, bawah=bands[c.bawah].kategori)
            elif c.atas is not None:
                at = c.atas
                pesan = _(
                    "{nilai} {rentang} tidak masuk pita mana pun: tidak ada pita di bawah pita "
                    "'{atas}', kategorinya akan dicetak '–'; hapus batas_bawah pita itu bila "
                    "{nilai} di bawahnya juga '{atas}', atau tambahkan pita"
                ).format(nilai=yang_dinilai, rentang=rentang_teks, atas=bands[c.atas].kategori)
            else:  # no band holds a value from 0 up at all
                yield Diagnostic.make(
                    src.locate(jalur),
                    "K015",
                    _("{nilai} {rentang} tidak masuk pita mana pun").format(
                        nilai=yang_dinilai, rentang=rentang_teks
                    ),
                )
                continue
            yield Diagnostic.make(src.locate((*jalur, at)), "K015", pesan)


def _dana(
    src: SourceMap, path: YamlPath, daftar: list[SumberDana], pagu_: int | None, places: int
) -> Iterator[Diagnostic]:
    """K023 for one budget line: its sumber dana against its pagu."""
    if not daftar or not pagu_:
        return
    rupiah = [d.jumlah for d in daftar if d.jumlah is not None]
    persen = [d.persen for d in daftar if d.persen is not None]
    tanpa = len(daftar) - len(rupiah) - len(persen)
    where = src.locate(path, key=True)
    bagian = [persen_dari(j, pagu_) for j in rupiah] + persen
    total = sum(bagian, Decimal(0))
    shown = bulat(total, places)
    if tanpa:
        # An entry without a figure is the remainder: only the others exceeding is wrong.
        if shown > 100:
            yield Diagnostic.make(
                where,
                "K023",
                _(
                    "sumber dana yang berangka sudah {persen} % dari pagu Rp {pagu}, lebih "
                    "dari 100 %; perbaiki jumlah atau persennya"
                ).format(persen=angka(shown), pagu=angka(pagu_)),
            )
        return
    if not persen:
        jumlah = sum(j for j in rupiah if j is not None)
        if jumlah == pagu_:
            return
        # The shares of two or more amounts, then their sum; one amount: its share alone.
        rincian = " + ".join(f"{angka(bulat(b, places))} %" for b in bagian) + " = "
        if len(bagian) == 1:
            rincian = ""
        yield Diagnostic.make(
            where,
            "K023",
            _(
                "sumber dana berjumlah Rp {jumlah} ({rincian}{persen} % dari pagu), "
                "tidak sama dengan pagu Rp {pagu} (selisih Rp {selisih}); samakan jumlahnya "
                "dengan pagu"
            ).format(
                jumlah=angka(jumlah),
                rincian=rincian,
                persen=angka(shown),
                pagu=angka(pagu_),
                selisih=angka(abs(pagu_ - jumlah)),
            ),
        )
        return
    if shown != 100:
        yield Diagnostic.make(
            where,
            "K023",
            _(
                "sumber dana berjumlah {persen} % dari pagu Rp {pagu}, bukan 100 %; samakan "
                "jumlahnya dengan pagu"
            ).format(persen=angka(shown), pagu=angka(pagu_)),
        )


def sumber_dana(dinas: Dinas) -> Iterator[Diagnostic]:
    """K023: sumber dana that do not add up to the pagu they fund — of the whole budget,
    a program, a kegiatan or a sub kegiatan.  Amounts in rupiah add up to the pagu
    exactly; percentages (and amounts as their share of the pagu) to 100 at the dinas's
    precision (``profil.desimal``: 33,333 % three times is 100,00).  An entry without a
    figure takes the remainder: then only the others going above the pagu is wrong.
    A PK prints each share: a slip here prints 63,49 % + 31,75 %."""
    places = dinas.identitas.model.profil.desimal
    for _year, t in sorted(dinas.tahun.items()):
        if t.anggaran is None:
            continue
        src, model = t.anggaran.source, t.anggaran.model
        if model.program:
            per_program = [pagu(p) for p in model.program]
            total = None if None in per_program else sum(v for v in per_program if v)
        else:
            total = model.total.pagu if model.total else None
        yield from _dana(src, ("sumber_dana",), list(model.sumber_dana), total, places)
        for path, unit in model.semua_unit():
            yield from _dana(
                src, (*path, "sumber_dana"), list(unit.sumber_dana), pagu(unit), places
            )


def pagu_indikatif(dinas: Dinas) -> Iterator[Diagnostic]:
    """K025: a year whose E.81 can be made (programs in anggaran.yaml and a quarter
    reported) with a program or kegiatan that has a pagu this year and no complete
    pagu indikatif in renstra.yaml: its rupiah column (5), and so (14), cannot be known.
    At the Renstra program or kegiatan whose ``pagu`` misses years; at the year's
    program that renstra.yaml does not list (or at renstra.yaml, when it has no
    ``program:`` at all).  A kegiatan its Renstra program does not list gets none: its
    E.81 row says why it is not graded (a Renstra often lists programs only)."""
    renstra = dinas.renstra.model
    src_r = dinas.renstra.source
    years = renstra.periode.tahun
    kurang: dict[YamlPath, tuple[str, tuple[int, ...], list[int]]] = {}
    tanpa_program: list[int] = []
    for year, t in sorted(dinas.tahun.items()):
        if not t.program() or dinas.bulan_terakhir(year) < 3 or t.anggaran is None:
            continue
        if not renstra.program:
            tanpa_program.append(year)
            continue
        src = t.anggaran.source
        for i, p in enumerate(t.anggaran.model.program):
            units: list[tuple[YamlPath, Unit, KegiatanRenstra | None, YamlPath | None]] = []
            r = cocok(renstra.program, p.kode, p.uraian)
            ri = next((n for n, x in enumerate(renstra.program) if x is r), None)
            units.append((("program", i), p, r, ("program", ri) if ri is not None else None))
            for j, k in enumerate(p.kegiatan):
                rk = cocok(r.kegiatan, k.kode, k.uraian) if isinstance(r, ProgramRenstra) else None
                path_rk: YamlPath | None = None
                if rk is not None and ri is not None and isinstance(r, ProgramRenstra):
                    ki = next(n for n, x in enumerate(r.kegiatan) if x is rk)
                    path_rk = ("program", ri, "kegiatan", ki)
                units.append((("program", i, "kegiatan", j), k, rk, path_rk))
            for path, unit, found, path_r in units:
                if pagu(unit) is None or (found is None and path[2:3] == ("kegiatan",)):
                    continue  # no rupiah this year; a kegiatan outside the Renstra
                if found is None or path_r is None:
                    yield Diagnostic.make(
                        src.locate((*path, "uraian")),
                        "K025",
                        _(
                            "'{uraian}' tidak ada di renstra.yaml program: E.81 {tahun} tidak "
                            "dapat menilai anggarannya (kolom 5 dan 14 Rp); tambahkan program "
                            "ini (kode atau uraian yang sama) dengan pagu indikatif tiap tahun "
                            "{mulai}-{akhir}"
                        ).format(
                            uraian=unit.uraian[:60],
                            tahun=year,
                            mulai=renstra.periode.mulai,
                            akhir=renstra.periode.akhir,
                        ),
                    )
                    continue
                hilang = tuple(y for y in years if y not in found.pagu)
                if hilang:
                    kurang.setdefault(path_r, (found.uraian, hilang, []))[2].append(year)
    if tanpa_program:
        yield Diagnostic.make(
            src_r.locate(("periode",), key=True),
            "K025",
            _(
                "renstra.yaml tidak memuat 'program': E.81 {tahun} tidak dapat menilai "
                "anggaran program dan kegiatannya (kolom 5 dan 14 Rp); tulis program Renstra "
                "dengan pagu indikatif tiap tahun {mulai}-{akhir}"
            ).format(
                tahun=", ".join(str(y) for y in tanpa_program),
                mulai=renstra.periode.mulai,
                akhir=renstra.periode.akhir,
            ),
        )
    for path_r, (uraian, hilang, dipakai) in sorted(kurang.items(), key=lambda x: str(x[0])):
        where = (*path_r, "pagu") if (*path_r, "pagu") in src_r.keys else (*path_r, "uraian")
        yield Diagnostic.make(
            src_r.locate(where, key=True),
            "K025",
            _(
                "pagu indikatif '{uraian}' tahun {hilang} belum diisi: E.81 {tahun} tidak "
                "dapat menilai anggarannya (kolom 5 dan 14 Rp)"
            ).format(
                uraian=uraian[:60],
                hilang=daftar_tahun(hilang, _("dan")),
                tahun=", ".join(str(y) for y in dipakai),
            ),
        )


RULES: list[Rule] = [
    target_pk,
    sasaran_tanpa_indikator,
    indikator_tanpa_target,
    _pagu_pk,
    anggaran,
    rencana_aksi,
    angka_wajar,
    capaian_tercetak,
    realisasi_indikator_periode,
    realisasi_dari_tabel,
    tanggal_dokumen,
    periksa_skala,
    realisasi_periode_kosong,
    sumber_dana,
    isian_contoh,
    pagu_indikatif,
]


def periksa_konsistensi(dinas: Dinas) -> list[Diagnostic]:
    out: list[Diagnostic] = []
    for rule in RULES:
        out.extend(rule(dinas))
    return out
