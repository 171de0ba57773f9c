"""LKjIP (Laporan Kinerja Instansi Pemerintah, PermenPAN-RB 53/2014): the year's
capaian per sasaran and indikator, the budget, and the dinas's analysis.

This module prepares the tables and charts; ``templates/docx/lkjip.xml.j2`` orders
them with the narrative (README "Narrative" lists the file names it uses).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from decimal import Decimal
from typing import Any

from markupsafe import Markup

from sakipgen.format import angka, nilai, rupiah
from sakipgen.i18n import _
from sakipgen.model.hasil import (
    SUMBER_TARGET,
    HasilAnggaran,
    HasilIndikator,
    HasilSasaran,
    HasilTahun,
    Rentang,
)
from sakipgen.pipeline import Bundel
from sakipgen.render import diagram, xml
from sakipgen.render.data import Data
from sakipgen.render.dokumen import ROMAWI, DataKurang, Dokumen, tanggal_dokumen
from sakipgen.render.tabel import Kol, Sel, awal_tabel_tanpa_garis, merge_column
from sakipgen.render.umum import (
    MATA_UANG,
    atasan,
    dengan_catatan_negatif,
    dengan_mata_uang,
    meta,
    pct,
    penandatangan,
    periksa_penandatangan,
    tabel_program,
    tabel_target,
    tempat_tanggal,
)


def _label(ident: str, uraian: str, batas: int = 48) -> str:
    """A legend entry: the indikator's id and its name, shortened."""
    text = f"{ident} {uraian}"
    return text if len(text) <= batas else text[: batas - 1].rstrip() + "…"


def teks_pita(rentang: Sequence[Rentang]) -> list[tuple[str, str]]:
    """Each band of the scale (highest first) as the LKjIP's scale table prints it,
    exactly as configured: its lower bound (``≤``, or ``<`` when not inklusif) and its
    upper bound (written, or the next band's lower bound), each end as it is; a band of
    one value as ``capaian = 100%``."""
    out = []
    for r in rentang:
        lo, hi = r.bawah, r.atas
        lo_op = "≤" if r.bawah_inklusif else "<"
        hi_op = "≤" if r.atas_inklusif else "<"
        if lo is None and hi is None:
            text = "Semua nilai"
        elif hi is None:
            assert lo is not None
            text = f"capaian {'≥' if r.bawah_inklusif else '>'} {angka(lo)}%"
        elif lo is None:
            text = f"capaian {hi_op} {angka(hi)}%"
        elif lo == hi:
            # A band of one value ("= 100 Tercapai"); both ends include it, else the
            # band holds nothing (S004).
            text = f"capaian = {angka(lo)}%"
        else:
            text = f"{angka(lo)}% {lo_op} capaian {hi_op} {angka(hi)}%"
        out.append((text, r.kategori))
    return out


