"""Evaluasi terhadap Hasil Renja Perangkat Daerah — the E.81 form of Permendagri
86/2017, landscape: per sasaran, program and kegiatan with their indikator, columns
(1)-(15) as the regulation's annex numbers them (the Keterangan column some
regional versions add is left to the evaluator's pen), each figure column as kinerja (K) and
rupiah (Rp); under it the rata-rata capaian and predikat, the factors and follow-up
(``narasi/e81/triwulan-<n>/…``), and two signatures: the kepala dinas who drew it up
and the Kepala Bappeda who evaluates it.

Twenty-five columns do not fit a page at the usual table font: the table takes the
largest size (7 pt down to 5 pt) at which no number or word breaks, measured like the
rencana aksi's lampiran (:mod:`sakipgen.render.ukur`).  The figures are the
pipeline's (:mod:`sakipgen.calc.e81`).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from markupsafe import Markup

from sakipgen.format import angka, persen
from sakipgen.i18n import _
from sakipgen.model.dinas import Atasan
from sakipgen.model.hasil import BarisE81, HasilE81, KRp
from sakipgen.pipeline import Bundel
from sakipgen.render import ukur
from sakipgen.render.dokumen import DataKurang, Dokumen
from sakipgen.render.paket import Seksi
from sakipgen.render.pemantauan import ROMAWI_TW
from sakipgen.render.rencana_aksi import dengan_margin, nama_dinas_lengkap, paragraf_sel
from sakipgen.render.tabel import Kol, Sel
from sakipgen.render.umum import (
    catatan_berlaku,
    meta,
    penandatangan,
    periksa_penandatangan,
    tanggal_laporan,
    tempat_tanggal,
)

UKURAN = (14, 13, 12, 11, 10)
"""Cell font sizes tried, in half-points: 7 pt down to 5 pt."""
MARGIN = 25
TEKS_MIN = 1300
"""Twips (about 2,3 cm) the sasaran, program and indikator columns should have."""
"""Cell margin (twips each side): the form's columns are many and narrow."""
NARASI = (
    ("pendorong", "Faktor pendorong keberhasilan pencapaian"),
    ("penghambat", "Faktor penghambat pencapaian kinerja"),
    ("tindak-lanjut-triwulan", "Tindak lanjut yang diperlukan dalam triwulan berikutnya"),
    (
        "tindak-lanjut-renja",
        "Tindak lanjut yang diperlukan dalam Renja Perangkat Daerah berikutnya",
    ),
)


def _k(v: Decimal | None) -> str:
    return "-" if v is None else angka(v)


def _rp(v: int | None) -> str:
    return "-" if v is None else angka(v)


def _pasangan(x: KRp, rupiah: bool) -> list[str]:
    return [_k(x.k), _rp(x.rp) if rupiah else ""]


def _isi(b: BarisE81, nomor: str) -> list[str]:
    """The 25 cells of one row, columns (1)-(15)."""
    rp = b.pertama
    cells = [nomor, b.uraian if b.tingkat == "sasaran" else "", "", b.indikator]
    if b.tingkat != "sasaran":
        # A program listed again under a further sasaran it serves says where it counts.
        cells[2] = f"{b.uraian} (dihitung di {b.ulang})" if b.ulang and b.pertama else b.uraian
    if b.satuan and b.satuan != "%":
        cells[3] = f"{b.indikator} ({b.satuan})"
    elif b.satuan == "%":
        cells[3] = f"{b.indikator} (%)"
    for x in (b.target_renstra, b.realisasi_lalu, b.target_tahun, *b.triwulan):
        cells += _pasangan(x, rp)
    cells += _pasangan(b.realisasi_tahun, rp) + _pasangan(b.realisasi_renstra, rp)
    cells += ["-" if b.capaian_k is None else persen(b.capaian_k)]
    cells += ["" if not rp else ("-" if b.capaian_rp is None else persen(b.capaian_rp))]
    cells.append(b.unit)
    return cells


