"""Pieces several documents share: signatories, place and date, sumber dana text,
and the sasaran → indikator → target table."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from decimal import Decimal

from markupsafe import Markup

from sakipgen.format import SPASI, angka, keterangan_dana, nilai, rupiah, tanggal
from sakipgen.i18n import _
from sakipgen.model.anggaran import Program
from sakipgen.model.dinas import Atasan, DokumenBerkala, Pejabat
from sakipgen.model.dinas import Dokumen as DokumenMeta
from sakipgen.model.folder import Dinas
from sakipgen.model.hasil import HasilAnggaran, PaguDokumen, TargetBerlaku
from sakipgen.model.renstra import Indikator
from sakipgen.model.tahun import TargetDokumen
from sakipgen.render.dokumen import Dokumen
from sakipgen.render.tabel import Kol, Sel, merge_column


def meta(dinas: Dinas, tahun: int, jenis: str) -> DokumenMeta:
    return dinas.dokumen(tahun, jenis)


def penandatangan(dinas: Dinas, m: DokumenMeta) -> Pejabat:
    return m.penandatangan or dinas.identitas.model.kepala


def atasan(dinas: Dinas, m: DokumenMeta) -> Atasan:
    return m.atasan or dinas.identitas.model.atasan


def periksa_penandatangan(
    doc: Dokumen, dinas: Dinas, m: DokumenMeta, tahun: int, jenis: str, *, pihak_kedua: bool
) -> None:
    """H004 when the signatory of a document is not known for its year: the kepala of
    sakip.yaml (today's) standing in for an earlier year whose dokumen.yaml names no
    one; or a pihak kedua without a name."""
    ident = dinas.identitas
    terakhir = max(dinas.tahun, default=tahun)
    if m.penandatangan is None and tahun < terakhir:
        doc.peringatan(
            "H004",
            _(
                "{jenis} {tahun}: penanda tangan tahun {tahun} tidak diketahui; kepala di "
                "sakip.yaml ({nama}) dipakai. Tulis 'penandatangan' di bawah '{kunci}' "
                "dalam {tahun}/dokumen.yaml"
            ).format(
                jenis=jenis,
                tahun=tahun,
                nama=ident.model.kepala.nama,
                kunci=jenis.replace("-", "_"),
            ),
            ident.source.locate(("kepala",), key=True),
        )
    kedua = atasan(dinas, m)
    if pihak_kedua and kedua.nama is None:
        doc.peringatan(
            "H004",
            _("{jenis} {tahun}: nama pihak kedua ({jabatan}) belum diisi").format(
                jenis=jenis, tahun=tahun, jabatan=kedua.jabatan
            ),
            ident.source.locate(("atasan",), key=True),
        )


def tempat_tanggal(dinas: Dinas, m: DokumenMeta, tahun: int, pada: date | None = None) -> str:
    """ "Singaraja, 11 Oktober 2021" over a signature; the date left to be written by
    hand (dots) when the data has none.  ``pada``: the date of this one report of a
    periodic document (:func:`tanggal_laporan`)."""
    tempat = m.tempat or dinas.identitas.model.ibukota or ""
    hari = pada or m.tanggal
    when = tanggal(hari) if hari else f"{'.' * 20} {tahun}"
    return f"{tempat}, {when}" if tempat else when


def tanggal_laporan(m: DokumenMeta, triwulan: int | None, bulan: int) -> date | None:
    """The date of the report of a periodic document up to ``bulan`` (its triwulan's,
    or the month's, else the year's ``tanggal``)."""
    if isinstance(m, DokumenBerkala):
        return m.tanggal_laporan(triwulan, bulan)
    return m.tanggal


def judul_pk(berlaku: TargetBerlaku | None, perubahan: bool) -> str:
    """ "Perjanjian Kinerja" or "Perjanjian Kinerja Perubahan": the PK a periodic report
    is on — the one in force at its period's end (``perubahan``: the year has a PK
    Perubahan, for a report without ``berlaku``)."""
    if berlaku is not None:
        perubahan = berlaku.sumber == "pk_perubahan"
    return "Perjanjian Kinerja" + (" Perubahan" if perubahan else "")


DIUKUR = {
    "pk_perubahan": "PK Perubahan",
    "pk": "Perjanjian Kinerja",
    "rkt": "Rencana Kinerja Tahunan",
    "renstra": "target Renstra",
}


def catatan_berlaku(berlaku: TargetBerlaku | None, periode: str, tahun: int) -> str:
    """The sentence a periodic report prints when the year's PK Perubahan is not in
    force at its period's end (empty otherwise): which targets it measures, and why."""
    if berlaku is None or not berlaku.perubahan_menunggu:
        return ""
    diukur = (
        f"{DIUKUR[berlaku.sumber]} Tahun {tahun}"
        if berlaku.sumber in DIUKUR
        else "target lain (target.yaml tidak memuat pk atau rkt, renstra.yaml tidak memuat "
        f"target {tahun})"
    )
    if berlaku.tanggal_perubahan is None:
        return (
            f"PK Perubahan Tahun {tahun} belum bertanggal (dokumen.yaml pk_perubahan."
            f"tanggal) dan dianggap berlaku mulai akhir tahun; sampai {periode} yang diukur "
            f"adalah {diukur}."
        )
    return (
        f"PK Perubahan Tahun {tahun} ditandatangani {tanggal(berlaku.tanggal_perubahan)}, "
        f"sesudah akhir {periode}; yang diukur adalah {diukur}, yang berlaku saat itu."
    )


