"""K013 for the figures a planner recorded as printed (``tercetak:``, see
:mod:`sakipgen.model.tercetak`): each compared with the computed figure at the
printed precision.

A printed 85,6 is compared with the computed figure rounded to one decimal, from the
unrounded value (never by rounding an already rounded 85,58 again): serapan and
efisiensi from pagu and realisasi, a mean from the capaian it averages, an indikator's
capaian (against the year's target or the Renstra target akhir) from its target and
realisasi.  Rupiah are compared exactly.

A printed kategori is compared with the band the computed capaian falls in: the band's
name (case and spacing aside) or its abbreviation, the first letter of each word
("ST" for Sangat Tinggi).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from decimal import Decimal

from sakipgen.calc.bulat import bulat_seperti, persen
from sakipgen.calc.capaian import CapaianError, hitung
from sakipgen.calc.kategori import pita
from sakipgen.calc.tabel import hitung_tabel
from sakipgen.diagnostics import Diagnostic
from sakipgen.format import angka, nilai, tempat_desimal
from sakipgen.i18n import _
from sakipgen.model.dinas import Profil
from sakipgen.model.folder import Dinas
from sakipgen.model.hasil import HasilAnggaran, HasilIndikator, HasilTahun, Pos
from sakipgen.model.nilai import Nilai
from sakipgen.model.sumber import SourceMap, YamlPath
from sakipgen.model.tercetak import TercetakAnggaran, TercetakIndikator


def _beda(
    src: SourceMap,
    path: YamlPath,
    apa: str,
    tercetak: Decimal | int | None,
    mentah: Decimal | None,
    dasar: str = "",
) -> Iterator[Diagnostic]:
    """K013 when ``tercetak`` differs from ``mentah`` (the unrounded computed figure)
    rounded to the printed number of decimals; ``dasar`` says what it was computed from."""
    if tercetak is None or mentah is None:
        return
    printed = Decimal(tercetak)
    hitung = bulat_seperti(mentah, printed)
    if hitung != printed:
        pesan = _("{apa} tercetak {tercetak} berbeda dengan hasil hitung {hitung}").format(
            apa=apa, tercetak=angka(printed), hitung=angka(hitung)
        )
        yield Diagnostic.make(src.locate(path), "K013", f"{pesan} ({dasar})" if dasar else pesan)


def _nama_kategori(teks: str) -> str:
    return " ".join(teks.split()).casefold()


def _singkatan(kategori: str) -> str:
    """``Sangat Tinggi`` → ``st``: the first letter of each word."""
    return "".join(w[0] for w in kategori.split()).casefold()


def _kategori_sama(tercetak: str, kategori: str) -> bool:
    """Whether a printed kategori names ``kategori``: its name, or its abbreviation
    (``ST``, ``S.T.``)."""
    t = _nama_kategori(tercetak)
    return t == _nama_kategori(kategori) or t.replace(".", "").replace(" ", "") == _singkatan(
        kategori
    )


def _beda_kategori(
    src: SourceMap,
    path: YamlPath,
    apa: str,
    tercetak: str | None,
    hitung_: str | None,
    capaian: Decimal | None,
    skala: Sequence[str],
) -> Iterator[Diagnostic]:
    """K013 when a printed kategori is not the band ``capaian`` (computed) falls in,
    ``hitung_``; ``skala`` names the scale's bands, for the message."""
    if tercetak is None or capaian is None:
        return
    if hitung_ is not None and _kategori_sama(tercetak, hitung_):
        return
    if hitung_ is None:
        pesan = _(
            "{apa} tercetak '{tercetak}', tetapi capaian hasil hitung {capaian} tidak masuk "
            "pita mana pun di skala (sakip.yaml profil.skala)"
        ).format(apa=apa, tercetak=tercetak, capaian=angka(capaian))
    elif any(_kategori_sama(tercetak, k) for k in skala):
        pesan = _(
            "{apa} tercetak '{tercetak}' berbeda dengan hasil hitung '{kategori}' (capaian "
            "{capaian})"
        ).format(apa=apa, tercetak=tercetak, kategori=hitung_, capaian=angka(capaian))
    else:
        pesan = _(
            "{apa} tercetak '{tercetak}' bukan nama pita skala dinas ({skala}) atau "
            "singkatannya; hasil hitung '{kategori}' (capaian {capaian})"
        ).format(
            apa=apa,
            tercetak=tercetak,
            skala=", ".join(skala),
            kategori=hitung_,
            capaian=angka(capaian),
        )
    yield Diagnostic.make(src.locate(path), "K013", pesan)


