"""`sakipgen export`: the computed tables of a year as xlsx (real number cells) or CSV.

Expected figures are the Blora 2021 ones computed by hand (README "Formulas"):
IK1.1 43,30 / 32 × 100 = 135,3125 → 135,31; pagu 30.000.000 + 556.182.400 + 320.000.000
+ 100.000.000 + 10.000.000 + 596.000.000 + 60.000.000 + 45.000.000 + 10.000.000 =
1.727.182.400; realisasi 1.576.408.211; serapan 91,27; efisiensi 150.774.189 (8,73 %).
"""

from __future__ import annotations

import io
import re
import subprocess
import sys
import zipfile
from decimal import Decimal
from pathlib import Path
from xml.etree import ElementTree as ET

from sakipgen import ekspor
from tests.cli.test_build import copy
from tests.cli.test_cli import sakipgen
from tests.conftest import ROOT

S = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"


# --- a minimal xlsx reader (no extra test dependency) ------------------------------------


class Buku:
    def __init__(self, data: bytes) -> None:
        self.zip = zipfile.ZipFile(io.BytesIO(data))
        wb = ET.fromstring(self.zip.read("xl/workbook.xml"))
        rels = ET.fromstring(self.zip.read("xl/_rels/workbook.xml.rels"))
        target = {r.get("Id"): r.get("Target") for r in rels}
        sheets = wb.find(f"{S}sheets")
        assert sheets is not None
        self.sheets = {s.get("name"): "xl/" + str(target[s.get(f"{R}id")]) for s in sheets}
        sst = ET.fromstring(self.zip.read("xl/sharedStrings.xml"))
        self.strings = ["".join(t.text or "" for t in si.iter(f"{S}t")) for si in sst]
        styles = ET.fromstring(self.zip.read("xl/styles.xml"))
        fmts = {
            int(str(f.get("numFmtId"))): str(f.get("formatCode")) for f in styles.iter(f"{S}numFmt")
        }
        fonts = styles.find(f"{S}fonts")
        assert fonts is not None
        bold = [f.find(f"{S}b") is not None for f in fonts]
        xfs = styles.find(f"{S}cellXfs")
        assert xfs is not None
        self.xf = [
            (fmts.get(int(str(x.get("numFmtId"))), "General"), bold[int(str(x.get("fontId")))])
            for x in xfs
        ]

    def sheet(self, name: str) -> ET.Element:
        return ET.fromstring(self.zip.read(self.sheets[name]))

    def rows(self, name: str) -> list[list[tuple[object, str, bool]]]:
        """Every row as (value, number format, bold) per cell; numbers stay numbers."""
        out = []
        for row in self.sheet(name).iter(f"{S}row"):
            cells = []
            for c in row.findall(f"{S}c"):
                v = c.find(f"{S}v")
                fmt, bold = self.xf[int(c.get("s", "0"))]
                value: object = None
                if v is not None and c.get("t") == "s":
                    value = self.strings[int(str(v.text))]
                elif v is not None:
                    # As Excel reads it: a double (written by XlsxWriter with 16 digits).
                    number = float(str(v.text))
                    value = int(number) if number.is_integer() else number
                cells.append((value, fmt, bold))
            out.append(cells)
        return out


def find(rows: list[list[tuple[object, str, bool]]], key: object) -> list[tuple[object, str, bool]]:
    return next(r for r in rows if any(c[0] == key for c in r))


# --- xlsx -----------------------------------------------------------------------------------