def tabel_target(
    dinas: Dinas,
    doc: Dokumen,
    target: TargetDokumen,
    *,
    semula: bool = False,
    satuan_kolom: bool = False,
    kecil: bool = False,
) -> Callable[[], Markup]:
    """No | Sasaran Strategis | Indikator Kinerja | (Satuan) | (Target Semula) | Target."""

    def build() -> Markup:
        rows: list[list[object]] = []
        group: list[int] = []
        no = 0
        for sas in dinas.renstra.model.sasaran:
            items = [(i, target.indikator[i.id]) for i in sas.indikator if i.id in target.indikator]
            if not items:
                continue
            no += 1
            for k, (ind, entry) in enumerate(items):
                label = ind.uraian
                row: list[object] = [
                    Sel(f"{no}.", align="center") if k == 0 else Sel("", vmerge="continue"),
                    sas.uraian if k == 0 else Sel("", vmerge="continue"),
                    f"{k + 1}. {label}" if len(items) > 1 else label,
                ]
                if satuan_kolom:
                    row.append(Sel(ind.satuan, align="center"))
                    if semula:
                        row.append(Sel(nilai(entry.semula, satuan=False), align="center"))
                    row.append(Sel(nilai(entry.target, satuan=False), align="center"))
                else:
                    if semula:
                        row.append(Sel(dengan_satuan(entry.semula, ind.satuan), align="center"))
                    row.append(Sel(dengan_satuan(entry.target, ind.satuan), align="center"))
                rows.append(row)
                group.append(len(items) if k == 0 else 0)
        merge_column(rows, 0, group)
        merge_column(rows, 1, group)
        kolom = [Kol(0.7, "center"), Kol(3.4), Kol(4.2)]
        header: list[object] = ["No.", "Sasaran Strategis", "Indikator Kinerja"]
        if satuan_kolom:
            kolom.append(Kol(1.1, "center"))
            header.append("Satuan")
        if semula:
            kolom.append(Kol(1.4, "center"))
            header.append("Target Semula")
        kolom.append(Kol(1.4, "center"))
        header.append("Target Perubahan" if semula else "Target")
        return doc.tabel(kolom, [header], rows, kecil=kecil)

    return build


def dengan_satuan(value: object, satuan: str) -> str:
    from sakipgen.model.nilai import Nilai

    assert value is None or isinstance(value, Nilai)
    text = nilai(value)
    if value is None or value.jenis != "angka" or value.satuan or not satuan:
        return text
    if satuan.lower() in SATUAN_TAK_DICETAK:
        return text
    if satuan in MATA_UANG:
        return dengan_mata_uang(text, satuan)
    return text + ("%" if satuan == "%" else f"{SPASI}{satuan}")


