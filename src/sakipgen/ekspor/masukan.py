"""The input workbook (``sakipgen export --for-input``): targets, realisasi, anggaran,
indikator program and rencana aksi of a dinas folder as sheets a planner fills in Excel,
LibreOffice or WPS and gives back with ``sakipgen import``.

Each sheet is protected without a password so the key and the descriptions are not
typed over by accident (Review > Unprotect Sheet lifts it); the value cells, and every
cell below the last row (for new rows), are unlocked. Rupiah cells take whole numbers
(or ``-``, which removes the value); target and realisasi cells a number or a text such
as ``-`` or ``19,37%`` (as the YAML does). The layout comes from
:mod:`sakipgen.model.masukan`, the same rows the import reads back.
"""

from __future__ import annotations

import io
import math
from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sakipgen.ekspor.berkas_xlsx import (
    HURUF_PER_SATUAN,
    LEBAR_TEKS_MAKS,
    TINGGI_BARIS,
    _angka_xlsx,
    _bahasa,
)
from sakipgen.format import tempat_desimal
from sakipgen.i18n import _
from sakipgen.model.folder import Dinas
from sakipgen.model.masukan import KUNCI, PETUNJUK, Lembar, lembar_masukan

VERSI_BUKU = "sakipgen-masukan-1"
"""Written in the Petunjuk sheet's A1 note and in the workbook's keywords; the import
reads a workbook whose layout it knows."""


def petunjuk() -> list[str]:
    return [
        _("Buku kerja masukan sakipgen"),
        "",
        _(
            "Isi atau ubah nilai di sel putih lembar Target, Realisasi, Anggaran, Indikator "
            "Program dan\nRencana Aksi, simpan, lalu jalankan:"
        ),
        "    sakipgen import FOLDER-DINAS BUKU.xlsx --dry-run   (lihat perubahannya)",
        "    sakipgen import FOLDER-DINAS BUKU.xlsx             (tulis ke berkas YAML)",
        "",
        _(
            "Sel abu-abu (kunci, id, tahun, tingkat, nama yang diulang dari lembar lain) "
            "dikunci dan tidak\ndiimpor: perubahan di sana diberi peringatan X005. Nama "
            "sasaran, indikator, program dan\nkegiatan (kolom Uraian) ada di sel putih dan "
            "ikut diimpor. Baris boleh diurutkan ulang;\nbaris kosong diabaikan."
        ),
        _(
            "Angka: ketik seperti biasa. Di sel teks, titik memisahkan ribuan dan koma "
            "memisahkan desimal,\nseperti di Excel berbahasa Indonesia: 6.825 = enam ribu "
            "delapan ratus dua puluh lima,\n6,825 dan 43,30 = pecahan. Pagu dan realisasi "
            "anggaran: rupiah utuh tanpa sen."
        ),
        _(
            'Target dan realisasi boleh berupa teks seperti di YAML: "19,37%", "WTP", '
            '"80-90"; "-" pada\ntarget berarti tahun itu tidak ada target. Target berupa '
            "teks memerlukan Capaian dan Alasan\ndi lembar Realisasi."
        ),
        _(
            'Menghapus nilai: tulis "-" di sel rupiah, Realisasi setahun, Capaian, Kode, '
            "Sasaran, Sumber Dana,\nSatuan atau Sifat. Sel yang dikosongkan tidak menghapus "
            'apa pun (peringatan X004). "-" pada realisasi\nbulan atau triwulan berarti '
            "periode itu dilaporkan tanpa nilai."
        ),
        _(
            "Pilihan: Polaritas positif, negatif atau stabil; Sifat kumulatif, "
            "akhir_periode, jumlah atau\nrata_rata; IKU, Penunjang dan Kumulatif ya atau "
            "tidak."
        ),
        _(
            "Metode Negatif (lembar Target), hanya untuk Polaritas negatif: selisih = "
            "(2T − R) / T × 100,\nrasio = T / R × 100; kosong berarti cara dinas "
            '(profil.metode_negatif di sakip.yaml); "-" menghapusnya.'
        ),
        _(
            "Target rencana lain (RPJMD, provinsi, nasional) sebagai pembanding, tidak "
            "ikut rata-rata: kolom\n'Target <nama> <tahun>' lembar Target (Target RPJMD "
            '2025), satu per tahun Renstra; "-" berarti\ntidak ada target tahun itu. '
            "Rencana yang belum ada: tambahkan kolom dengan judul itu; import dan\ninit "
            "--from mencatatnya di pembanding renstra.yaml, dengan id dari namanya (RPJMD "
            "menjadi rpjmd)."
        ),
        _(
            "Rumus dibaca dari nilai terakhir yang dihitung Excel (dengan peringatan); "
            "simpan buku kerja\nsetelah menghitung ulang."
        ),
        _(
            "Tahun berikutnya sudah punya kolom (RKT, PK dan PK Perubahan <tahun>) dan "
            "baris Realisasi;\ntahun lain dalam periode Renstra dapat ditambahkan dengan "
            "judul kolom yang sama."
        ),
        _(
            "Baris baru ditulis di bawah baris terakhir, dengan Kuncinya. Anggaran: "
            "<tahun>/<program>,\n<tahun>/<program>/<kegiatan>, "
            "<tahun>/<program>/<kegiatan>/<sub kegiatan> dengan Uraian\n(2026/P01, "
            "2026/P01/1, 2026/P01/1/1); tahun tanpa anggaran.yaml mendapat berkasnya."
        ),
        _(
            "Kegiatan dan sub kegiatan dikenali dari id, kode atau nomor urutnya di "
            "anggaran.yaml\n(2025/P01/K01.1, 2025/P01/2.17.02.2.01 atau 2025/P01/1); "
            "ekspor ulang buku kerja setelah\nurutan di YAML diubah."
        ),
        _(
            "Indikator Program: Kunci Anggaran dan No (2026/P01 dan 1, kuncinya 2026/P01#1), "
            "Uraian dan\nTarget. Rencana Aksi: <tahun>/<tingkat>/<nomor> (2026/eselon_iii/1) "
            "dengan Indikator\natau Uraian; tabel yang belum ada dibuat dengan Periode "
            "bulanan atau triwulan."
        ),
        _(
            "Rencana Aksi: Periode 1-12 adalah bulan untuk tabel bulanan; tabel "
            "triwulan memakai\nPeriode 1-4 (sel abu-abu: tidak ada periodenya)."
        ),
    ]