def konteks(bundel: Bundel, tahun: int, doc: Dokumen) -> dict[str, Any]:
    dinas = bundel.dinas
    assert dinas is not None
    hasil = bundel.hasil[tahun]
    # A kategori column beside serapan only for a dinas that judges serapan on a scale.
    kat = dinas.identitas.model.profil.skala_serapan is not None
    t = dinas.tahun.get(tahun)
    if t is None or t.realisasi is None or not hasil.sasaran:
        raise DataKurang(
            _("{tahun}/realisasi.yaml dan target tahun {tahun} diperlukan untuk LKjIP").format(
                tahun=tahun
            )
        )
    if not any(
        h.realisasi is not None and h.realisasi.jenis != "kosong"
        for s in hasil.sasaran
        for h in s.indikator
    ):
        raise DataKurang(
            _(
                "{tahun}/realisasi.yaml belum memuat nilai realisasi "
                "(hanya capaian tercetak atau catatan)"
            ).format(tahun=tahun)
        )
    renstra = dinas.renstra.model
    m = meta(dinas, tahun, "lkjip")
    anggaran = hasil.anggaran
    hasil_pk = bundel.pk.get(tahun)
    pk = hasil_pk.target.dokumen if hasil_pk else None
    programs = t.program()
    akhir = renstra.periode.akhir

    by_id = {s.sasaran.id: s for s in hasil.sasaran}

    tanggal = tanggal_dokumen(dinas, tahun, "lkjip") or date(tahun, 1, 1)

    def berjajar(charts: list[Markup], judul: str) -> Markup:
        """Charts two to a row in a borderless table, then one caption for them all."""
        w = doc.lebar
        half = w // 2
        rows = []
        for i in range(0, len(charts), 2):
            pair = [*charts[i : i + 2], Markup("")][:2]
            tcs = "".join(
                f'<w:tc><w:tcPr><w:tcW w:w="{cw}" w:type="dxa"/></w:tcPr>'
                f"{xml.para(c, style='Gambar')}</w:tc>"
                for cw, c in zip((half, w - half), pair, strict=True)
            )
            rows.append(f"<w:tr><w:trPr><w:cantSplit/></w:trPr>{tcs}</w:tr>")
        table = awal_tabel_tanpa_garis(w, [half, w - half]) + "".join(rows) + "</w:tbl>"
        return Markup(table + str(doc.judul_gambar(judul)))

    def _sasaran(arg: HasilSasaran | Data) -> HasilSasaran:
        """The template iterates ``hasil.sasaran`` as plain data; find the result again."""
        if isinstance(arg, HasilSasaran):
            return arg
        return by_id[str(arg.sasaran.id)]

    tambahan = list(hasil.skala_tambahan)

    def pembanding(rows: Sequence[HasilIndikator]) -> list[tuple[str, str]]:
        """(id, nama) of the other plans that some of ``rows`` has a target of."""
        ada = {p.id for h in rows for p in h.pembanding}
        return [(pid, nama) for pid, nama in hasil.pembanding if pid in ada]

    def kelas(k: str | None, lain: Sequence[str | None]) -> str:
        """A kategori as printed in parentheses: with those of the further scales,
        ``Sangat Baik / Melebihi``."""
        return " / ".join(x or "-" for x in (k, *lain))

    def tabel_skala(nomor: int = 0) -> Markup:
        """The scale table: of ``skala`` (0), else of the ``nomor``-th further scale."""
        bands = bundel.rentang if nomor == 0 else bundel.rentang_tambahan[nomor - 1][1]
        rows: list[list[object]] = [
            [Sel(str(i), align="center"), Sel(text, align="center"), Sel(kategori, align="center")]
            for i, (text, kategori) in enumerate(teks_pita(bands), 1)
        ]
        return doc.tabel(
            [Kol(0.8, "center"), Kol(4.0, "center"), Kol(2.5, "center")],
            [["No.", "Skala Capaian Kinerja", "Kategori"]],
            rows,
            nomor_kolom=False,
        )

    def nama_indikator(k: int, h: HasilIndikator) -> str:
        """The ``k``-th indikator of a sasaran as its tables name it (``1. Persentase
        koperasi sehat (%)``): its satuan in parentheses, unless a currency, which its
        figures carry."""
        satuan = h.indikator.satuan
        unit = f" ({satuan})" if satuan and satuan not in MATA_UANG else ""
        return f"{k + 1}. {h.indikator.uraian}{unit}"

    def sel_capaian(h: HasilIndikator) -> Sel:
        """An indikator's capaian cell; ``*`` when it was entered by hand."""
        return Sel(pct(h.capaian) + (" *" if h.manual else ""), align="center")

    def tabel_sasaran(arg: HasilSasaran | Data) -> Callable[[], Markup]:
        s = _sasaran(arg)

        def build() -> Markup:
            rows: list[list[object]] = []
            for k, h in enumerate(s.indikator):
                satuan = h.indikator.satuan
                rows.append(
                    [
                        s.sasaran.uraian if k == 0 else Sel("", vmerge="continue"),
                        nama_indikator(k, h),
                        Sel(dengan_mata_uang(nilai(h.target), satuan), align="center"),
                        Sel(dengan_mata_uang(nilai(h.realisasi), satuan), align="center"),
                        sel_capaian(h),
                        Sel(pct(h.capaian_tahun_lalu), align="center"),
                        Sel(pct(h.capaian_target_akhir), align="center"),
                        Sel(h.kategori or "-", align="center"),
                        *[Sel(x or "-", align="center") for x in h.kategori_tambahan],
                    ]
                )
            merge_column(rows, 0, [len(rows) if i == 0 else 0 for i in range(len(rows))])
            rows.append(
                [
                    Sel("Rata-rata capaian sasaran", span=4, bold=True, align="right"),
                    Sel(pct(s.capaian), bold=True, align="center"),
                    Sel(pct(s.capaian_tahun_lalu), bold=True, align="center"),
                    Sel(""),
                    Sel(s.kategori or "-", bold=True, align="center"),
                    *[Sel(x or "-", bold=True, align="center") for x in s.kategori_tambahan],
                ]
            )
            table = doc.tabel(
                [
                    Kol(2.3),
                    Kol(3.0),
                    Kol(1.6, "center"),
                    Kol(1.6, "center"),
                    Kol(1.5, "center"),
                    Kol(1.5, "center"),
                    Kol(1.7, "center"),
                    Kol(1.5, "center"),
                    *[Kol(1.5, "center") for _n in tambahan],
                ],
                [
                    [
                        "Sasaran Strategis",
                        "Indikator Kinerja",
                        "Target",
                        "Realisasi",
                        "Capaian (%)",
                        f"Capaian Tahun {tahun - 1} (%)",
                        f"Capaian terhadap Target Akhir Renstra ({akhir}) (%)",
                        "Kategori",
                        *tambahan,
                    ]
                ],
                rows,
                kecil=True,
            )
            # How a negative indikator's capaian (and its capaian against the target
            # akhir) was computed: its own metode_negatif, else the dinas's.
            return dengan_catatan_negatif(doc, dinas, table, (h.indikator for h in s.indikator))

        return build

    def pembanding_sasaran(arg: HasilSasaran | Data) -> list[str]:
        """The names of the other plans some indikator of the sasaran has a target of
        this year: the columns of its comparison table (none: no table)."""
        return [nama for _pid, nama in pembanding(_sasaran(arg).indikator)]

    def tabel_pembanding(arg: HasilSasaran | Data) -> Callable[[], Markup]:
        """The sasaran's indikator against the other plans' targets of the year (RPJMD,
        the province's, the nation's): the realisasi, then for the target measured and
        for each plan its target and the capaian against it.  A comparison: no mean
        row, nothing of it enters the sasaran's capaian."""
        s = _sasaran(arg)

        def build() -> Markup:
            banding = pembanding(s.indikator)
            if not banding:
                return Markup("")
            rows: list[list[object]] = []
            for k, h in enumerate(s.indikator):
                satuan = h.indikator.satuan
                milik = {p.id: p for p in h.pembanding}
                row: list[object] = [
                    nama_indikator(k, h),
                    Sel(dengan_mata_uang(nilai(h.realisasi), satuan), align="center"),
                    Sel(dengan_mata_uang(nilai(h.target), satuan), align="center"),
                    sel_capaian(h),
                ]
                for pid, _nama in banding:
                    pb = milik.get(pid)
                    row += [
                        Sel(
                            dengan_mata_uang(nilai(pb.target), satuan) if pb else "-",
                            align="center",
                        ),
                        Sel(pct(pb.capaian) if pb else "-", align="center"),
                    ]
                rows.append(row)
            cont = Sel("", vmerge="continue")
            sumber = SUMBER_TARGET.get(hasil.sumber_target or "", "Target")
            return doc.tabel(
                [Kol(3.6), Kol(1.6, "center"), *[Kol(1.5, "center")] * (2 + 2 * len(banding))],
                [
                    [
                        Sel("Indikator Kinerja", vmerge="restart"),
                        Sel("Realisasi", vmerge="restart"),
                        Sel(sumber, span=2),
                        *[Sel(nama, span=2) for _pid, nama in banding],
                    ],
                    [cont, cont, *["Target", "Capaian (%)"] * (1 + len(banding))],
                ],
                rows,
                kecil=True,
            )

        return build

    def grafik_sasaran(arg: HasilSasaran | Data) -> Callable[[], Markup]:
        """Target and realisasi of each numeric indikator of the sasaran, a native
        column chart each (its own unit on its axis), two to a row."""
        s = _sasaran(arg)

        def build() -> Markup:
            charts = []
            for h in s.indikator:
                t, r = h.target, h.realisasi
                if not (t.jenis == "angka" and t.angka is not None):
                    continue
                if r is None or r.jenis != "angka" or r.angka is None:
                    continue
                g = diagram.batang(
                    h.indikator.uraian,
                    [str(tahun)],
                    [("Target", [t.angka]), ("Realisasi", [r.angka])],
                    satuan=h.indikator.satuan,
                    font=doc.paket.font,
                    tanggal=tanggal,
                )
                charts.append(doc.diagram(g, 7.4, 6.0, f"target-realisasi-{h.indikator.id}"))
            if not charts:
                return Markup("")
            return berjajar(
                charts, f"Target dan Realisasi Indikator Sasaran {s.sasaran.id} Tahun {tahun}"
            )

        return build

    years = list(renstra.periode.tahun)
    per_year: dict[int, HasilTahun] = {}
    for y in years:
        if y == tahun:
            per_year[y] = hasil
        elif y < tahun and y in dinas.tahun and dinas.tahun[y].realisasi is not None:
            per_year[y] = bundel.hasil[y]
    capaian_per_tahun: dict[int, dict[str, Decimal | None]] = {
        y: {
            hh.indikator.id: hh.capaian
            for ss in (per_year[y].sasaran if y in per_year else [])
            for hh in ss.indikator
        }
        for y in years
    }

    def grafik_tren(arg: HasilSasaran | Data) -> Callable[[], Markup]:
        """Capaian (%) of the sasaran's indikator over the Renstra years that have
        one: a native line chart, drawn only when two or more years do."""
        s = _sasaran(arg)

        def build() -> Markup:
            ids = [h.indikator.id for h in s.indikator]
            with_data = [
                y for y in years if any(capaian_per_tahun[y].get(i) is not None for i in ids)
            ]
            if len(with_data) < 2:
                return Markup("")
            series = [
                (
                    _label(h.indikator.id, h.indikator.uraian),
                    [capaian_per_tahun[y].get(h.indikator.id) for y in with_data],
                )
                for h in s.indikator
            ]
            g = diagram.garis(
                f"Capaian Indikator Sasaran {s.sasaran.id}",
                [str(y) for y in with_data],
                series,
                satuan="%",
                font=doc.paket.font,
                tanggal=tanggal,
            )
            chart = doc.diagram(g, 15.0, 7.0, f"tren-{s.sasaran.id}")
            span = f"{with_data[0]}-{with_data[-1]}"
            return Markup(
                str(xml.para(chart, style="Gambar"))
                + str(
                    doc.judul_gambar(f"Tren Capaian Indikator Sasaran {s.sasaran.id} Tahun {span}")
                )
            )

        return build

    def tabel_kegiatan(arg: HasilSasaran | Data) -> Callable[[], Markup]:
        s = _sasaran(arg)
        """PROGRAM | KEGIATAN | SUB KEGIATAN of the programs serving this sasaran."""

        def build() -> Markup:
            rows: list[list[object]] = []
            # A program whose every kegiatan serves another sasaran is not listed here.
            serving = [
                p
                for p in programs
                if s.sasaran.id in p.melayani and (p.kegiatan_untuk(s.sasaran.id) or not p.kegiatan)
            ]
            if not serving:
                return Markup("")
            for n, p in enumerate(serving, 1):
                # Only the kegiatan serving this sasaran (a program may serve several
                # through different kegiatan).
                bagian = p.kegiatan_untuk(s.sasaran.id)
                keg = "\n".join(
                    f"{i}. {k.uraian}" if len(bagian) > 1 else k.uraian
                    for i, (k, _subs) in enumerate(bagian, 1)
                )
                subs = [sk.uraian for _k, sks in bagian for sk in sks]
                sub = "\n".join(f"{i}. {x}" if len(subs) > 1 else x for i, x in enumerate(subs, 1))
                rows.append([f"{n}. {p.uraian}", keg or "-", sub or "-"])
            return doc.tabel(
                [Kol(3.0), Kol(4.0), Kol(4.5)],
                [["Program", "Kegiatan", "Sub Kegiatan"]],
                rows,
                nomor_kolom=False,
                kecil=True,
            )

        return build

    def tabel_iku() -> Markup:
        rows: list[list[object]] = []
        group: list[int] = []
        for n, s in enumerate(renstra.sasaran, 1):
            inds = [i for i in s.indikator if i.iku]
            for k, i in enumerate(inds):
                unit = f" ({i.satuan})" if i.satuan else ""
                rows.append([Sel(f"{n}.", align="center"), s.uraian, f"{k + 1}. {i.uraian}{unit}"])
                group.append(len(inds) if k == 0 else 0)
        merge_column(rows, 0, group)
        merge_column(rows, 1, group)
        return doc.tabel(
            [Kol(0.7, "center"), Kol(4.5), Kol(5.5)],
            [["No.", "Sasaran Strategis", "Indikator Kinerja Utama"]],
            rows,
        )

    def tabel_anggaran(a: HasilAnggaran) -> Callable[[], Markup]:
        names = {s.id: s.uraian for s in renstra.sasaran}

        def build() -> Markup:
            rows: list[list[object]] = []
            group: list[int] = []
            for n, pos in enumerate(a.sasaran, 1):
                label = f"{n}. {names.get(pos.sasaran_id or '', 'Program tanpa sasaran')}"
                for k, pp in enumerate(pos.program):
                    rows.append(
                        [
                            label if k == 0 else Sel("", vmerge="continue"),
                            pp.program.uraian,
                            Sel(rupiah(pp.pagu, ""), align="right"),
                            Sel(rupiah(pp.realisasi, ""), align="right"),
                            Sel(pct(pp.serapan), align="right"),
                            *([Sel(pp.kategori_serapan or "-")] if kat else []),
                        ]
                    )
                    group.append(len(pos.program) if k == 0 else 0)
            merge_column(rows, 0, group)
            footer: list[list[object]] = [
                [
                    Sel("JUMLAH", span=2, bold=True, align="center"),
                    Sel(rupiah(a.total.pagu, ""), bold=True, align="right"),
                    Sel(rupiah(a.total.realisasi, ""), bold=True, align="right"),
                    Sel(pct(a.total.serapan), bold=True, align="right"),
                    *([Sel(a.total.kategori_serapan or "-", bold=True)] if kat else []),
                ]
            ]
            return Markup(
                str(
                    doc.judul_tabel(
                        f"Realisasi Anggaran Kinerja {dinas.nama} {dinas.identitas.model.pemda} Tahun {tahun}"
                    )
                )
                + str(
                    doc.tabel(
                        [
                            Kol(3.2),
                            Kol(3.6),
                            Kol(1.9, "right"),
                            Kol(1.9, "right"),
                            Kol(1.0, "right"),
                            *([Kol(2.2)] if kat else []),
                        ],
                        [
                            [
                                "Sasaran",
                                "Program",
                                "Pagu (Rp)",
                                "Realisasi (Rp)",
                                "%",
                                *(["Kategori"] if kat else []),
                            ]
                        ],
                        rows,
                        footer=footer,
                        kecil=True,
                    )
                )
            )

        return build

    def tabel_efisiensi(a: HasilAnggaran) -> Markup:
        by_id = {s.sasaran.id: s for s in hasil.sasaran}
        rows: list[list[object]] = []
        for n, pos in enumerate(a.sasaran, 1):
            s = by_id.get(pos.sasaran_id or "")
            rows.append(
                [
                    Sel(f"{n}.", align="center"),
                    s.sasaran.uraian if s else "Program tanpa sasaran",
                    Sel(pct(s.capaian) if s else "-", align="center"),
                    Sel(pct(pos.serapan), align="center"),
                    *([Sel(pos.kategori_serapan or "-", align="center")] if kat else []),
                    Sel(rupiah(pos.efisiensi, ""), align="right"),
                    Sel(pct(pos.efisiensi_persen), align="center"),
                ]
            )
        footer: list[list[object]] = [
            [
                Sel("JUMLAH / KESELURUHAN", span=2, bold=True, align="center"),
                Sel(pct(hasil.capaian), bold=True, align="center"),
                Sel(pct(a.total.serapan), bold=True, align="center"),
                *([Sel(a.total.kategori_serapan or "-", bold=True, align="center")] if kat else []),
                Sel(rupiah(a.total.efisiensi, ""), bold=True, align="right"),
                Sel(pct(a.efisiensi_persen), bold=True, align="center"),
            ]
        ]
        return Markup(
            str(
                doc.judul_tabel(f"Capaian Kinerja dan Efisiensi Anggaran per Sasaran Tahun {tahun}")
            )
            + str(
                doc.tabel(
                    [
                        Kol(0.7, "center"),
                        Kol(4.2),
                        Kol(1.6, "center"),
                        Kol(1.6, "center"),
                        *([Kol(1.6, "center")] if kat else []),
                        Kol(2.1, "right"),
                        Kol(1.6, "center"),
                    ],
                    [
                        [
                            "No.",
                            "Sasaran",
                            "Capaian Kinerja (%)",
                            "Serapan Anggaran (%)",
                            *(["Kategori Serapan"] if kat else []),
                            "Efisiensi (Rp)",
                            "Efisiensi (%)",
                        ]
                    ],
                    rows,
                    footer=footer,
                    kecil=True,
                )
            )
        )

    def tabel_ringkasan() -> Markup:
        """BAB IV: capaian per indikator with kategori and the sasaran average."""
        rows: list[list[object]] = []
        group: list[int] = []
        for n, s in enumerate(hasil.sasaran, 1):
            for k, h in enumerate(s.indikator):
                unit = f" ({h.indikator.satuan})" if h.indikator.satuan else ""
                rows.append(
                    [
                        Sel(f"{n}.", align="center"),
                        s.sasaran.uraian,
                        f"{h.indikator.uraian}{unit}",
                        Sel(pct(h.capaian), align="center"),
                        Sel(h.kategori or "-", align="center"),
                        *[Sel(x or "-", align="center") for x in h.kategori_tambahan],
                        Sel(
                            f"{pct(s.capaian)}\n({kelas(s.kategori, s.kategori_tambahan)})",
                            align="center",
                        ),
                    ]
                )
                group.append(len(s.indikator) if k == 0 else 0)
        for col in (0, 1, 5 + len(tambahan)):
            merge_column(rows, col, group)
        footer: list[list[object]] = [
            [
                Sel(
                    "Rata-rata capaian seluruh sasaran",
                    span=5 + len(tambahan),
                    bold=True,
                    align="right",
                ),
                Sel(
                    f"{pct(hasil.capaian)}\n({kelas(hasil.kategori, hasil.kategori_tambahan)})",
                    bold=True,
                    align="center",
                ),
            ]
        ]
        return Markup(
            str(doc.judul_tabel(f"Ringkasan Capaian Kinerja Tahun {tahun}"))
            + str(
                doc.tabel(
                    [
                        Kol(0.7, "center"),
                        Kol(3.0),
                        Kol(3.4),
                        Kol(1.6, "center"),
                        Kol(1.6, "center"),
                        *[Kol(1.6, "center") for _n in tambahan],
                        Kol(1.8, "center"),
                    ],
                    [
                        [
                            "No.",
                            "Sasaran Strategis",
                            "Indikator Kinerja",
                            "Capaian Kinerja (%)",
                            "Kategori Capaian",
                            *tambahan,
                            "Rata-rata Capaian Sasaran (%)",
                        ]
                    ],
                    rows,
                    footer=footer,
                    kecil=True,
                )
            )
        )

    def ikhtisar() -> Markup:
        rows: list[list[object]] = [
            [
                "Capaian kinerja keseluruhan (rata-rata sasaran)",
                Sel(
                    f"{pct(hasil.capaian)}% ({kelas(hasil.kategori, hasil.kategori_tambahan)})",
                    align="right",
                ),
            ],
        ]
        for s in hasil.sasaran:
            rows.append(
                [
                    f"Sasaran {s.sasaran.id}: {s.sasaran.uraian}",
                    Sel(
                        f"{pct(s.capaian)}% ({kelas(s.kategori, s.kategori_tambahan)})",
                        align="right",
                    ),
                ]
            )
        if anggaran is not None:
            rows += [
                ["Pagu anggaran", Sel(rupiah(anggaran.total.pagu), align="right")],
                ["Realisasi anggaran", Sel(rupiah(anggaran.total.realisasi), align="right")],
                ["Serapan anggaran", Sel(f"{pct(anggaran.total.serapan)}%", align="right")],
                [
                    "Efisiensi anggaran",
                    Sel(
                        f"{rupiah(anggaran.total.efisiensi)} ({pct(anggaran.efisiensi_persen)}%)",
                        align="right",
                    ),
                ],
            ]
        return doc.tabel(
            [Kol(6.5), Kol(3.5, "right")], [["Uraian", f"Tahun {tahun}"]], rows, nomor_kolom=False
        )

    ident = dinas.identitas.model
    periksa_penandatangan(doc, dinas, m, tahun, "lkjip", pihak_kedua=hasil_pk is not None)
    return {
        "judul": f"Laporan Kinerja Instansi Pemerintah Tahun {tahun}",
        "jenis_dokumen": "lkjip",
        "romawi": ROMAWI,
        "renstra": renstra,
        "pejabat": penandatangan(dinas, m),
        "atasan_pk": atasan(dinas, m),
        "tempat_tanggal": tempat_tanggal(dinas, m, tahun),
        "tempat_tanggal_pk": tempat_tanggal(dinas, meta(dinas, tahun, "pk"), tahun),
        "anggaran": anggaran,
        "pk": pk,
        "ada_program": bool(programs),
        "tabel_skala": tabel_skala,
        "skala_tambahan": tambahan,
        "tabel_sasaran": tabel_sasaran,
        "pembanding_sasaran": pembanding_sasaran,
        "tabel_pembanding": tabel_pembanding,
        "grafik_sasaran": grafik_sasaran,
        "grafik_tren": grafik_tren,
        "tabel_kegiatan": tabel_kegiatan,
        "tabel_iku": tabel_iku,
        "tabel_pk": tabel_target(dinas, doc, pk) if pk is not None else None,
        "tabel_program": (
            tabel_program(doc, programs, hasil_pk.anggaran, anggaran) if hasil_pk else None
        ),
        "tabel_anggaran": tabel_anggaran(anggaran) if anggaran is not None else None,
        "tabel_efisiensi": (lambda: tabel_efisiensi(anggaran))
        if anggaran is not None and anggaran.sasaran
        else None,
        "tabel_ringkasan": tabel_ringkasan,
        "ikhtisar": ikhtisar,
        "ibukota": ident.ibukota or "",
    }
