"""Issue 10, red-team findings on what sakipgen writes and prints: CSV injection, an
export that deleted the user's files, forged GitHub annotations, control characters
and rich markup on the terminal, efisiensi % from a rounded serapan, and a capaian of
200 for a negative target.

Each folder is a copy of an example with its YAML edited; the CLI runs in-process.
Figures are computed by hand in the comments.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import re
import zipfile
from decimal import Decimal
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
from typer.testing import CliRunner, Result

from sakipgen import beda, ekspor
from sakipgen.calc.anggaran import hitung_anggaran
from sakipgen.calc.capaian import CapaianError, hitung
from sakipgen.calc.kategori import kategori
from sakipgen.calc.narasi import Konteks
from sakipgen.calc.tahun import hitung_tahun
from sakipgen.cli import app
from sakipgen.diagnostics import Diagnostic, Location, sebagai_github, sebagai_teks
from sakipgen.laporan import perubahan
from sakipgen.model.anggaran import AnggaranTahun, Program
from sakipgen.model.dinas import Profil
from sakipgen.model.folder import Dinas
from sakipgen.model.nilai import parse_nilai
from sakipgen.pipeline import Bundel, siapkan
from sakipgen.teks import teks_layar
from tests.conftest import bundel, ganti, salin

D = Decimal
S = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
# What must never reach a terminal from user data: C0/C1 controls, bidi overrides.
KENDALI = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def sakipgen(monkeypatch: pytest.MonkeyPatch, cwd: Path, *args: str) -> Result:
    monkeypatch.chdir(cwd)
    result = CliRunner(env={"NO_COLOR": "1", "GITHUB_ACTIONS": None}).invoke(app, list(args))
    # Only typer's Exit, never an exception the CLI let through ("internal error").
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(
        result.exception
    )
    return result


def baca_csv(path: Path) -> list[list[str]]:
    text = path.read_bytes().decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))


def muat(folder: Path) -> Dinas:
    b = siapkan(folder)
    assert b.dinas is not None and not b.galat, b.diagnostics
    return b.dinas


# --- 1. CSV injection ------------------------------------------------------------------------


def test_csv_quotes_every_text_cell_starting_like_a_formula() -> None:
    t = ekspor.Tabel(
        "T",
        "t",
        [ekspor.Kolom("=Judul"), ekspor.Kolom("%", "persen"), ekspor.Kolom("Rp", "rupiah")],
    )
    payloads = ["-2+3+cmd|' /C calc'!A0", "=1+1", "+1", "@SUM(A1)", "\t=1", "\r=1", "-", "-lain"]
    for text in payloads:
        t.tambah([text, D("-1.25"), -5])
    t.tambah(["2+3", D("0.5"), 0])  # not a formula start: as written
    rows = baca_csv_bytes(ekspor.csv_bytes(t))
    assert rows[0] == ["'=Judul", "%", "Rp"]  # the header row too
    assert [r[0] for r in rows[1:-1]] == ["'" + p for p in payloads]
    # sakipgen's own figures are numbers, never text: a negative one stays a number.
    assert all(r[1:] == ["-1,25", "-5"] for r in rows[1:-1])
    assert rows[-1] == ["2+3", "0,50", "0"]


def baca_csv_bytes(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=";"))


PAYLOAD_SASARAN = "-2+3+cmd|' /C calc'!A0"
PAYLOAD_INDIKATOR = "@SUM(1+1)*cmd|' /C calc'!A0"


def _folder_injeksi(tmp_path: Path) -> Path:
    root = salin(tmp_path)
    renstra = root / "renstra.yaml"
    ganti(
        renstra,
        "uraian: Meningkatnya kualitas koperasi serta kemandirian usaha mikro kecil dan menengah",
        f'uraian: "{PAYLOAD_SASARAN}"',
    )
    ganti(renstra, "uraian: Persentase koperasi sehat", f'uraian: "{PAYLOAD_INDIKATOR}"')
    return root


def test_csv_export_of_hostile_uraian(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _folder_injeksi(tmp_path)
    r = sakipgen(monkeypatch, tmp_path, "export", "blora", "--format", "csv", "--out", "tabel")
    assert r.exit_code == 0, r.output
    sas = baca_csv(tmp_path / "tabel" / "capaian-sasaran.csv")
    assert next(row for row in sas if row[0] == "S1")[1] == "'" + PAYLOAD_SASARAN
    ind = baca_csv(tmp_path / "tabel" / "capaian-indikator.csv")
    ik11 = next(row for row in ind if row[2] == "IK1.1")
    assert ik11[1] == "'" + PAYLOAD_SASARAN and ik11[3] == "'" + PAYLOAD_INDIKATOR


def test_xlsx_writes_text_as_strings_never_formulas(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _folder_injeksi(tmp_path)
    r = sakipgen(monkeypatch, tmp_path, "export", "blora", "--out", "tabel.xlsx")
    assert r.exit_code == 0, r.output
    with zipfile.ZipFile(tmp_path / "tabel.xlsx") as zf:
        sst = ET.fromstring(zf.read("xl/sharedStrings.xml"))
        strings = ["".join(t.text or "" for t in si.iter(f"{S}t")) for si in sst]
        sheets = [n for n in zf.namelist() if n.startswith("xl/worksheets/sheet")]
        cells = [c for n in sheets for c in ET.fromstring(zf.read(n)).iter(f"{S}c")]
    # The exact text (no ' needed: a string cell is never evaluated), as a string cell.
    assert PAYLOAD_SASARAN in strings and PAYLOAD_INDIKATOR in strings
    assert not [c for c in cells if c.find(f"{S}f") is not None]  # no formula anywhere
    by_string = {strings[int(str(c.findtext(f"{S}v")))] for c in cells if c.get("t") == "s"}
    assert {PAYLOAD_SASARAN, PAYLOAD_INDIKATOR} <= by_string


# --- 2. the export folder --------------------------------------------------------------------


def _isi(folder: Path) -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8-sig") for p in folder.iterdir() if p.is_file()}


EKSPOR_2017 = ("export", "sinjai", "--year", "2017", "--format", "csv", "--out", "tabel")


def test_export_never_deletes_a_file_it_did_not_write(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The finding: Sinjai 2017 has no anggaran.yaml and no rencana-aksi.yaml, and the
    # user's own anggaran.csv and rencana-aksi.csv in --out were deleted.
    salin(tmp_path, "sinjai")
    out = tmp_path / "tabel"
    out.mkdir()
    (out / "anggaran.csv").write_text("punya saya", encoding="utf-8")
    (out / "rencana-aksi.csv").write_text("punya saya juga", encoding="utf-8")
    r = sakipgen(monkeypatch, tmp_path, *EKSPOR_2017)
    assert r.exit_code == 0, r.output
    assert (out / "anggaran.csv").read_text(encoding="utf-8") == "punya saya"
    assert (out / "rencana-aksi.csv").read_text(encoding="utf-8") == "punya saya juga"
    for name in ("anggaran.csv", "rencana-aksi.csv"):
        assert f"tabel/{name} dibiarkan: tabelnya tidak ada di ekspor ini" in r.stderr
    assert r.stdout.split() == [
        "tabel/capaian-indikator.csv",
        "tabel/capaian-sasaran.csv",
        "tabel/iku.csv",
    ]


def test_manifest_removes_only_what_sakipgen_wrote_unchanged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    salin(tmp_path, "sinjai")
    out = tmp_path / "tabel"
    args = ("export", "sinjai", "--format", "csv", "--out", "tabel", "--year")
    assert sakipgen(monkeypatch, tmp_path, *args, "2018").exit_code == 0
    # Sinjai 2018 has anggaran: both budget tables are written and recorded.
    with (out / "anggaran.csv").open("a", encoding="utf-8") as fh:
        fh.write("catatan saya\r\n")  # the user edits one of them
    r = sakipgen(monkeypatch, tmp_path, *args, "2017")
    assert r.exit_code == 0, r.output
    names = sorted(p.name for p in out.iterdir())
    # anggaran-sasaran.csv was unchanged: removed; anggaran.csv was edited: kept, noted.
    assert names == [
        ".sakipgen-ekspor.json",
        "anggaran.csv",
        "capaian-indikator.csv",
        "capaian-sasaran.csv",
        "iku.csv",
    ]
    assert (out / "anggaran.csv").read_bytes().endswith(b"catatan saya\r\n")
    assert "tabel/anggaran.csv dibiarkan" in r.stderr and "sudah berubah" in r.stderr
    manifes = json.loads((out / ".sakipgen-ekspor.json").read_text(encoding="utf-8"))
    assert manifes["format"] == "sakipgen-ekspor-csv" and manifes["versi"] == 1
    assert manifes["berkas"] == {
        name: {
            "sha256": hashlib.sha256((out / name).read_bytes()).hexdigest(),
            "ukuran": (out / name).stat().st_size,
        }
        for name in ("capaian-indikator.csv", "capaian-sasaran.csv", "iku.csv")
    }


@pytest.mark.skipif(not hasattr(os, "symlink") or os.name == "nt", reason="symlink")
def test_planted_manifest_cannot_reach_outside_the_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    salin(tmp_path, "sinjai")
    out, luar = tmp_path / "tabel", tmp_path / "luar"
    (out / "sub").mkdir(parents=True)
    luar.mkdir()
    rahasia = b"rahasia pengguna"
    for target in (luar / "anggaran.csv", luar / "rencana-aksi.csv", out / "sub" / "anggaran.csv"):
        target.write_bytes(rahasia)
    (out / "anggaran.csv").symlink_to(luar / "anggaran.csv")
    sidik = {"sha256": hashlib.sha256(rahasia).hexdigest(), "ukuran": len(rahasia)}
    planted = {
        "berkas": {
            "../luar/rencana-aksi.csv": sidik,
            str(luar / "rencana-aksi.csv"): sidik,
            "sub/anggaran.csv": sidik,
            "anggaran.csv": sidik,  # names a symlink to a file with exactly that content
        }
    }
    (out / ".sakipgen-ekspor.json").write_text(json.dumps(planted), encoding="utf-8")
    r = sakipgen(monkeypatch, tmp_path, *EKSPOR_2017)
    assert r.exit_code == 0, r.output
    assert (out / "anggaran.csv").is_symlink()
    for target in (luar / "anggaran.csv", luar / "rencana-aksi.csv", out / "sub" / "anggaran.csv"):
        assert target.read_bytes() == rahasia


@pytest.mark.parametrize(
    "manifes",
    [
        "[" * 30000 + "]" * 30000,  # nested past Python's recursion limit
        "bukan json",
        '{"berkas": ["anggaran.csv"]}',
        '{"berkas": {"anggaran.csv": {"sha256": "XYZ", "ukuran": 3}}}',
        '{"berkas": {"anggaran.csv": {"sha256": "%s", "ukuran": true}}}' % ("0" * 64),
        " " * (64 * 1024) + "{}",  # larger than a manifest sakipgen writes
    ],
)
def test_a_malformed_manifest_removes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, manifes: str
) -> None:
    salin(tmp_path, "sinjai")
    out = tmp_path / "tabel"
    out.mkdir()
    (out / "anggaran.csv").write_text("abc", encoding="utf-8")
    (out / ".sakipgen-ekspor.json").write_text(manifes, encoding="utf-8")
    r = sakipgen(monkeypatch, tmp_path, *EKSPOR_2017)
    assert r.exit_code == 0, r.output
    assert (out / "anggaran.csv").read_text(encoding="utf-8") == "abc"


@pytest.mark.skipif(not hasattr(os, "symlink") or os.name == "nt", reason="symlink")
def test_a_symlinked_manifest_is_not_trusted_nor_written_through(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    salin(tmp_path, "sinjai")
    out = tmp_path / "tabel"
    out.mkdir()
    data = b"isi yang sama"
    (out / "anggaran.csv").write_bytes(data)
    elsewhere = tmp_path / "manifes-lain.json"
    text = json.dumps(
        {"berkas": {"anggaran.csv": {"sha256": hashlib.sha256(data).hexdigest(), "ukuran": 13}}}
    )
    elsewhere.write_text(text, encoding="utf-8")
    (out / ".sakipgen-ekspor.json").symlink_to(elsewhere)
    r = sakipgen(monkeypatch, tmp_path, *EKSPOR_2017)
    assert r.exit_code == 0, r.output
    assert (out / "anggaran.csv").read_bytes() == data
    assert elsewhere.read_text(encoding="utf-8") == text
    assert not (out / ".sakipgen-ekspor.json").is_symlink()


def test_out_that_cannot_be_written_is_a_usage_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    salin(tmp_path)
    (tmp_path / "berkas.txt").write_text("x", encoding="utf-8")
    csv_args = ("export", "blora", "--format", "csv", "--out")
    r = sakipgen(monkeypatch, tmp_path, *csv_args, "berkas.txt")
    assert r.exit_code == 2 and "--out berkas.txt: untuk csv, --out adalah folder." in r.stderr
    # A file where a parent folder should be: mkdir fails.
    r = sakipgen(monkeypatch, tmp_path, *csv_args, "berkas.txt/tabel")
    assert r.exit_code == 2
    assert "sakipgen export: tidak dapat menulis ke 'berkas.txt/tabel'" in r.stderr
    r = sakipgen(monkeypatch, tmp_path, "export", "blora", "--out", "berkas.txt/t.xlsx")
    assert r.exit_code == 2
    assert "sakipgen export: tidak dapat menulis ke 'berkas.txt/t.xlsx'" in r.stderr
    assert "kesalahan internal" not in r.output + r.stderr
    assert (tmp_path / "berkas.txt").read_text(encoding="utf-8") == "x"


def test_a_failed_write_is_a_usage_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A read-only --out folder, without relying on permissions (CI runs as root, which
    # may write anywhere): the disk says no.
    def menolak(path: Path, data: bytes) -> None:
        raise PermissionError(13, "Permission denied", str(path))

    salin(tmp_path)
    from sakipgen.ekspor import berkas_csv, berkas_xlsx

    monkeypatch.setattr(berkas_csv, "tulis_atomik", menolak)
    monkeypatch.setattr(berkas_xlsx, "tulis_atomik", menolak)
    for fmt in ("csv", "xlsx"):
        r = sakipgen(monkeypatch, tmp_path, "export", "blora", "--format", fmt, "--out", "t")
        assert r.exit_code == 2, r.output
        assert "sakipgen export: tidak dapat menulis ke 't" in r.stderr
        assert "Permission denied" in r.stderr


# --- 3. GitHub annotations ---------------------------------------------------------------


def test_github_properties_and_message_are_escaped() -> None:
    d = Diagnostic.make(
        Location("a,line=1,title=x:y.yaml", 3, 5), "C001", "100% gagal\n::error::palsu"
    )
    # Properties: % : , escaped (%25 %3A %2C); message: % escaped, the line break a space
    # (one line), so "::error::" cannot start a command of its own.
    assert sebagai_github([d]) == (
        "::error file=a%2Cline=1%2Ctitle=x%3Ay.yaml,line=3,col=5,title=C001"
        "::100%25 gagal ::error::palsu"
    )
    w = Diagnostic.make(Location("data/100%.yaml"), "F006", "berkas '100%.yaml'\r")
    assert (
        sebagai_github([w]) == "::warning file=data/100%25.yaml,title=F006::berkas '100%25.yaml' "
    )


def test_check_github_on_a_hostile_file_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = salin(tmp_path)
    (root / "a,line=1,title=x:y.yaml").write_text("x: 1\n", encoding="utf-8")
    (root / "100%.yaml").write_text("x: 1\n", encoding="utf-8")
    r = sakipgen(monkeypatch, tmp_path, "check", "blora", "--format", "github")
    lines = r.stdout.splitlines()
    assert (
        "::warning file=blora/a%2Cline=1%2Ctitle=x%3Ay.yaml,line=1,col=1,title=F006"
        "::berkas 'a,line=1,title=x:y.yaml' tidak dikenal dan diabaikan"
    ) in lines
    assert (
        "::warning file=blora/100%25.yaml,line=1,col=1,title=F006"
        "::berkas '100%25.yaml' tidak dikenal dan diabaikan"
    ) in lines
    for line in lines:
        props = line.split(" ", 1)[1].split("::", 1)[0]
        assert [p.split("=", 1)[0] for p in props.split(",")] == ["file", "line", "col", "title"]


# --- 4. the terminal -----------------------------------------------------------------------


def test_teks_layar() -> None:
    assert teks_layar("a\x1b[2Jb") == "a\\x1b[2Jb"
    assert teks_layar("\u202eabc\u2066") == "\\u202eabc\\u2066"
    assert teks_layar("\x9b31m\x07\x7f") == "\\x9b31m\\x07\\x7f"
    assert teks_layar("baris\nbaru\r\ttab") == "baris baru  tab"
    assert teks_layar("Rp 1.000 — é 中 [bold]") == "Rp 1.000 — é 中 [bold]"


def _folder_layar(tmp_path: Path) -> Path:
    root = salin(tmp_path)
    renstra = root / "renstra.yaml"
    # YAML double-quoted escapes: \e is ESC, \a BEL, \x9b the one-byte CSI.
    ganti(
        renstra,
        "uraian: Meningkatnya kualitas koperasi serta kemandirian usaha mikro kecil dan menengah",
        'uraian: "\\e[31mmerah\\e]0;judul\\a [bold red]x[/]"',
    )
    ganti(
        renstra,
        "uraian: Persentase koperasi sehat",
        'uraian: "[link=file:///etc/passwd]y[/link] :smile:"',
    )
    ganti(renstra, "satuan: US$", 'satuan: "\\u202Edsu\\u2066\\x9b2J"')
    return root


def test_show_text_has_no_control_characters_and_no_markup(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _folder_layar(tmp_path)
    r = sakipgen(monkeypatch, tmp_path, "show", "blora", "--year", "2021")
    assert r.exit_code == 0, r.output
    assert not KENDALI.search(r.stdout)
    assert "S1. \\x1b[31mmerah\\x1b]0;judul\\x07 [bold red]x[/]" in r.stdout
    assert "IK1.1 [link=file:///etc/passwd]y[/link] :smile:" in r.stdout  # literal, no emoji
    assert "\\u202edsu\\u2066\\x9b2J" in r.stdout
    # JSON keeps the exact text.
    r = sakipgen(monkeypatch, tmp_path, "show", "blora", "--year", "2021", "--format", "json")
    data = json.loads(r.stdout)
    assert data["sasaran"][0]["uraian"] == "\x1b[31mmerah\x1b]0;judul\x07 [bold red]x[/]"
    assert data["sasaran"][1]["indikator"][0]["satuan"] == "\u202edsu\u2066\x9b2J"


def test_check_text_shows_hostile_file_names_on_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if os.name == "nt":
        pytest.skip("file names with control characters")
    root = salin(tmp_path)
    for name in ("q\x1b[2J.yaml", "z\nrenstra.yaml:1:1: C001 palsu.yaml", "w\u202eqqq.yaml"):
        (root / name).write_text("x: 1\n", encoding="utf-8")
    r = sakipgen(monkeypatch, tmp_path, "check", "blora")
    assert not KENDALI.search(r.stdout)
    lines = r.stdout.splitlines()
    assert (
        "blora/q\\x1b[2J.yaml:1:1: F006 (peringatan) berkas 'q\\x1b[2J.yaml' "
        "tidak dikenal dan diabaikan"
    ) in lines
    assert (
        "blora/w\\u202eqqq.yaml:1:1: F006 (peringatan) berkas 'w\\u202eqqq.yaml' "
        "tidak dikenal dan diabaikan"
    ) in lines
    # The line break became a space: no line pretends to be a C001 of renstra.yaml.
    assert not [ln for ln in lines if ln.startswith("renstra.yaml")]
    assert (
        "blora/z renstra.yaml:1:1: C001 palsu.yaml:1:1: F006 (peringatan) berkas "
        "'z renstra.yaml:1:1: C001 palsu.yaml' tidak dikenal dan diabaikan"
    ) in lines


def test_check_text_with_colour_prints_only_its_own_escapes() -> None:
    d = Diagnostic.make(Location("a\x1b[2J.yaml", 1, 1), "S001", "kunci '\x1b]0;x\x07' \u202e")
    out = sebagai_teks([d], color=True)
    assert out == "a\\x1b[2J.yaml:1:1: \x1b[31mS001\x1b[0m kunci '\\x1b]0;x\\x07' \\u202e"


def test_diff_text_has_no_control_characters_and_no_markup() -> None:
    from rich.console import Console

    change = beda.Perubahan(
        jenis="sasaran_uraian",
        tahun=None,
        dokumen="renstra",
        lokasi="renstra.yaml",
        id="S1",
        uraian="[bold]tebal[/bold] \x1b]8;;file:///etc/passwd\x1b\\tautan",
        lama="lama\u202e",
        baru=":smile: \x9b2J",
    )
    label = perubahan.label_revisi(Bundel(None, (), revisi="v1\x1b[2J", commit="0123456789abcdef"))
    assert label == "v1\\x1b[2J (0123456789)"
    # The diff command's own console: markup on, as rich's default.
    buf = io.StringIO()
    Console(file=buf, width=200, force_terminal=True, no_color=True).print(
        perubahan.sebagai_teks([change], f"antara {label} dan working tree")
    )
    text = re.sub(r"\x1b\[[0-9;]*m", "", buf.getvalue())  # rich's own styling
    assert not KENDALI.search(text)
    assert "[bold]tebal[/bold] \\x1b]8;;file:///etc/passwd\\x1b\\tautan" in text
    assert ":smile: \\x9b2J" in text and "lama\\u202e" in text
    assert "antara v1\\x1b[2J (0123456789) dan working tree" in text


# --- 5. efisiensi % ------------------------------------------------------------------------

PROGRAM = """program:
  - id: P01
    uraian: Program satu
    sasaran: S1
    pagu: 4000
    realisasi: 3651
  - id: P05
    uraian: Program dua
    sasaran: S2
    pagu: 1000
    realisasi: 1000