def buku_masukan(dinas: Dinas, tanggal: date, *, kosong_saja: bool = False) -> bytes:
    """The input workbook of ``dinas``; ``kosong_saja`` (``--blank``): its sheets and
    headers only, unprotected, for typing a new dinas's plan (``init --from``)."""
    import importlib

    xlsxwriter = importlib.import_module("xlsxwriter")  # imported only when exporting
    buf = io.BytesIO()
    wb = xlsxwriter.Workbook(buf, {"in_memory": True, "strings_to_numbers": False})
    ident = dinas.identitas.model
    stamp = datetime(tanggal.year, tanggal.month, tanggal.day)
    wb.set_properties(
        {
            "title": _("Masukan {dinas}").format(dinas=dinas.nama),
            "author": f"{dinas.nama} {ident.pemda}",
            "keywords": VERSI_BUKU,
            "created": stamp,
        }
    )
    base = {"valign": "top", "font_name": "Arial", "font_size": 10}
    head = wb.add_format(
        {**base, "bold": True, "text_wrap": True, "bg_color": "#D9E1F2", "border": 1}
    )
    # One line per row (no wrap): row heights stay even, a long uraian shows in full
    # when its cell is selected.
    info = wb.add_format({**base, "bg_color": "#EDEDED", "locked": True})
    kosong = wb.add_format({**base, "bg_color": "#BFBFBF", "locked": True})
    # Text cells are formatted as text ("@"), so a kode such as 1.05 stays as typed.
    isi_teks = wb.add_format({**base, "locked": False, "num_format": "@"})
    isi_angka: dict[int, object] = {}

    def angka(places: int) -> object:
        if places not in isi_angka:
            pola = "#,##0" + ("." + "0" * places if places else "")
            isi_angka[places] = wb.add_format({**base, "locked": False, "num_format": pola})
        return isi_angka[places]

    ws = wb.add_worksheet(PETUNJUK)
    ws.set_column(0, 0, 110)
    for r, line in enumerate(petunjuk()):
        ws.write_string(r, 0, line, wb.add_format({**base, "bold": r == 0, "text_wrap": True}))
        # Each line of a paragraph its height: LibreOffice does not grow the row itself.
        ws.set_row(r, TINGGI_BARIS * (line.count("\n") + 1))

    for lembar in lembar_masukan(dinas):
        if kosong_saja:
            lembar = replace(lembar, baris=())
        _lembar(wb, lembar, head, info, kosong, isi_teks, angka)
    wb.close()
    return _bahasa(buf.getvalue(), "id-ID")


