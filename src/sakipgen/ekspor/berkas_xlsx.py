"""The export as one Excel workbook: real number cells with number formats, text
always as strings (never a formula), bold frozen filtered headers, id-ID, the same
bytes for the same data."""

from __future__ import annotations

import io
import math
from collections.abc import Sequence
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

from sakipgen.ekspor.tabel import JenisKolom, SelEkspor, Tabel, tanggal_data
from sakipgen.format import tempat_desimal
from sakipgen.model.folder import Dinas
from sakipgen.write import ganti_bagian_zip, tulis_atomik


def _format_angka(places: int) -> str:
    return "#,##0" + ("." + "0" * places if places else "")


def _angka_xlsx(value: int | Decimal) -> int | float:
    """A Python number for the cell: whole values as int (exact), others as the float
    nearest the exact decimal (``135.31``), which Excel shows with the same digits."""
    if isinstance(value, int):
        return value
    if value == value.to_integral_value() and abs(value) < 2**53:
        return int(value)
    return float(value)


def _lebar_tampil(value: SelEkspor, jenis: JenisKolom, places: int) -> int:
    """Characters the cell shows (for the column width)."""
    if value is None:
        return 0
    if isinstance(value, str):
        return max((len(line) for line in value.splitlines()), default=0)
    if jenis == "persen":
        return len(f"{Decimal(value):,.{places}f}")
    d = Decimal(value)
    return len(f"{d:,.{tempat_desimal(d)}f}")


LEBAR_TEKS_MAKS = 50
"""Text columns wider than this (in Excel's width unit) wrap."""
HURUF_PER_SATUAN = 1.25
"""Letters of 10 pt Arial text per unit of Excel column width (the default font's 0),
counted low so that a column fits its longest text."""
HURUF_PER_BARIS = 1.35
"""The same, counted as typical mixed-case text fills a line, for row heights."""
TINGGI_BARIS = 13.0
"""Points per line of 10 pt text."""


def _baris_teks(row: Sequence[SelEkspor], widths: Sequence[int]) -> int:
    """Lines the tallest text cell of a row needs at the column widths (word wrap)."""
    most = 1
    for value, width in zip(row, widths, strict=True):
        if not isinstance(value, str):
            continue
        lines = 0
        for para in value.splitlines() or [""]:
            used = 0
            lines += 1
            for word in para.split():
                if used and used + 1 + len(word) > width:
                    lines += 1
                    used = len(word)
                else:
                    used += (1 if used else 0) + len(word)
        most = max(most, lines)
    return most


def xlsx(
    tables: Sequence[Tabel], *, judul: str, penyusun: str, tanggal: date, desimal: int = 2
) -> bytes:
    """The workbook: one sheet per table, header bold and frozen, real number cells."""
    import importlib

    xlsxwriter = importlib.import_module("xlsxwriter")  # imported only when exporting
    buf = io.BytesIO()
    wb = xlsxwriter.Workbook(buf, {"in_memory": True, "strings_to_numbers": False})
    stamp = datetime(tanggal.year, tanggal.month, tanggal.day)
    wb.set_properties({"title": judul, "author": penyusun, "company": penyusun, "created": stamp})
    base = {"valign": "top", "font_name": "Arial", "font_size": 10}
    head = wb.add_format(
        {**base, "bold": True, "text_wrap": True, "bg_color": "#D9E1F2", "border": 1}
    )
    formats: dict[tuple[str, int, bool, int], object] = {}

    def fmt(kind: str, places: int, bold: bool, indent: int) -> object:
        key = (kind, places, bold, indent)
        if key not in formats:
            props: dict[str, object] = {**base, "bold": bold}
            if kind == "teks":
                props["text_wrap"] = True
                if indent:
                    props["indent"] = indent
                    props["align"] = "left"
            else:
                props["num_format"] = _format_angka(places)
            formats[key] = wb.add_format(props)
        return formats[key]

    for table in tables:
        ws = wb.add_worksheet(table.nama[:31])
        widths = [max(len(w) for w in k.judul.split()) for k in table.kolom]
        for c, k in enumerate(table.kolom):
            ws.write_string(0, c, k.judul, head)
        for r, row in enumerate(table.baris, 1):
            bold = (r - 1) in table.tebal
            indent = table.inden.get(r - 1, 0)
            for c, (k, value) in enumerate(zip(table.kolom, row, strict=True)):
                level = indent if c == table.kolom_inden else 0
                widths[c] = max(widths[c], _lebar_tampil(value, k.jenis, desimal) + 2 * level)
                if value is None:
                    ws.write_blank(r, c, None, fmt("teks", 0, bold, 0))
                elif isinstance(value, str):
                    ws.write_string(r, c, value, fmt("teks", 0, bold, level))
                else:
                    places = 0
                    if k.jenis == "persen":
                        places = desimal
                    elif k.jenis == "angka" and isinstance(value, Decimal):
                        places = tempat_desimal(value)
                    ws.write_number(r, c, _angka_xlsx(value), fmt("angka", places, bold, 0))
        # Widths in Excel's unit (the digit 0 of the default font); 10 pt Arial text
        # fits about HURUF_PER_SATUAN letters per unit.
        final = [
            min(math.ceil(w / HURUF_PER_SATUAN), LEBAR_TEKS_MAKS) if k.jenis == "teks" else w
            for w, k in zip(widths, table.kolom, strict=True)
        ]
        final = [max(w, 5) + 2 for w in final]
        for c, w in enumerate(final):
            ws.set_column(c, c, w)
        final = [math.floor(w * HURUF_PER_BARIS) - 1 for w in final]
        # Row heights for wrapped text (neither Excel nor LibreOffice grows a row by itself
        # when the file gives none).
        ws.set_row(0, TINGGI_BARIS * _baris_teks([k.judul for k in table.kolom], final))
        for r, row in enumerate(table.baris, 1):
            lines = _baris_teks(row, final)
            if lines > 1:
                ws.set_row(r, TINGGI_BARIS * lines)
        ws.freeze_panes(1, 0)
        if table.baris:
            ws.autofilter(0, 0, len(table.baris), len(table.kolom) - 1)
        ws.set_landscape()
        ws.repeat_rows(0)
        ws.fit_to_pages(1, 0)
    wb.close()
    return _bahasa(buf.getvalue(), "id-ID")


def _bahasa(data: bytes, tag: str) -> bytes:
    """Set ``dc:language`` in docProps/core.xml (XlsxWriter has no property for it)."""
    end = b"</cp:coreProperties>"

    def ubah(body: bytes) -> bytes:
        if b"<dc:language>" in body or end not in body:
            return body
        return body.replace(end, f"<dc:language>{tag}</dc:language>".encode() + end)

    return ganti_bagian_zip(data, "docProps/core.xml", ubah)


def tulis_xlsx(dinas: Dinas, tahun: int, tables: Sequence[Tabel], path: Path) -> Path:
    ident = dinas.identitas.model
    data = xlsx(
        tables,
        judul=f"Tabel Kinerja {dinas.nama} Tahun {tahun}",
        penyusun=f"{dinas.nama} {ident.pemda}",
        tanggal=tanggal_data(dinas, tahun),
        desimal=ident.profil.desimal,
    )
    tulis_atomik(path, data)
    return path