def dengan_mata_uang(text: str, satuan: str) -> str:
    """``US$ 2.942.679`` (a no-break space) when ``satuan`` is a currency, else ``text``."""
    return f"{satuan}{SPASI}{text}" if satuan in MATA_UANG else text


MATA_UANG = ("Rp", "US$", "USD")
SATUAN_TAK_DICETAK = {"nilai", "indeks", "skor", "poin", "angka", "predikat"}
"""Units that name the kind of figure, not a thing counted: "86", not "86 nilai"."""


def pct(value: Decimal | None) -> str:
    return "-" if value is None else angka(value, 2)


RUMUS_NEGATIF = {
    "selisih": "(2 × target − realisasi) / target × 100%",
    "rasio": "target / realisasi × 100%",
}
"""How a document writes each negative-polarity formula (``metode_negatif``)."""


def rumus_negatif(dinas: Dinas, indikator: Iterable[Indikator]) -> str | None:
    """The negative-polarity formula a document's capaian of ``indikator`` were computed
    by, as its note prints it: one formula when they share one (each indikator's own
    ``metode_negatif``, else the dinas's), else each formula with its indikator ids
    (``… untuk IK1.2; target / realisasi × 100% untuk IK2.1``, in the order the
    indikator come).  None without a negative indikator."""
    profil = dinas.identitas.model.profil
    per_metode: dict[str, list[str]] = {}
    for i in indikator:
        if i.polaritas == "negatif":
            per_metode.setdefault(profil.metode_untuk(i.metode_negatif), []).append(i.id)
    if not per_metode:
        return None
    if len(per_metode) == 1:
        return RUMUS_NEGATIF[next(iter(per_metode))]
    return "; ".join(
        f"{RUMUS_NEGATIF[m]} untuk {', '.join(dict.fromkeys(ids))}" for m, ids in per_metode.items()
    )


def dengan_catatan_negatif(
    doc: Dokumen, dinas: Dinas, tabel: Markup, indikator: Iterable[Indikator]
) -> Markup:
    """``tabel``, and under it, when some of ``indikator`` is negative, the note of how
    their capaian were computed (:func:`rumus_negatif`)."""
    rumus = rumus_negatif(dinas, indikator)
    if rumus is None:
        return tabel
    catatan = f"Indikator negatif (makin rendah makin baik): capaian = {rumus}."
    return Markup(str(tabel) + str(doc.p(catatan, style="Catatan")))


def tabel_program(
    doc: Dokumen,
    programs: list[Program],
    pagu: PaguDokumen,
    anggaran: HasilAnggaran | None,
    *,
    kecil: bool = False,
) -> Callable[[], Markup]:
    """No | Program | Anggaran | Keterangan (sumber dana), with the total: the PK's
    program table, with the pagu as the PK signs it (:class:`PaguDokumen`)."""

    def build() -> Markup:
        amounts = [pagu.pagu(p.id) for p in programs]
        dana = any(p.sumber_dana for p in programs)  # no empty Keterangan column
        rows: list[list[object]] = [
            [Sel(f"{i}.", align="center"), p.uraian, Sel(rupiah(a), align="right")]
            + ([keterangan_dana(p, anggaran.bagian_dana(p) if anggaran else ())] if dana else [])
            for i, (p, a) in enumerate(zip(programs, amounts, strict=True), 1)
        ]
        footer: list[list[object]] = [
            [
                Sel("JUMLAH", span=2, bold=True, align="center"),
                Sel(rupiah(pagu.jumlah), bold=True, align="right"),
            ]
            + ([""] if dana else [])
        ]
        kolom = [Kol(0.7, "center"), Kol(4.6), Kol(2.6, "right")] + ([Kol(3.0)] if dana else [])
        header: list[object] = ["No.", "Program", "Anggaran"]
        if dana:
            header.append("Keterangan")
        return doc.tabel(kolom, [header], rows, footer=footer, kecil=kecil)

    return build