def _judul(tahun: int, akhir: int) -> list[tuple[str, str]]:
    """(number, title) of the pairs (5)-(7) and (12)-(14)."""
    return [
        ("5", f"Target Renstra PD pada Tahun {akhir} (Akhir Periode Renstra PD)"),
        ("6", f"Realisasi Capaian Kinerja Renstra PD s.d. Renja PD Tahun Lalu ({tahun - 1})"),
        ("7", f"Target Kinerja dan Anggaran Renja PD Tahun Berjalan ({tahun}) yang Dievaluasi"),
        ("12", "Realisasi Capaian Kinerja dan Anggaran Renja PD yang Dievaluasi"),
        ("13", f"Realisasi Kinerja dan Anggaran Renstra PD s.d. Tahun {tahun}"),
        ("14", f"Tingkat Capaian Kinerja dan Realisasi Anggaran Renstra PD s.d. Tahun {tahun} (%)"),
    ]


JENIS = ["no", "teks", "teks", "teks", *(["k", "rp"] * 10), "teks"]
BOBOT = {1: 1.0, 2: 1.1, 3: 1.3, 24: 0.8}


def _tata(
    kepala: list[str], bersama: list[tuple[str, int]], body: list[list[str]], lebar: int
) -> tuple[int, list[int]]:
    """The largest size at which every number and word fits, and the column widths.
    ``bersama``: per column, the header spanning it and how many columns share it (a
    word of "Target Renstra PD …" must fit the two columns under it)."""
    pad = 2 * MARGIN + 24
    for size in UKURAN:
        need = []
        for i, jenis in enumerate(JENIS):
            cells = [r[i] for r in body]
            judul, n = bersama[i]
            word = max(
                # sasaran and program names are set bold
                ukur.kata_terlebar(cells, setengah_pt=size, tebal=i in (1, 2)),
                ukur.kata_terlebar([kepala[i]], setengah_pt=size, tebal=True),
                (ukur.kata_terlebar([judul], setengah_pt=size, tebal=True) + pad) // n - pad,
                ukur.lebar("100,00", setengah_pt=size),
            )
            if jenis == "teks":
                full = (
                    max(
                        (ukur.lebar(t, setengah_pt=size, tebal=i in (1, 2)) for t in cells),
                        default=0,
                    )
                    + pad
                )
                need.append(ukur.Kebutuhan(word + pad, full, bobot=BOBOT.get(i, 1.0), penuh=True))
            else:
                need.append(ukur.Kebutuhan(word + pad, word + pad))
        if sum(n.minimum for n in need) > lebar and size != UKURAN[-1]:
            continue
        widths = ukur.bagi(need, lebar)
        # Sasaran, program and indikator need room to read, not only their longest word:
        # a smaller size is tried while any of them is narrower than about 2,3 cm.
        if min(widths[1:4]) >= TEKS_MIN or size == UKURAN[-1]:
            return size, widths
    raise AssertionError("unreachable")  # pragma: no cover