def _rata(values: Sequence[Decimal]) -> Decimal | None:
    return sum(values, Decimal(0)) / len(values) if values else None


def _anggaran(
    src: SourceMap, at: YamlPath, apa: str, t: TercetakAnggaran, pos: Pos
) -> Iterator[Diagnostic]:
    """The printed figures of one budget line (``at``: its ``tercetak`` mapping)."""
    p, r = pos.pagu, pos.realisasi
    yield from _beda(src, (*at, "pagu"), _("pagu {apa}").format(apa=apa), t.pagu, _d(p))
    yield from _beda(
        src, (*at, "realisasi"), _("realisasi {apa}").format(apa=apa), t.realisasi, _d(r)
    )
    if p and r is not None:
        dasar = _("realisasi Rp {realisasi} dari pagu Rp {pagu}").format(
            realisasi=angka(r), pagu=angka(p)
        )
        yield from _beda(
            src,
            (*at, "serapan"),
            _("serapan {apa}").format(apa=apa),
            t.serapan,
            persen(r, p),
            dasar,
        )
        yield from _beda(
            src,
            (*at, "efisiensi_persen"),
            _("efisiensi (%) {apa}").format(apa=apa),
            t.efisiensi_persen,
            persen(p - r, p),
            dasar,
        )
    if p is not None and r is not None:
        yield from _beda(
            src,
            (*at, "efisiensi"),
            _("efisiensi (Rp) {apa}").format(apa=apa),
            t.efisiensi,
            Decimal(p - r),
        )


def _d(value: int | None) -> Decimal | None:
    return None if value is None else Decimal(value)


def _tahun_anggaran(dinas: Dinas, year: int, a: HasilAnggaran) -> Iterator[Diagnostic]:
    berkas = dinas.tahun[year].anggaran
    if berkas is None:
        return
    src, model = berkas.source, berkas.model
    for path, unit in model.semua_unit():
        if unit.tercetak is not None:
            label = unit.id or unit.uraian[:40]
            yield from _anggaran(src, (*path, "tercetak"), label, unit.tercetak, a.pos(unit))
    t = model.tercetak
    if t is None:
        return
    yield from _anggaran(src, ("tercetak",), _("keseluruhan"), t, a.total)
    by_id = {s.sasaran_id: s for s in a.sasaran}
    for sid, ts in t.sasaran.items():
        pos = by_id.get(sid)
        if pos is not None:
            label = _("sasaran {id}").format(id=sid)
            yield from _anggaran(src, ("tercetak", "sasaran", sid), label, ts, pos)


def _seperti(
    target: Nilai | None,
    real: Nilai | None,
    h: HasilIndikator,
    profil: Profil,
    tercetak: Decimal,
) -> Decimal | None:
    """An indikator's capaian of ``real`` against ``target`` at the decimals ``tercetak``
    is printed with; None when it has none."""
    if target is None or real is None:
        return None
    ind = h.indikator
    try:
        return hitung(
            target,
            real,
            ind.polaritas,
            profil,
            ind.metode_negatif,
            desimal=tempat_desimal(Decimal(tercetak)),
        )
    except CapaianError:
        return None


def _indikator(
    src: SourceMap, h: HasilIndikator, t: TercetakIndikator, profil: Profil, skala: list[str]
) -> Iterator[Diagnostic]:
    """The printed figures of one indikator (``indikator.<id>.tercetak``)."""
    ident = h.indikator.id
    at: YamlPath = ("indikator", ident, "tercetak")
    real = h.realisasi
    if t.capaian is not None:
        if h.manual:
            mentah = h.capaian
            dasar = _("capaian diisi manual")
        else:
            mentah = _seperti(h.target, real, h, profil, t.capaian)
            dasar = _("target {target}, realisasi {realisasi}").format(
                target=nilai(h.target), realisasi=nilai(real)
            )
        yield from _beda(
            src,
            (*at, "capaian"),
            _("capaian indikator {id}").format(id=ident),
            t.capaian,
            mentah,
            dasar,
        )
    yield from _beda_kategori(
        src,
        (*at, "kategori"),
        _("kategori indikator {id}").format(id=ident),
        t.kategori,
        h.kategori,
        h.capaian,
        skala,
    )
    akhir = h.indikator.target_akhir
    if akhir is None and (t.capaian_target_akhir is not None or t.kategori_target_akhir):
        kunci = (
            "capaian_target_akhir"
            if t.capaian_target_akhir is not None
            else "kategori_target_akhir"
        )
        yield Diagnostic.make(
            src.locate((*at, kunci)),
            "K013",
            _(
                "capaian indikator {id} terhadap target akhir Renstra tercetak, tetapi "
                "indikator ini tidak punya target_akhir di renstra.yaml; tulis target akhirnya"
            ).format(id=ident),
        )
        return
    if t.capaian_target_akhir is not None:
        yield from _beda(
            src,
            (*at, "capaian_target_akhir"),
            _("capaian indikator {id} terhadap target akhir Renstra").format(id=ident),
            t.capaian_target_akhir,
            _seperti(akhir, real, h, profil, t.capaian_target_akhir),
            _("target akhir {target}, realisasi {realisasi}").format(
                target=nilai(akhir), realisasi=nilai(real)
            ),
        )
    yield from _beda_kategori(
        src,
        (*at, "kategori_target_akhir"),
        _("kategori indikator {id} terhadap target akhir Renstra").format(id=ident),
        t.kategori_target_akhir,
        h.kategori_target_akhir,
        h.capaian_target_akhir,
        skala,
    )