"""


def _folder_efisiensi(tmp_path: Path) -> Path:
    root = salin(tmp_path)
    path = root / "2021" / "anggaran.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: text.index("program:")] + PROGRAM, encoding="utf-8")
    return root


# S1: serapan 3651 / 4000 × 100 = 91,275 → 91,28; efisiensi 4000 − 3651 = 349,
# 349 / 4000 × 100 = 8,725 → 8,73 (100 − 91,28 would print 8,72).
# Total: pagu 5000, realisasi 4651, serapan 93,02, efisiensi 349, 349 / 5000 = 6,98.


def test_efisiensi_persen_per_sasaran_from_its_own_figures() -> None:
    data = AnggaranTahun(
        program=[
            Program(id="P01", uraian="a", sasaran=["S1"], pagu=4000, realisasi=3651),
            Program(id="P05", uraian="b", sasaran=["S2"], pagu=1000, realisasi=1000),
        ]
    )
    h = hitung_anggaran(data, ["S1", "S2"])
    s1, s2 = h.sasaran
    assert (s1.serapan, s1.efisiensi, s1.efisiensi_persen) == (D("91.28"), 349, D("8.73"))
    assert h.program[0].efisiensi_persen == D("8.73")
    assert (s2.efisiensi, s2.efisiensi_persen) == (0, D("0.00"))
    assert (h.total.efisiensi_persen, h.efisiensi_persen) == (D("6.98"), D("6.98"))
    # One decimal (profil desimal 1): pagu 400, realisasi 365: serapan 91,25 → 91,3;
    # efisiensi 35 / 400 = 8,75 → 8,8, where 100 − 91,3 would be 8,7.
    one = hitung_anggaran(
        AnggaranTahun(
            program=[Program(id="X", uraian="x", sasaran=["S1"], pagu=400, realisasi=365)]
        ),
        ["S1"],
        places=1,
    )
    assert (one.sasaran[0].serapan, one.sasaran[0].efisiensi_persen) == (D("91.3"), D("8.8"))


def test_efisiensi_persen_in_show_export_and_narrative(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = _folder_efisiensi(tmp_path)
    r = sakipgen(monkeypatch, tmp_path, "show", "blora", "--year", "2021", "--format", "json")
    assert r.exit_code == 0, r.output
    ang = json.loads(r.stdout)["anggaran"]
    s1 = ang["sasaran"][0]
    assert (s1["id"], s1["serapan"], s1["efisiensi"], s1["efisiensi_persen"]) == (
        "S1",
        "91.28",
        "349",
        "8.73",
    )
    assert s1["program"][0]["efisiensi_persen"] == "8.73"
    assert (ang["efisiensi"], ang["efisiensi_persen"]) == ("349", "6.98")

    r = sakipgen(monkeypatch, tmp_path, "show", "blora", "--year", "2021")
    row = next(ln for ln in r.stdout.splitlines() if "S1. Meningkatnya" in ln and "4.000" in ln)
    assert re.search(r"│\s*4.000\s*│\s*3.651\s*│\s*91,28\s*│\s*349\s*│\s*8,73\s*│", row)

    r = sakipgen(monkeypatch, tmp_path, "export", "blora", "--format", "csv", "--out", "t")
    assert r.exit_code == 0, r.output
    sas = baca_csv(tmp_path / "t" / "anggaran-sasaran.csv")
    assert next(x for x in sas if x[0] == "S1")[3:] == ["4000", "3651", "91,28", "349", "8,73"]
    ang_csv = baca_csv(tmp_path / "t" / "anggaran.csv")
    assert next(x for x in ang_csv if x[1] == "P01")[5:] == ["4000", "3651", "91,28", "349", "8,73"]

    dinas = muat(root)
    hasil, _diags = hitung_tahun(dinas, 2021)
    assert Konteks(dinas, hasil).functions()["efisiensi_persen_sasaran"]("S1") == "8,73"


def test_efisiensi_persen_in_the_lkjip(tmp_path: Path) -> None:
    from sakipgen.render import susun

    hasil = susun(bundel(_folder_efisiensi(tmp_path)), "lkjip", 2021)
    assert hasil.data is not None, [d.text() for d in hasil.diagnostics]
    from tests.baca_docx import buka, semua_baris, teks_dokumen

    dok = buka(hasil.data)
    rows = semua_baris(dok)
    # Tabel efisiensi: No, Sasaran, capaian, serapan, efisiensi Rp, efisiensi %.
    s1 = next(r for r in rows if r and r[0] == "1." and len(r) == 6 and r[4] == "349")
    assert s1[3:] == ["91,28", "349", "8,73"]
    assert "efisiensi penggunaan sumber dana sebesar 8,73%" in teks_dokumen(dok)


# --- 6. negative target ---------------------------------------------------------------------

PROFIL = Profil()
RASIO = Profil(metode_negatif="rasio")


def _cap(
    target: object, realisasi: object, polaritas: str = "positif", profil: Profil = PROFIL
) -> D:
    return hitung(parse_nilai(target), parse_nilai(realisasi), polaritas, profil)


@pytest.mark.parametrize(
    ("target", "realisasi", "polaritas", "profil", "pada"),
    [
        (-2, -4, "positif", PROFIL, "target"),  # R / T would be 200
        (-2, -1, "negatif", PROFIL, "target"),  # (2T − R) / T = (−4 + 1) / −2 = 150
        (-2, -1, "negatif", RASIO, "target"),  # T / R = 200
        (-1, -2, "stabil", PROFIL, "target"),  # R / a = 200 below the band
        ("-5 - 5", -10, "positif", PROFIL, "target"),  # a range bound below 0
        ("-2 dan 3", "-4 dan 3", "positif", PROFIL, "target"),  # a compound part
        (5, -1, "negatif", RASIO, "realisasi"),  # T / R = −500, R = −10 → −50: upside down
    ],
)
def test_capaian_not_computed_below_zero(
    target: object, realisasi: object, polaritas: str, profil: Profil, pada: str
) -> None:
    with pytest.raises(CapaianError) as exc:
        _cap(target, realisasi, polaritas, profil)
    assert (exc.value.code, exc.value.pada) == ("C007", pada)


def test_negative_realisasi_against_a_positive_target_is_computed() -> None:
    # positif: −5 / 10 × 100 = −50,00, the lowest kategori (permendagri-86, the default
    # scale: < 51 Sangat Rendah): a lower realisasi still gives a lower capaian.
    assert _cap(10, -5) == D("-50.00")
    assert kategori(D("-50.00"), PROFIL) == "Sangat Rendah"
    # negatif selisih: (2 × 5 − (−1)) / 5 × 100 = 220,00 (lower is better: above 200).
    assert _cap(5, -1, "negatif") == D("220.00")
    # A target of 0 keeps its own code.
    with pytest.raises(CapaianError) as exc:
        _cap(0, -1)
    assert exc.value.code == "C001"


def _folder_negatif(tmp_path: Path) -> Path:
    root = salin(tmp_path)
    ganti(root / "2021" / "target.yaml", "    IK1.1: 32\n", "    IK1.1: -2\n")
    ganti(root / "2021" / "realisasi.yaml", "    nilai: 43.30\n", "    nilai: -4\n")
    return root


def test_negative_target_is_a_located_diagnostic(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _folder_negatif(tmp_path)
    r = sakipgen(monkeypatch, tmp_path, "check", "blora")
    assert r.exit_code == 1
    # Line 5 of target.yaml is "    IK1.1: -2": the value starts at column 12.
    assert (
        "blora/2021/target.yaml:5:12: C007 IK1.1: target '-2' di bawah 0: rumus capaian "
        "tidak berlaku; isi 'capaian' secara manual beserta 'alasan' [pk.indikator.IK1.1.target]"
    ) in r.stdout.splitlines()


def test_negative_target_has_no_capaian_unless_entered_by_hand(tmp_path: Path) -> None:
    from sakipgen.laporan import angka as show

    root = _folder_negatif(tmp_path)
    dinas = siapkan(root).dinas
    assert dinas is not None
    hasil, diags = hitung_tahun(dinas, 2021)
    assert [d.code for d in diags] == ["C007"]
    ik11 = hasil.sasaran[0].indikator[0]
    assert (ik11.indikator.id, ik11.capaian, ik11.kategori) == ("IK1.1", None, None)
    # S1 is the mean of IK1.2 alone: 13244 / 6825 × 100 = 194,05.
    assert hasil.sasaran[0].capaian == D("194.05")
    assert show.sebagai_data(dinas, hasil)["sasaran"][0]["indikator"][0]["capaian"] is None
    # The remedy the message names: a capaian entered by hand, with alasan.
    ganti(
        root / "2021" / "realisasi.yaml",
        "    nilai: -4\n",
        '    nilai: -4\n    capaian: 50\n    alasan: "target turun dari -2 ke -4"\n',
    )
    dinas = muat(root)
    hasil, diags = hitung_tahun(dinas, 2021)
    assert not [d for d in diags if d.code == "C007"]
    assert (hasil.sasaran[0].indikator[0].capaian, hasil.sasaran[0].indikator[0].manual) == (
        D("50.00"),
        True,
    )