def _tabel(doc: Dokumen, h: HasilE81, akhir: int) -> Markup:
    tahun = h.tahun
    judul = _judul(tahun, akhir)
    rows = list(h.baris)
    body = [_isi(b, b.nomor) for b in rows]
    # The words each header cell must fit (the pair titles span two columns: half each).
    kepala = ["No", "Sasaran", "Program/ Kegiatan", "Indikator Kinerja Program (outcome)/",
              *(["K", "Rp"] * 10), "Unit PD Penanggung Jawab"]  # fmt: skip
    judul_pasangan = [
        *(t for _n, t in judul[:3]),
        *(f"Realisasi Kinerja pada Triwulan {q}" for q in ROMAWI_TW),
        *(t for _n, t in judul[3:]),
    ]
    bersama = [("", 1)] * 4 + [(t, 2) for t in judul_pasangan for _ in range(2)]
    bersama += [("", 1)]
    size, widths = _tata(kepala, bersama, body, doc.lebar)

    def p(text: str, align: str = "center", tebal: bool = False) -> Markup:
        return paragraf_sel(text, size, align=align, tebal=tebal)

    def h_(text: str, **kw: Any) -> Sel:
        return Sel(p(text, tebal=True), **kw)

    kosong = p("")
    # Two header rows: the titles (a pair's over its K and Rp), then K / Rp.  (A third
    # row for "Realisasi Kinerja pada Triwulan" over I-IV would need the pair titles
    # merged down two rows, which LibreOffice clips where the header repeats.)
    r1: list[object] = [
        h_("No", vmerge="restart"),
        h_("Sasaran", vmerge="restart"),
        h_("Program/ Kegiatan", vmerge="restart"),
        h_("Indikator Kinerja Program (outcome)/ Kegiatan (output)", vmerge="restart"),
    ]
    r2: list[object] = [Sel(kosong, vmerge="continue") for _ in range(4)]
    for t in judul_pasangan:
        r1.append(h_(t, span=2))
        r2 += [h_("K"), h_("Rp")]
    r1.append(h_("Unit PD Penanggung Jawab", vmerge="restart"))
    r2.append(Sel(kosong, vmerge="continue"))
    angka_kolom: list[object] = [Sel(p(str(i))) for i in range(1, 5)]
    angka_kolom += [Sel(p(str(i)), span=2) for i in range(5, 15)]
    angka_kolom.append(Sel(p("15")))

    align = ["center", "left", "left", "left", *(["center", "right"] * 10), "left"]
    isi: list[list[object]] = []
    for b, cells in zip(rows, body, strict=True):
        tebal = b.tingkat != "kegiatan" and b.pertama
        isi.append(
            [
                Sel(p(c, align=a, tebal=tebal and i in (1, 2)))
                for i, (c, a) in enumerate(zip(cells, align, strict=True))
            ]
        )
    tabel = doc.tabel(
        [Kol(w, a) for w, a in zip(widths, align, strict=True)],
        [r1, r2, angka_kolom],
        isi,
        nomor_kolom=False,
        kecil=True,
        terukur=True,
    )
    return dengan_margin(tabel, MARGIN)


def _tidak_dinilai(h: HasilE81) -> list[str]:
    """The notes under the form: which rows column (14) does not grade and why, how
    many the means are taken over, and where a program listed twice counts."""
    out = [
        "Kolom (14) tanpa angka tidak dinilai: angka yang diperlukannya belum diketahui "
        "(tahun yang belum diketahui tidak dianggap 0). Rata-rata capaian dan predikat "
        f"dihitung dari baris yang dinilai saja: kinerja {h.dinilai_k[0]} dari "
        f"{h.dinilai_k[1]} baris, anggaran {h.dinilai_rp[0]} dari {h.dinilai_rp[1]} "
        "program dan kegiatan."
    ]
    for judul, rp in (("Kinerja (K)", False), ("Anggaran (Rp)", True)):
        sebab: dict[str, list[str]] = {}
        baris = [b for b in h.baris if not b.ulang and (b.pertama or not rp)]
        for b in baris:
            for t in b.tanpa_rp if rp else b.tanpa_k:
                sebab.setdefault(t.teks(), []).append(b.label)
        if sebab:
            bagian = "; ".join(
                f"{k}: {'semua baris' if len(v) == len(baris) else ', '.join(v)}"
                for k, v in sebab.items()
            )
            out.append(f"{judul} tidak dinilai — {bagian}.")
    ulang = list(dict.fromkeys((b.nomor, b.ulang) for b in h.baris if b.ulang and b.nomor))
    if ulang:
        daftar = ", ".join(f"{n} (= {u})" for n, u in ulang)
        out.append(
            "Program atau kegiatan yang melayani lebih dari satu sasaran tercantum di bawah "
            f"setiap sasaran dan dihitung sekali, pada nomor pertamanya: {daftar}; rupiah "
            "sasarannya menjumlahkan kegiatan yang melayani sasaran itu."
        )
    return out