def test_xlsx_blora_2021(tmp_path: Path) -> None:
    copy(tmp_path)
    proc = sakipgen("export", "blora", "--year", "2021", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "blora/build/tabel-2021.xlsx"
    data = (tmp_path / "blora" / "build" / "tabel-2021.xlsx").read_bytes()
    book = Buku(data)
    # No rencana-aksi.yaml in Blora 2021: that table is left out.
    assert list(book.sheets) == [
        "Capaian Indikator",
        "Capaian Sasaran",
        "IKU",
        "PK Target",
        "PK Program",
        "Anggaran",
        "Anggaran per Sasaran",
    ]

    cap = book.rows("Capaian Indikator")
    header = [c[0] for c in cap[0]]
    assert header[:12] == [
        "Kode Sasaran",
        "Sasaran",
        "Kode Indikator",
        "Indikator",
        "Satuan",
        "Target",
        "Sumber Target",
        "Realisasi",
        "Capaian (%)",
        "Kategori",
        "Capaian Tahun Lalu (%)",
        "Capaian thd Target Akhir Renstra (%)",
    ]
    assert all(c[2] for c in cap[0])  # bold header
    ik11 = dict(zip(header, find(cap, "IK1.1"), strict=True))
    assert ik11["Capaian (%)"] == (135.31, "#,##0.00", False)
    assert ik11["Target"] == (32, "#,##0", False)
    assert ik11["Realisasi"] == (43.3, "#,##0.00", False)  # written 43.30
    assert ik11["Kategori"][0] == "Sangat Baik"
    assert ik11["Capaian Tahun Lalu (%)"][0] == 117.31
    ik12 = dict(zip(header, find(cap, "IK1.2"), strict=True))
    assert ik12["Target"][:2] == (6825, "#,##0")
    assert ik12["Capaian (%)"][0] == 194.05

    pane = book.sheet("Capaian Indikator").find(f"{S}sheetViews/{S}sheetView/{S}pane")
    assert pane is not None and (pane.get("ySplit"), pane.get("state")) == ("1", "frozen")
    cols = book.sheet("Capaian Indikator").findall(f"{S}cols/{S}col")
    assert cols and all(float(str(c.get("width"))) >= 7 for c in cols)

    sas = book.rows("Capaian Sasaran")
    assert [c[0] for c in find(sas, "S1")][3] == 164.68
    total = find(sas, "Capaian keseluruhan (rata-rata capaian sasaran)")
    assert total[3] == (135.78, "#,##0.00", True)

    ang = book.rows("Anggaran")
    jumlah = find(ang, "JUMLAH")
    values = [c for c in jumlah if c[0] is not None]
    assert values == [
        ("JUMLAH", "General", True),
        (1727182400, "#,##0", True),
        (1576408211, "#,##0", True),
        (91.27, "#,##0.00", True),
        (150774189, "#,##0", True),
        (8.73, "#,##0.00", True),
    ]
    p01 = [c[0] for c in find(ang, "P01")]
    assert p01[:9] == [
        "Program",
        "P01",
        None,
        "Program Penilaian Kesehatan KSP/USP Koperasi",
        "S1",
        30000000,
        26200000,
        87.33,
        3800000,
    ]
    assert "Sub Kegiatan" in [r[0][0] for r in ang]
    per = book.rows("Anggaran per Sasaran")
    assert [c[0] for c in find(per, "S2")][3:6] == [
        721000000,
        715323691,
        99.21,
    ]
    pk = book.rows("PK Program")
    assert find(pk, "JUMLAH")[4][0] == 1727182400

    core = book.zip.read("docProps/core.xml").decode()
    # The date of dokumen.yaml (lkjip 2021-01-31), never the clock; Indonesian language.
    assert '<dcterms:created xsi:type="dcterms:W3CDTF">2021-01-31T00:00:00Z' in core
    assert "<dc:language>id-ID</dc:language>" in core

    again = sakipgen("export", "blora", "--year", "2021", "--out", "lagi.xlsx", cwd=tmp_path)
    assert again.returncode == 0
    assert (tmp_path / "lagi.xlsx").read_bytes() == data


def test_xlsx_rencana_aksi_buleleng(tmp_path: Path) -> None:
    copy(tmp_path, "buleleng")
    (tmp_path / "buleleng" / "2021" / "realisasi.yaml").unlink()  # a plan year
    (tmp_path / "keluar").mkdir()
    proc = sakipgen("export", "buleleng", "--out", "keluar", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    book = Buku((tmp_path / "keluar" / "tabel-2021.xlsx").read_bytes())
    # A plan year (no realisasi.yaml): no Capaian Sasaran; rencana aksi present.
    assert "Capaian Sasaran" not in book.sheets and "Rencana Aksi" in book.sheets
    ra = book.rows("Rencana Aksi")
    header = [c[0] for c in ra[0]]
    assert header[10:22] == ekspor.BULAN
    first = dict(zip(header, ra[1], strict=False))
    assert first["Kode Indikator"][0] == "IK1.1"
    assert first["Mar"][:2] == (19.37, "#,##0.00")  # written "19,37%"
    assert first["Des"][:2] == (77.5, "#,##0.0")  # written "77,5%"
    assert first["Target Setahun"][0] == 77.5
    # The PK Perubahan without "semula": one target column.
    pk = [c[0] for c in book.rows("PK Target")[0]]
    assert "Target" in pk and "Target Semula" not in pk


def test_numbers_keep_their_printed_decimals() -> None:
    """Every rounded figure becomes the double nearest its exact decimal: what XlsxWriter
    writes (16 significant digits) reads back as that same double, shown with the same
    two decimals."""
    for text in ("135.31", "99.21", "0.13", "8.73", "91.27", "43.30", "-1.25"):
        value = ekspor._angka_xlsx(Decimal(text))
        assert isinstance(value, float) and repr(value) == text.rstrip("0")
        assert float(f"{value:.16G}") == value
    whole = ekspor._angka_xlsx(Decimal("100.00"))
    assert whole == 100 and isinstance(whole, int)
    assert ekspor._angka_xlsx(1727182400) == 1727182400


# --- csv ------------------------------------------------------------------------------------


def read_csv(path: Path) -> list[list[str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 BOM: Excel reads the text right
    text = raw[3:].decode("utf-8")
    assert "\r\n" in text
    return [line.split(";") for line in text.split("\r\n") if line]


def test_csv_blora_2021(tmp_path: Path) -> None:
    copy(tmp_path)
    proc = sakipgen("export", "blora", "--format", "csv", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    folder = tmp_path / "blora" / "build" / "export-2021"
    assert proc.stdout.split() == [
        f"blora/build/export-2021/{n}.csv"
        for n in (
            "capaian-indikator",
            "capaian-sasaran",
            "iku",
            "pk-target",
            "pk-program",
            "anggaran",
            "anggaran-sasaran",
        )
    ]
    cap = read_csv(folder / "capaian-indikator.csv")
    assert cap[0][:9] == [
        "Kode Sasaran",
        "Sasaran",
        "Kode Indikator",
        "Indikator",
        "Satuan",
        "Target",
        "Sumber Target",
        "Realisasi",
        "Capaian (%)",
    ]
    ik11 = next(r for r in cap if r[2] == "IK1.1")
    assert ik11[4:12] == [
        "%",
        "32",
        "Perjanjian Kinerja",
        "43,30",
        "135,31",
        "Sangat Baik",
        "117,31",
        "135,31",
    ]
    ik21 = next(r for r in cap if r[2] == "IK2.1")
    assert ik21[5] == "2942679" and ik21[8] == "89,89"
    ang = read_csv(folder / "anggaran.csv")
    assert ang[-1] == [
        "",
        "",
        "",
        "JUMLAH",
        "",
        "1727182400",
        "1576408211",
        "91,27",
        "150774189",
        "8,73",
    ]


def test_csv_omits_tables_without_data_and_removes_stale_files(tmp_path: Path) -> None:
    copy(tmp_path, "sinjai")
    out = tmp_path / "tabel"
    out.mkdir()
    (out / "pk-target.csv").write_text("lama", encoding="utf-8")  # the user's own file
    (out / "catatan.txt").write_text("milik pengguna", encoding="utf-8")
    # Sinjai 2017 (realisasi, no anggaran) first: its capaian-sasaran.csv is written by
    # sakipgen and recorded in the manifest.
    first = sakipgen(
        "export", "sinjai", "--year", "2017", "--format", "csv", "--out", "tabel", cwd=tmp_path
    )
    assert first.returncode == 0, first.stderr
    assert (out / "capaian-sasaran.csv").is_file()
    proc = sakipgen(
        "export", "sinjai", "--year", "2018", "--format", "csv", "--out", "tabel", cwd=tmp_path
    )
    assert proc.returncode == 0, proc.stderr
    # Sinjai 2018: an RKT year (no realisasi, no PK, no rencana aksi). The stale
    # capaian-sasaran.csv that sakipgen wrote goes; pk-target.csv, which sakipgen never
    # wrote, stays (with a note), and so does the user's catatan.txt.
    assert sorted(p.name for p in out.iterdir()) == [
        ".sakipgen-ekspor.json",
        "anggaran-sasaran.csv",
        "anggaran.csv",
        "capaian-indikator.csv",
        "catatan.txt",
        "iku.csv",
        "pk-target.csv",
    ]
    assert (out / "pk-target.csv").read_text(encoding="utf-8") == "lama"
    assert "pk-target.csv dibiarkan" in proc.stderr


def test_csv_cells_are_not_formulas() -> None:
    t = ekspor.Tabel("T", "t", [ekspor.Kolom("A"), ekspor.Kolom("B", "persen")])
    t.tambah(['=HYPERLINK("x")', Decimal("0.5")])
    t.tambah(["-2 kop", Decimal("-1.25")])
    t.tambah(["-lain", None])
    text = ekspor.csv_bytes(t).decode("utf-8-sig").splitlines()
    # Every text cell starting with - gets its ' (whatever follows); a number does not.
    assert text[1:] == ['"\'=HYPERLINK(""x"")";0,50', "'-2 kop;-1,25", "'-lain;"]


# --- errors and start-up ------------------------------------------------------------------------


def test_export_bad_year_and_broken_data(tmp_path: Path) -> None:
    root = copy(tmp_path)
    assert sakipgen("export", "blora", "--year", "1999", cwd=tmp_path).returncode == 2
    target = root / "2021" / "target.yaml"
    target.write_text(target.read_text(encoding="utf-8").replace("IK2.2: 70", "IK2.9: 70"), "utf-8")
    proc = sakipgen("export", "blora", "--format", "csv", cwd=tmp_path)
    assert proc.returncode == 1 and "R001" in proc.stderr
    assert not (root / "build" / "export-2021").exists()


def test_check_does_not_import_xlsxwriter() -> None:
    script = (
        "import runpy, sys\n"
        "sys.argv = ['sakipgen', 'check', 'examples/blora']\n"
        "try:\n"
        "    runpy.run_module('sakipgen', run_name='__main__')\n"
        "except SystemExit:\n"
        "    pass\n"
        "print('XLSX', 'xlsxwriter' in sys.modules)\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert "XLSX False" in proc.stdout, proc.stdout + proc.stderr
    assert re.search(r"0 kesalahan", proc.stdout + proc.stderr)


def test_export_help_has_examples() -> None:
    proc = sakipgen("export", "--help")
    assert proc.returncode == 0 and "Contoh: sakipgen export" in proc.stdout