def _tahun_capaian(dinas: Dinas, year: int, h: HasilTahun) -> Iterator[Diagnostic]:
    berkas = dinas.tahun[year].realisasi
    if berkas is None:
        return
    profil = dinas.identitas.model.profil
    skala = [p.kategori for p in pita(profil)]
    src = berkas.source
    for hs in h.sasaran:
        for hi in hs.indikator:
            entry = berkas.model.indikator.get(hi.indikator.id)
            if entry is not None and entry.tercetak is not None:
                yield from _indikator(src, hi, entry.tercetak, profil, skala)
    t = berkas.model.tercetak
    if t is None:
        return
    sasaran_capaian = [s.capaian for s in h.sasaran if s.capaian is not None]
    yield from _beda(
        src, ("tercetak", "capaian"), _("capaian keseluruhan"), t.capaian, _rata(sasaran_capaian)
    )
    yield from _beda_kategori(
        src,
        ("tercetak", "kategori"),
        _("kategori keseluruhan"),
        t.kategori,
        h.kategori,
        h.capaian,
        skala,
    )
    semua = [r.capaian for s in h.sasaran for r in s.indikator if r.capaian is not None]
    yield from _beda(
        src,
        ("tercetak", "rata_rata_indikator"),
        _("rata-rata capaian indikator"),
        t.rata_rata_indikator,
        _rata(semua),
    )
    by_id = {s.sasaran.id: s for s in h.sasaran}
    for sid, ts in t.sasaran.items():
        found = by_id.get(sid)
        if found is None:
            continue
        values = [r.capaian for r in found.indikator if r.capaian is not None]
        at: YamlPath = ("tercetak", "sasaran", sid)
        dasar = _("rata-rata dari {capaian}").format(capaian="; ".join(angka(v) for v in values))
        yield from _beda(
            src,
            (*at, "capaian"),
            _("capaian sasaran {id}").format(id=sid),
            ts.capaian,
            _rata(values),
            dasar,
        )
        yield from _beda(
            src,
            (*at, "jumlah_capaian"),
            _("jumlah capaian sasaran {id}").format(id=sid),
            ts.jumlah_capaian,
            sum(values, Decimal(0)) if values else None,
        )
        yield from _beda_kategori(
            src,
            (*at, "kategori"),
            _("kategori sasaran {id}").format(id=sid),
            ts.kategori,
            found.kategori,
            found.capaian,
            skala,
        )


def _tabel(dinas: Dinas, year: int) -> Iterator[Diagnostic]:
    for name, berkas in sorted(dinas.tahun[year].tabel.items()):
        model = berkas.model
        if model.total is None or not model.total.tercetak:
            continue
        hitung = hitung_tabel(model)
        total = hitung.total or []
        ids = [k.id for k in model.daun()]
        for kolom, printed in model.total.tercetak.items():
            value = total[ids.index(kolom)] if kolom in ids else None
            yield from _beda(
                berkas.source,
                ("total", "tercetak", kolom),
                _("jumlah kolom '{kolom}' tabel {tabel}").format(kolom=kolom, tabel=name),
                printed,
                value if isinstance(value, Decimal) else None,
            )


def periksa_tercetak(dinas: Dinas, hasil: Mapping[int, HasilTahun]) -> list[Diagnostic]:
    """K013 for every recorded printed figure of the years with data."""
    out: list[Diagnostic] = []
    for year in sorted(hasil):
        if year not in dinas.tahun:
            continue
        h = hasil[year]
        out.extend(_tahun_capaian(dinas, year, h))
        if h.anggaran is not None:
            out.extend(_tahun_anggaran(dinas, year, h.anggaran))
        out.extend(_tabel(dinas, year))
    return out
