"""`sakipgen export --for-input` and `sakipgen import`: the Excel round trip.

Every expected value here is read off the example's YAML by hand (2021/realisasi.yaml:
IK1.2 13244, IK2.1 2645059, IK2.2 86.70; 2021/anggaran.yaml: P05 pagu 10.000.000,
realisasi 10.000.000; renstra.yaml IK1.1 target {2020: 32, 2021: 32}).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet
from typer.testing import CliRunner

from sakipgen.cli import app
from tests.conftest import CONTOH, salin

YAML = ("*.yaml", "*/*.yaml", "*/*/*.yaml")


def jalankan(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


def isi(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for g in YAML for p in folder.glob(g)}


def ekspor(folder: Path, tmp_path: Path) -> Path:
    out = tmp_path / "masukan.xlsx"
    code, _stdout, stderr = jalankan("export", str(folder), "--for-input", "--out", str(out))
    assert code == 0, stderr
    return out


def baris(ws: Worksheet, kunci: str) -> int:
    return next(r for r in range(2, ws.max_row + 1) if ws.cell(r, 1).value == kunci)


def kolom(ws: Worksheet, judul: str) -> int:
    return next(c.column for c in ws[1] if c.value == judul)


def ubah(path: Path, lembar: str, kunci: str, judul: str, nilai: object) -> None:
    wb = load_workbook(path)
    ws = wb[lembar]
    ws.cell(baris(ws, kunci), kolom(ws, judul)).value = nilai
    wb.save(path)


def beda_baris(lama: bytes, baru: bytes) -> list[tuple[str, str]]:
    a, b = lama.decode().splitlines(), baru.decode().splitlines()
    assert len(a) == len(b)
    return [(x, y) for x, y in zip(a, b, strict=True) if x != y]


@pytest.mark.parametrize("contoh", CONTOH)
def test_export_then_import_changes_no_byte(tmp_path: Path, contoh: str) -> None:
    folder = salin(tmp_path, contoh)
    before = isi(folder)
    code, _out, err = jalankan("import", str(folder), str(ekspor(folder, tmp_path)))
    assert code == 0, err
    assert "Tidak ada nilai yang berubah" in err
    assert isi(folder) == before


def test_an_edited_cell_changes_exactly_that_value(tmp_path: Path) -> None:
    folder = salin(tmp_path)
    before = isi(folder)
    book = ekspor(folder, tmp_path)
    ubah(book, "Realisasi", "2021/IK1.2", "Realisasi", 13250)
    code, out, err = jalankan("import", str(folder), str(book))
    assert code == 0, err
    assert "13.244" in out and "13.250" in out  # the diff, in the form of sakipgen diff
    after = isi(folder)
    changed = [f for f in before if before[f] != after[f]]
    assert changed == ["2021/realisasi.yaml"]
    assert beda_baris(before[changed[0]], after[changed[0]]) == [
        (
            '  IK1.2: 13244        # tercetak "13.244 unit"',
            '  IK1.2: 13250        # tercetak "13.244 unit"',
        )
    ]


def test_new_values_go_where_a_planner_would_write_them(tmp_path: Path) -> None:
    folder = salin(tmp_path)
    book = ekspor(folder, tmp_path)
    ubah(book, "Target", "IK1.1", "Renstra 2019", 31)  # into a flow mapping, in year order
    ubah(book, "Target", "IK1.1", "RKT 2021", 32)  # a new block in 2021/target.yaml
    ubah(book, "Realisasi", "2021/IK1.2", "Bulan 3", 3000)  # the short form grows a field
    code, _out, err = jalankan("import", str(folder), str(book))
    assert code == 0, err
    renstra = (folder / "renstra.yaml").read_text()
    assert "        target: {2019: 31, 2020: 32, 2021: 32}\n" in renstra
    target = (folder / "2021/target.yaml").read_text()
    assert target.endswith("    IK2.2: 70\nrkt:\n  indikator:\n    IK1.1: 32\n")
    real = (folder / "2021/realisasi.yaml").read_text()
    assert '  IK1.2: {nilai: 13244, bulanan: {3: 3000}}        # tercetak "13.244 unit"\n' in real
    code, _out, _err = jalankan("check", str(folder))
    assert code == 0


def test_dry_run_writes_nothing(tmp_path: Path) -> None:
    folder = salin(tmp_path)
    before = isi(folder)
    book = ekspor(folder, tmp_path)
    ubah(book, "Anggaran", "2021/P05", "Realisasi", 9500000)
    code, out, err = jalankan("import", str(folder), str(book), "--dry-run")
    assert code == 0 and "10.000.000" in out and "9.500.000" in out
    assert "--dry-run" in err
    assert isi(folder) == before


def tulis_buku(path: Path, sheets: dict[str, list[list[object]]]) -> Path:
    """A workbook made from scratch by XlsxWriter, as another tool would make it."""
    import xlsxwriter

    wb = xlsxwriter.Workbook(str(path))
    tanggal = wb.add_format({"num_format": "dd/mm/yyyy"})
    for name, rows in sheets.items():
        ws = wb.add_worksheet(name)
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                if isinstance(value, tuple):  # (formula, cached value)
                    ws.write_formula(r, c, value[0], None, value[1])
                elif isinstance(value, datetime.date):  # typed 1.12, made a date by Excel
                    ws.write_datetime(
                        r, c, datetime.datetime(value.year, value.month, value.day), tanggal
                    )
                elif value is not None:
                    ws.write(r, c, value)
    wb.close()
    return path


def test_a_workbook_from_another_tool_with_text_numbers_and_a_formula(tmp_path: Path) -> None:
    folder = salin(tmp_path)
    book = tulis_buku(
        tmp_path / "lain.xlsx",
        {
            # Columns in another order, only some of them; an empty row; text numbers.
            "Realisasi": [
                ["Realisasi", "Kunci"],
                ["86,90%", "2021/IK2.2"],
                [None, None],
                [("=43.3+1", 44.3), "2021/IK1.1"],
            ],
            "Anggaran": [
                ["Kunci", "Pagu", "Realisasi"],
                ["2021/P05", "10.000.000", "Rp 9.500.000"],
            ],
            "Catatan": [["bebas"]],
        },
    )
    code, _out, err = jalankan("import", str(folder), str(book))
    assert code == 0, err
    assert f"{book}:Realisasi!A4: X002" in err  # the formula, read by its cached value
    assert f"{book}:Catatan: X005" in err
    real = (folder / "2021/realisasi.yaml").read_text()
    assert "  IK2.2: 86.90        # tercetak" in real
    assert "    nilai: 44.3\n" in real
    anggaran = (folder / "2021/anggaran.yaml").read_text()
    assert "    pagu: 10000000\n" in anggaran and "    realisasi: 9500000\n" in anggaran


def test_a_damaged_workbook_is_refused_whole_with_located_messages(tmp_path: Path) -> None:
    folder = salin(tmp_path)
    before = isi(folder)
    book = tulis_buku(
        tmp_path / "rusak.xlsx",
        {
            "Realisasi": [
                ["Kunci", "Realisasi"],
                ["2021/IK1.2", 13250],  # fine on its own
                ["2021/IK9.9", 5],
                ["2021/IK1.2", 13260],
                ["2021/IK2.1", datetime.date(2021, 12, 1)],
                [None, 7],
            ],
            "Anggaran": [["Kunci", "Pagu"], ["2021/P05", 100.5]],
        },
    )
    code, _out, err = jalankan("import", str(folder), str(book))
    assert code == 1
    for expected in (
        f"{book}:Realisasi!A3: R001",
        f"{book}:Realisasi!A4: R002",
        f"{book}:Realisasi!B5: N002",
        f"{book}:Realisasi!A6: X001",
        f"{book}:Anggaran!B2: N005",
        "Tidak ada berkas yang ditulis",
    ):
        assert expected in err
    assert isi(folder) == before


def test_merged_cells_are_refused(tmp_path: Path) -> None:
    folder = salin(tmp_path)
    book = ekspor(folder, tmp_path)
    wb = load_workbook(book)
    ws = wb["Anggaran"]
    ws.protection.sheet = False
    ws.merge_cells("F2:F3")
    wb.save(book)
    code, _out, err = jalankan("import", str(folder), str(book))
    assert code == 1 and f"{book}:Anggaran!F2: X003" in err


def test_an_import_that_makes_the_data_wrong_writes_nothing(tmp_path: Path) -> None:
    folder = salin(tmp_path)
    before = isi(folder)
    book = ekspor(folder, tmp_path)
    # P05's pagu is Rp 10.000.000: a realisasi above it is K005, an error.
    ubah(book, "Anggaran", "2021/P05", "Realisasi", 12000000)
    code, _out, err = jalankan("import", str(folder), str(book))
    assert code == 1
    assert f"{folder}/2021/anggaran.yaml:" in err and "K005" in err
    assert isi(folder) == before


def test_an_emptied_cell_deletes_nothing(tmp_path: Path) -> None:
    folder = salin(tmp_path)
    before = isi(folder)
    book = ekspor(folder, tmp_path)
    ubah(book, "Realisasi", "2021/IK2.2", "Realisasi", None)
    code, _out, err = jalankan("import", str(folder), str(book))
    assert code == 0 and "X004" in err
    assert isi(folder) == before


def test_a_workbook_that_is_not_one(tmp_path: Path) -> None:
    folder = salin(tmp_path)
    bad = tmp_path / "bukan.xlsx"
    bad.write_bytes(b"not a zip")
    code, _out, err = jalankan("import", str(folder), str(bad))
    assert code == 1 and f"{bad}: X001" in err


def _semua_lembar(path: Path) -> Iterator[str]:
    yield from load_workbook(path).sheetnames


def test_the_input_workbook_protects_keys_and_leaves_values_open(tmp_path: Path) -> None:
    folder = salin(tmp_path)
    book = ekspor(folder, tmp_path)
    assert list(_semua_lembar(book)) == [
        "Petunjuk",
        "Target",
        "Realisasi",
        "Anggaran",
        "Indikator Program",
        "Rencana Aksi",
    ]
    ws = load_workbook(book)["Anggaran"]
    r = baris(ws, "2021/P02")
    assert ws.protection.sheet
    assert ws.cell(r, 1).protection.locked
    assert not ws.cell(r, kolom(ws, "Pagu")).protection.locked
    assert ws.cell(r, kolom(ws, "Pagu")).value == 556182400
    assert ws.cell(r, kolom(ws, "Pagu")).number_format == "#,##0"


LAIN = '["-", "-", "{}", "25,83%", "32,29%", "38,74%", "45,21%", "51,67%",'


def test_a_rencana_aksi_target_in_its_list(tmp_path: Path) -> None:
    folder = salin(tmp_path, "buleleng")
    before = isi(folder)
    book = ekspor(folder, tmp_path)
    wb = load_workbook(book)
    ws = wb["Rencana Aksi"]
    # Eselon II row 1 (IK1.1): the March target, printed 19,37%, set to 20%.
    r = baris(ws, "2021/eselon_ii/1")
    assert ws.cell(r, kolom(ws, "Periode 3")).value == "19,37%"
    ws.cell(r, kolom(ws, "Periode 3")).value = "20%"
    wb.save(book)
    code, _out, err = jalankan("import", str(folder), str(book))
    assert code == 0, err
    after = isi(folder)
    changed = [f for f in before if before[f] != after[f]]
    assert changed == ["2021/rencana-aksi.yaml"]
    assert beda_baris(before[changed[0]], after[changed[0]]) == [
        (
            "        target: " + LAIN.format("19,37%"),
            "        target: " + LAIN.format("20%"),
        )
    ]


def test_polaritas_kode_and_quarterly_realisasi(tmp_path: Path) -> None:
    folder = salin(tmp_path)
    book = ekspor(folder, tmp_path)
    ubah(book, "Target", "IK2.2", "Polaritas", "negatif")
    ubah(book, "Anggaran", "2021/P01", "Kode", "2.17.02")
    ubah(book, "Anggaran", "2021/P01", "Realisasi Triwulan 1", 6000000)
    code, _out, err = jalankan("import", str(folder), str(book))
    assert code == 0, err
    renstra = (folder / "renstra.yaml").read_text()
    # Before the targets, as the examples write polaritas (and metode_negatif, sifat, iku).
    assert (
        "        sumber_data: Bidang Pasar Daerah\n"
        "        polaritas: negatif\n"
        "        target: {2020: 60, 2021: 70}\n"
    ) in renstra
    anggaran = (folder / "2021/anggaran.yaml").read_text()
    # New keys go where the examples write them: kode after id, the quarters after
    # realisasi (above sumber_dana).
    assert (
        "  - id: P01\n"
        '    kode: "2.17.02"\n'
        "    uraian: Program Penilaian Kesehatan KSP/USP Koperasi\n"
        "    sasaran: S1\n"
    ) in anggaran
    assert (
        "    realisasi: 26200000\n"
        "    realisasi_triwulan: {1: 6000000}\n"
        "    sumber_dana: {sumber: APBD, persen: 100}\n"
    ) in anggaran


def test_files_are_written_all_or_none(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = salin(tmp_path)
    before = isi(folder)
    book = ekspor(folder, tmp_path)
    ubah(book, "Realisasi", "2021/IK1.2", "Realisasi", 13250)  # 2021/realisasi.yaml
    ubah(book, "Anggaran", "2021/P05", "Realisasi", 9500000)  # 2021/anggaran.yaml
    asli = Path.replace
    calls: list[Path] = []

    def gagal_kedua(self: Path, target: Path) -> Path:
        calls.append(Path(target))
        if len(calls) == 2:
            raise OSError(28, "No space left on device")
        return asli(self, target)

    monkeypatch.setattr(Path, "replace", gagal_kedua)
    code, _out, err = jalankan("import", str(folder), str(book))
    assert code == 2 and "No space left on device" in err and "tidak ada berkas yang berubah" in err
    assert len(calls) == 2  # the first file was replaced, then put back
    assert isi(folder) == before
    assert not [p for p in folder.rglob("*.tmp")]


def test_a_hidden_sheet_is_read_with_a_warning(tmp_path: Path) -> None:
    folder = salin(tmp_path)
    book = ekspor(folder, tmp_path)
    wb = load_workbook(book)
    ws = wb["Realisasi"]
    ws.cell(baris(ws, "2021/IK2.2"), kolom(ws, "Realisasi")).value = 87
    ws.sheet_state = "hidden"
    wb.save(book)
    code, _out, err = jalankan("import", str(folder), str(book))
    assert code == 0 and f"{book}:Realisasi: X005" in err and "tersembunyi" in err
    # The cell's format shows two decimals (86,70 as exported): 87 reads as 87,00.
    assert "  IK2.2: 87.00        # tercetak" in (folder / "2021/realisasi.yaml").read_text()


def test_sasaran_and_sumber_dana_of_a_program(tmp_path: Path) -> None:
    folder = salin(tmp_path)
    book = ekspor(folder, tmp_path)
    wb = load_workbook(book)
    ws = wb["Anggaran"]
    r = baris(ws, "2021/P02")
    # As exported: P02's two sources with their amounts, in the cell's own form.
    assert ws.cell(r, kolom(ws, "Sumber Dana")).value == (
        "DAK Non Fisik P2UKM 406.182.400; APBD 150.000.000"
    )
    assert ws.cell(baris(ws, "2021/P01"), kolom(ws, "Sumber Dana")).value == "APBD 100%"
    ws.cell(r, kolom(ws, "Sasaran")).value = "S1, S2"
    ws.cell(r, kolom(ws, "Sumber Dana")).value = "DAK Non Fisik P2UKM 406.182.400; APBD 149.000.000"
    wb.save(book)
    code, out, err = jalankan("import", str(folder), str(book))
    assert code == 0, err
    text = (folder / "2021/anggaran.yaml").read_text()
    assert "    sasaran: [S1, S2]\n    pagu: 556182400" in text
    # The block list and its comment line give way to one flow list.
    assert (
        "    sumber_dana: [{sumber: DAK Non Fisik P2UKM, jumlah: 406182400}, "
        "{sumber: APBD, jumlah: 149000000}]\n    kegiatan:\n"
    ) in text
    assert "S1, S2" in out


def test_a_written_file_keeps_its_permissions(tmp_path: Path) -> None:
    folder = salin(tmp_path)
    target = folder / "2021/realisasi.yaml"
    target.chmod(0o640)
    book = ekspor(folder, tmp_path)
    ubah(book, "Realisasi", "2021/IK1.2", "Realisasi", 13250)
    code, _out, err = jalankan("import", str(folder), str(book))
    assert code == 0, err
    assert "13250" in target.read_text()
    assert target.stat().st_mode & 0o777 == 0o640


def test_an_error_the_value_causes_is_told_at_its_cell(tmp_path: Path) -> None:
    """13.244,5 unit is not a whole count (K011): said at the Realisasi cell, with the
    YAML place it would have had."""
    folder = salin(tmp_path)
    book = ekspor(folder, tmp_path)
    ubah(book, "Realisasi", "2021/IK1.2", "Realisasi", 13244.5)
    code, _out, err = jalankan("import", str(folder), str(book))
    assert code == 1
    sel = f"{book}:Realisasi!{get_column_letter(kolom_buku(book, 'Realisasi', 'Realisasi'))}"
    assert f"{sel}8: K011 IK1.2: 13244.5 unit bukan bilangan bulat [" in err
    assert f"{folder}/2021/realisasi.yaml:10:3: indikator.IK1.2]" in err


def kolom_buku(book: Path, lembar: str, judul: str) -> int:
    return kolom(load_workbook(book)[lembar], judul)


def test_rencana_aksi_realisasi_entered_in_the_workbook(tmp_path: Path) -> None:
    """Each quarter the planner types the rows' realisasi in the Rencana Aksi sheet: a
    place after the list's end is appended (the places between written "-"), a row
    without a list gets one; nothing else of the file changes."""
    folder = salin(tmp_path, "buleleng")
    ra = folder / "2021" / "rencana-aksi.yaml"
    before = ra.read_text(encoding="utf-8")
    book = ekspor(folder, tmp_path)
    wb = load_workbook(book)
    ws = wb["Rencana Aksi"]
    nik = baris(ws, "2021/eselon_iii/1")  # realisasi written up to September
    assert ws.cell(nik, kolom(ws, "Realisasi 9")).value == "16,2%"  # as written
    assert ws.cell(nik, kolom(ws, "Realisasi 10")).value is None
    ws.cell(nik, kolom(ws, "Realisasi 10")).value = 20
    ws.cell(nik, kolom(ws, "Realisasi 12")).value = "30%"
    ws.cell(baris(ws, "2021/eselon_ii/1"), kolom(ws, "Realisasi 3")).value = 18
    wb.save(book)
    code, _out, err = jalankan("import", str(folder), str(book))
    assert code == 0, err
    changed = [(a, b) for a, b in beda_baris_ubah(before, ra.read_text(encoding="utf-8"))]
    assert changed == [
        (
            '        realisasi: ["-", "-", "6,8%", "7,9%", "8,7%", "9,8%", "10,6%", "13,5%", '
            '"16,2%"]',
            '        realisasi: ["-", "-", "6,8%", "7,9%", "8,7%", "9,8%", "10,6%", "13,5%", '
            '"16,2%", 20, "-", "30%"]',  # a new place keeps "30%" as typed, like its neighbours
        ),
    ]
    assert '        realisasi: ["-", "-", 18]\n' in ra.read_text(encoding="utf-8")
    from sakipgen.pipeline import siapkan

    bundel = siapkan(folder)
    assert bundel.dinas is not None and not bundel.galat
    rows = bundel.dinas.tahun[2021].rencana_aksi.model.tabel  # type: ignore[union-attr]
    assert [v.teks for v in rows[1].baris[0].realisasi][-3:] == ["20", "-", "30%"]
    assert rows[1].baris[0].realisasi[-1].angka == 30  # the YAML reads "30%" as 30
    assert [v.teks for v in rows[0].baris[0].realisasi] == ["-", "-", "18"]


def beda_baris_ubah(lama: str, baru: str) -> list[tuple[str, str]]:
    """Lines changed in place (a line added is left out)."""
    import difflib

    out = []
    for op, a1, a2, b1, b2 in difflib.SequenceMatcher(
        None, lama.splitlines(), baru.splitlines()
    ).get_opcodes():
        if op == "replace":
            out += list(zip(lama.splitlines()[a1:a2], baru.splitlines()[b1:b2], strict=False))
    return out


def test_english_grouping_is_told_at_its_cell(tmp_path: Path) -> None:
    # A figure pasted from an English sheet as text: its cell, and both ways to write it.
    folder = salin(tmp_path)
    before = isi(folder)
    book = ekspor(folder, tmp_path)
    ubah(book, "Realisasi", "2021/IK1.2", "Realisasi", "13,244.50")
    ubah(book, "Anggaran", "2021/P05", "Pagu", "10,000,000")
    code, _out, err = jalankan("import", str(folder), str(book))
    wb = load_workbook(book)
    r_sel = f"{get_column_letter(kolom(wb['Realisasi'], 'Realisasi'))}"
    r_sel += str(baris(wb["Realisasi"], "2021/IK1.2"))
    a_sel = f"{get_column_letter(kolom(wb['Anggaran'], 'Pagu'))}"
    a_sel += str(baris(wb["Anggaran"], "2021/P05"))
    assert code == 1
    assert f"{book}:Realisasi!{r_sel}: N007 13,244.50 memakai koma" in err
    assert "tulis 13244.50 tanpa pemisah ribuan, atau 13.244,50" in err
    assert f"{book}:Anggaran!{a_sel}: N007 10,000,000 memakai koma" in err
    assert "tulis 10000000 tanpa pemisah ribuan, atau 10.000.000" in err
    assert isi(folder) == before