BARIS_TAMBAHAN = 500
"""Rows below the data that keep the column's dropdowns and notes, for new rows."""


def _lembar(
    wb: Any,
    lembar: Lembar,
    head: object,
    info: object,
    kosong: object,
    isi_teks: object,
    angka: Callable[[int], object],
) -> None:
    ws = wb.add_worksheet(lembar.nama)
    tampil = [c for c, j in enumerate(lembar.kolom_sel) if j not in lembar.sembunyi]
    kolom_sel = [lembar.kolom_sel[c] for c in tampil]
    rows = [b for b in lembar.baris if b.tampil]
    judul = (KUNCI, *lembar.kolom_info, *kolom_sel)
    widths = [len(j) + 2 for j in judul]
    for c, j in enumerate(judul):
        ws.write_string(0, c, j, head)
    n_info = 1 + len(lembar.kolom_info)
    jenis_kolom: list[set[str]] = [set() for _c in kolom_sel]
    for r, baris in enumerate(rows, 1):
        for c, value in enumerate((baris.kunci, *baris.info)):
            text = "" if value is None else str(value)
            ws.write_string(r, c, text, info)
            widths[c] = max(widths[c], min(len(text), 60))
        for i, asal in enumerate(tampil):
            c = n_info + i
            sel = baris.sel[asal]
            if sel is None:
                ws.write_blank(r, c, None, kosong)
                continue
            jenis_kolom[i].add(sel.jenis)
            v = sel.nilai
            if v is None:
                ws.write_blank(r, c, None, angka(0) if sel.jenis == "rupiah" else isi_teks)
            elif isinstance(v, Decimal):
                places = tempat_desimal(v)
                ws.write_number(r, c, _angka_xlsx(v), angka(places))
                widths[c] = max(widths[c], len(f"{v:,.{places}f}") + 2)
            else:
                ws.write_string(r, c, v, isi_teks)
                widths[c] = max(widths[c], min(len(v), 40) + 2)
    for c, w in enumerate(widths):
        width = min(math.ceil(w / HURUF_PER_SATUAN) + 2, LEBAR_TEKS_MAKS) if c < n_info else w
        # Empty cells below the data take the column's format: open, so that new rows
        # can be typed under the sheet's protection.
        ws.set_column(c, c, max(width, 8), isi_teks)
    last = len(rows)
    akhir = last + BARIS_TAMBAHAN
    pilihan = dict(lembar.pilihan)
    keterangan = dict(lembar.keterangan)
    jenis_tetap = dict(zip(lembar.kolom_sel, lembar.jenis, strict=False))
    for i, j in enumerate(kolom_sel):
        c = n_info + i
        jenis = jenis_kolom[i] or {jenis_tetap.get(j, "teks")}
        if j in pilihan:
            rule: dict[str, object] = {"validate": "list", "source": list(pilihan[j])}
            # "-" removes the value, and several sasaran ("S1, S2") are allowed: the
            # list only proposes.
            rule |= {"error_type": "information", "ignore_blank": True}
        elif jenis == {"rupiah"}:
            rule = {
                "validate": "integer",
                "criteria": ">=",
                "value": 0,
                "error_type": "warning",
                "error_title": _("Rupiah utuh"),
                "error_message": _(
                    'Tulis rupiah utuh tanpa sen, misalnya 1727182400, atau "-" untuk '
                    "menghapus nilainya."
                ),
            }
        elif jenis == {"nilai"}:
            rule = {
                "validate": "any",
                "input_title": _("Angka atau teks"),
                "input_message": _('Angka (43,30), atau "-" bila tidak ada.'),
            }
        else:
            continue
        if j in keterangan:  # what an empty cell means, shown when one is selected
            rule |= {"input_title": j[:32], "input_message": keterangan[j][:255]}
        ws.data_validation(1, c, akhir, c, rule)
    ws.freeze_panes(1, n_info)
    ws.set_landscape()  # printed for review: every column on one page width
    ws.repeat_rows(0)
    ws.fit_to_pages(1, 0)
    if last:  # a blank sheet is for typing new rows: nothing to protect
        ws.protect("", {"format_columns": True, "format_rows": True, "autofilter": True})
    else:
        ws.set_column(1, n_info - 1, 30, isi_teks)
    if last:
        ws.autofilter(0, 0, last, len(judul) - 1)