def konteks(bundel: Bundel, tahun: int, doc: Dokumen) -> dict[str, Any]:
    dinas = bundel.dinas
    assert dinas is not None
    h = bundel.e81.get(tahun)
    if h is None:
        t = dinas.tahun.get(tahun)
        if t is None or not t.program():
            raise DataKurang(
                _(
                    "{tahun}/anggaran.yaml tidak memuat program; E.81 menilai program dan "
                    "kegiatan Renja tahun itu"
                ).format(tahun=tahun)
            )
        raise DataKurang(
            _(
                "belum ada realisasi tahun {tahun} untuk dievaluasi (realisasi.yaml per "
                "triwulan atau bulan, realisasi baris rencana aksi, atau realisasi anggaran "
                "per triwulan); isi realisasinya dulu"
            ).format(tahun=tahun)
        )
    doc.seksi = Seksi(lanskap=True, nomor="decimal")
    m = meta(dinas, tahun, "e81")
    ident = dinas.identitas.model
    # The evaluator: dokumen.yaml e81.atasan, else the Kepala Bappeda without a name.
    evaluator = m.atasan or Atasan(jabatan=f"Kepala Bappeda {ident.pemda}")
    if not evaluator.nama:
        doc.peringatan(
            "H004",
            _(
                "e81 {tahun}: nama {jabatan} (yang mengevaluasi) belum diisi: dokumen.yaml "
                "e81.atasan"
            ).format(tahun=tahun, jabatan=evaluator.jabatan),
        )
    periksa_penandatangan(doc, dinas, m, tahun, "e81", pihak_kedua=False)
    slug = f"e81/triwulan-{h.triwulan}"
    faktor = []
    for nama, judul in NARASI:
        full = f"{slug}/{nama}"
        if not doc.ada_narasi(full):
            doc.peringatan(
                "H001",
                _("e81 {tahun}: '{judul}' belum ditulis ({tahun}/narasi/{nama}.md)").format(
                    tahun=tahun, judul=judul, nama=full
                ),
            )
        faktor.append({"judul": judul, "narasi": full})
    akhir = dinas.renstra.model.periode.akhir

    pada = tanggal_laporan(m, h.triwulan, 3 * h.triwulan)
    romawi = ROMAWI_TW[h.triwulan - 1]

    def tabel() -> Markup:
        return _tabel(doc, h, akhir)

    def ringkas() -> Markup:
        """Rata-rata capaian and predikat under the form, as the annex closes it."""
        return doc.tabel(
            [Kol(3.0), Kol(1.0, "center"), Kol(1.0, "center")],
            [["", "Kinerja (K)", "Anggaran (Rp)"]],
            [
                ["Rata-rata capaian kinerja (%)", _cap(h.rata_k), _cap(h.rata_rp)],
                ["Predikat kinerja", h.predikat_k or "-", h.predikat_rp or "-"],
                [
                    "Baris yang dinilai",
                    f"{h.dinilai_k[0]} dari {h.dinilai_k[1]}",
                    f"{h.dinilai_rp[0]} dari {h.dinilai_rp[1]}",
                ],
            ],
            nomor_kolom=False,
            kecil=True,
        )

    return {
        "judul": m.judul
        or f"Evaluasi terhadap Hasil Renja Perangkat Daerah Triwulan {ROMAWI_TW[h.triwulan - 1]} "
        f"Tahun {tahun}",
        "jenis_dokumen": "e81",
        "akhiran": f"tw{h.triwulan}",
        "periode": f"Triwulan {ROMAWI_TW[h.triwulan - 1]} Tahun {tahun}",
        "nama_dinas": nama_dinas_lengkap(dinas),
        "pejabat": penandatangan(dinas, m),
        "evaluator": evaluator,
        # The kepala dinas signs the quarter's report on its own day; the Bappeda dates
        # its evaluation when it makes it (dots, unless the year's one date is given).
        "tempat_tanggal": tempat_tanggal(dinas, m, tahun, pada),
        "tempat_tanggal_evaluasi": tempat_tanggal(dinas, m, tahun),
        "tanggal_dokumen": pada,
        "tabel": tabel,
        "ringkas": ringkas,
        "faktor": faktor,
        "catatan": [
            *_tidak_dinilai(h),
            *filter(None, [catatan_berlaku(h.berlaku, f"Triwulan {romawi}", tahun)]),
        ],
    }


def _cap(v: Decimal | None) -> str:
    return "-" if v is None else persen(v)
