"""The planner's guide (docs/panduan.md): a picture of a page of every document kind,
made by docs/gambar.py from the examples and linked from the guide; the README links the
guide right after its two commands; every command the guide prints exists with the
options it is given. (Making the pictures needs LibreOffice: that test asks `perlu`.)"""

from __future__ import annotations

import importlib.util
import json
import re
import shlex
import struct
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import typer

from sakipgen.jenis import JENIS
from tests.baca_docx import buka, semua_baris, teks_dokumen
from tests.conftest import ROOT, perlu

DOCS = ROOT / "docs"
PANDUAN = DOCS / "panduan.md"
BATAS_BYTE = 60_000
"""A picture's most bytes (they are about 30 KB): the repository stays small."""


def _gambar() -> ModuleType:
    spec = importlib.util.spec_from_file_location("gambar", DOCS / "gambar.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["gambar"] = module  # dataclasses look the module up
    try:
        spec.loader.exec_module(module)
    finally:
        del sys.modules["gambar"]
    return module


def _ukuran_png(data: bytes) -> tuple[int, int, int, int]:
    """Width, height, bit depth and colour type from a PNG's header."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    length, kind = struct.unpack(">I4s", data[8:16])
    assert kind == b"IHDR" and length == 13
    w, h, depth, colour = struct.unpack(">IIBB", data[16:26])
    return w, h, depth, colour


def test_every_document_kind_has_its_picture_and_the_guide_shows_each() -> None:
    gambar = _gambar()
    names = set(gambar.GAMBAR)
    assert set(JENIS) <= names, "a document kind without a picture in docs/gambar.py"
    pictures = {p.stem for p in (DOCS / "gambar").glob("*.png")}
    assert pictures == names  # none missing, none left over
    text = PANDUAN.read_text(encoding="utf-8")
    for name in sorted(names):
        data = (DOCS / "gambar" / f"{name}.png").read_bytes()
        w, h, depth, colour = _ukuran_png(data)
        assert max(w, h) == gambar.SISI and min(w, h) > gambar.SISI // 2, (name, w, h)
        assert (depth, colour) == (4, 0), name  # 16 grey levels
        assert len(data) <= BATAS_BYTE, (name, len(data))
        links = re.findall(rf"!\[[^\]]+\]\(gambar/{re.escape(name)}\.png\)", text)
        assert len(links) == 1, f"the guide shows gambar/{name}.png {len(links)} times"
    # Each example the pictures are made from exists, and builds that kind.
    for name, g in gambar.GAMBAR.items():
        assert (ROOT / "examples" / g.contoh / "sakip.yaml").is_file(), name
        doc = g.argumen[g.argumen.index("--doc") + 1]
        assert doc in JENIS and (doc == name or name.startswith(doc)), name


def test_the_readme_links_the_guide_right_after_its_two_commands() -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = [m.end() for m in re.finditer(r"```sh\n.*?\n```\n", text, re.S)][:2]
    assert text.startswith("# sakipgen\n\n```sh\n")
    after = text[blocks[1] :].lstrip("\n").split("\n\n", 1)[0]
    assert "(docs/panduan.md)" in after, after


def _perintah(text: str) -> list[list[str]]:
    """Every `sakipgen …` line of the guide's shell blocks, as its words."""
    lines = []
    for block in re.findall(r"```sh\n(.*?)\n```", text, re.S):
        lines += [shlex.split(x) for x in block.splitlines() if x.startswith("sakipgen ")]
    return lines


def test_every_command_of_the_guide_exists_with_its_options() -> None:
    from sakipgen.cli import app

    root = typer.main.get_command(app)
    commands = getattr(root, "commands", None)
    assert commands, root  # a group of commands
    lines = _perintah(PANDUAN.read_text(encoding="utf-8"))
    assert len(lines) >= 15
    used = set()
    for words in lines:
        if words[1].startswith("--"):  # sakipgen --version
            assert words[1] in {o for p in root.params for o in p.opts}, words
            continue
        command = commands.get(words[1])
        assert command is not None, f"no command {words[1]!r}: {shlex.join(words)}"
        known = {o for p in command.params for o in p.opts}
        for word in words[2:]:
            if word.startswith("--"):
                assert word in known, f"{words[1]} has no {word}: {shlex.join(words)}"
        used.add(words[1])
    # The year of a planner, all of it: start, Excel both ways, check, build, show.
    assert {"init", "check", "export", "import", "build", "show"} <= used


def test_the_picture_script_makes_the_committed_picture(tmp_path: Path) -> None:
    """docs/gambar.py builds, converts and pictures a page (here the PK's, two pages)
    of the size committed."""
    perlu("uno", "pdftotext")
    name = "pk"
    proc = subprocess.run(
        [sys.executable, str(DOCS / "gambar.py"), "--out", str(tmp_path), name],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith(str(tmp_path / f"{name}.png")), proc.stdout
    made = _ukuran_png((tmp_path / f"{name}.png").read_bytes())
    assert made == _ukuran_png((DOCS / "gambar" / f"{name}.png").read_bytes())


# --- the guide's year, replayed (tests/jalan_panduan.py) ------------------------------


def test_the_matcher_of_quoted_output_can_fail() -> None:
    from tests.jalan_panduan import cocok

    assert cocok("a\n…\nd\n", "a\nb\nc\nd\n")
    assert cocok("a  \nb\n", "a\nb   \n")  # trailing spaces, as a terminal pads tables
    assert not cocok("a\n…\nd\n", "a\nd\n")  # '…' stands for at least one line
    assert not cocok("a\nb\n", "a\nb\nc\n")  # nothing left over
    assert not cocok("a\nb\n", "a\nB\n")


def test_tempel_replaces_a_top_level_block_and_adds_a_missing_one(tmp_path: Path) -> None:
    from tests.jalan_panduan import Tempel, tempel

    (tmp_path / "x.yaml").write_text(
        "# kepala\nkop:\n  alamat: A  # lama\n  # faks: …\n\n# berikut\natasan: {jabatan: B}\n"
    )
    tempel(tmp_path, Tempel(1, "x.yaml", "kop:\n  alamat: C\nvisi: V\n"))
    assert (tmp_path / "x.yaml").read_text() == (
        "# kepala\nkop:\n  alamat: C\n\n# berikut\natasan: {jabatan: B}\nvisi: V\n"
    )


def test_the_guide_names_only_codes_that_exist() -> None:
    from sakipgen.diagnostics import RULES

    codes = set(re.findall(r"\b[A-Z]\d{3}\b", PANDUAN.read_text(encoding="utf-8")))
    assert codes and codes <= set(RULES), sorted(codes - set(RULES))
    # The codes a planner meets most each have their line in "Kalau check mengeluh".
    table = PANDUAN.read_text(encoding="utf-8").split("### 4.4", 1)[1].split("\n## ", 1)[0]
    for code in ("N001", "N007", "R001", "K001", "K024", "C002", "X001", "X005"):
        assert f"\n| {code}" in table or f", {code} |" in table, code


def test_the_guide_year_replayed_from_an_empty_folder_prints_what_it_quotes(
    tmp_path: Path,
) -> None:
    """Every command of docs/panduan.md that sakipgen alone runs, run in its order from an
    empty folder with the guide's Excel typing, YAML and narrative in between
    (tests/jalan_panduan.py), prints what the guide quotes; then the year's figures are
    the ones worked out by hand from what the guide types."""
    from tests.jalan_panduan import cocok, jalani, jalankan, langkah

    kerja = tmp_path / "sakip-dinas"
    kerja.mkdir()
    hasil = list(jalani(kerja))
    quoted = [h for h in hasil if h.perintah.keluaran is not None]
    assert len(quoted) >= 40, len(quoted)  # the year, not a sample of it
    assert all(c in (0, 1) for h in hasil for c in h.kode), [
        (h.perintah.baris, h.kode) for h in hasil if 2 in h.kode
    ]
    beda = [
        f"panduan.md:{h.perintah.baris} {h.perintah.perintah[0]}\n{h.keluaran}"
        for h in quoted
        if h.perintah.keluaran is not None and not cocok(h.perintah.keluaran, h.keluaran)
    ]
    assert not beda, (
        "the guide quotes another output (python -m tests.jalan_panduan --tulis rewrites "
        "them):\n" + "\n".join(beda)
    )
    steps = langkah(PANDUAN.read_text(encoding="utf-8"))
    assert sum(type(s).__name__ == "Ketik" for s in steps) >= 20  # Excel all the way
    assert "TODO" not in PANDUAN.read_text(encoding="utf-8")

    # The year, by hand from the guide's tables (its end: PK Perubahan in force).
    # IK1.1 akhir_periode: TW IV 32 against 30: 106,666… → 106,67.  IK1.2 jumlah:
    # 1.700 + 1.800 + 1.700 + 1.900 = 7.100 against the PK Perubahan's 6.800: 104,411… →
    # 104,41.  IK2.1: the year's 61 against 60: 101,666… → 101,67.  IK2.2 negatif,
    # rata_rata: (5,2 + 4,9 + 5,4 + 4,8) / 4 = 5,075 → 5,08; (2 × 5 − 5,08) / 5 × 100 =
    # 98,40.  S1 (106,67 + 104,41) / 2 = 105,54; S2 (101,67 + 98,40) / 2 = 100,035 →
    # 100,04; overall (105,54 + 100,04) / 2 = 102,79.  Pagu 800 + 250 + 450 + 1.150 + 150
    # = 2.800 million; realisasi P01 (150 + 160 + 160 + 170) + (30 + 35 + 35 + 40) = 780,
    # P02 40 + 60 + 70 + 75 = 245, P03 95 + 100 + 120 + 125 = 440, P04 150 + 400 + 350 +
    # 230 = 1.130, P05 30 + 40 + 40 + 38 = 148: 2.743 million, serapan 97,964… → 97,96.
    code, out = jalankan(kerja, "sakipgen show dinas-perdagangan --format json")
    assert code == 0, out
    data = json.loads(out)
    capaian = {i["id"]: i["capaian"] for s in data["sasaran"] for i in s["indikator"]}
    assert capaian == {"IK1.1": "106.67", "IK1.2": "104.41", "IK2.1": "101.67", "IK2.2": "98.40"}
    assert [s["capaian"] for s in data["sasaran"]] == ["105.54", "100.04"]
    assert data["capaian"] == "102.79" and data["sumber_target"] == "pk_perubahan"
    assert (data["anggaran"]["pagu"], data["anggaran"]["realisasi"]) == ("2800000000", "2743000000")
    assert data["anggaran"]["serapan"] == "97.96"
    # Triwulan III ends 30 September, before the PK Perubahan dated 6 Oktober: the PK's
    # 6.500, and 1.700 + 1.800 + 1.700 = 5.200 of it, 80,00.
    code, out = jalankan(kerja, "sakipgen show dinas-perdagangan --triwulan 3 --format json")
    assert code == 0, out
    tw3 = json.loads(out)
    assert tw3["sumber_target"] == "pk" and tw3["pk_perubahan"]["berlaku"] is False
    ik12 = next(i for i in tw3["indikator"] if i["id"] == "IK1.2")
    assert (ik12["target"], ik12["realisasi"], ik12["capaian"]) == ("6500", "5200", "80.00")
    # E.81 triwulan I, column 14 against the end of the Renstra (target_akhir, else 2029):
    # kinerja IK1.1 28/35 = 80,00; IK1.2 1.700/37.500 = 4,53; IK2.2 (2 × 4 − 5,2)/4 =
    # 70,00; P02 25/100 = 25,00; its kegiatan 10/220 = 4,55; P03 1/10 = 10,00; its
    # kegiatan 1.700/37.500 = 4,53; P04 0/100 and its kegiatan 0/10 = 0,00; P05 92/95 =
    # 96,84; its kegiatan 3/12 = 25,00 (IK2.1 and the penunjang program not graded): 320,45
    # / 11 = 29,13.  Rupiah, triwulan I against the five years' pagu indikatif: P01
    # 180/4.200 = 4,29, its kegiatan 150/3.400 = 4,41 and 30/800 = 3,75; P02 and its
    # kegiatan 40/1.350 = 2,96; P03 and its kegiatan 95/2.250 = 4,22; P04 and its kegiatan
    # 150/6.000 = 2,50; P05 and its kegiatan 30/810 = 3,70: 39,21 / 11 = 3,56.
    code, out = jalankan(kerja, "sakipgen show dinas-perdagangan --triwulan 1 --format json")
    assert code == 0, out
    e81 = json.loads(out)["e81"]
    assert (e81["rata_rata_k"], e81["rata_rata_rp"]) == ("29.13", "3.56")
    assert (e81["dinilai_k"], e81["dinilai_rp"]) == ([11, 15], [11, 11])

    # What the guide says the documents print.  The RKT was built at the start of the
    # year, after the DPA: pagu 800 + 250 + 400 + 1.150 + 150 = 2.750 million.
    build = kerja / "dinas-perdagangan" / "build"
    rkt = teks_dokumen(buka((build / "rkt-2025.docx").read_bytes()))
    assert (
        "Pada tahun 2025 dinas membina 6.500 usaha mikro, dengan anggaran Rp 2.750.000.000." in rkt
    )
    pk = buka((build / "pk-2025.docx").read_bytes())
    assert "PERJANJIAN KINERJA PERUBAHAN TAHUN 2025" in teks_dokumen(pk)
    rows = [r for r in semua_baris(pk) if "Jumlah usaha mikro yang dibina" in " ".join(r)]
    # semula and perubahan, the unit after a no-break space
    assert rows and rows[0][-2:] == ["6.500\xa0unit", "6.800\xa0unit"], rows
    tw3 = teks_dokumen(buka((build / "monitoring-2025-tw3.docx").read_bytes()))
    assert "ATAS PERJANJIAN KINERJA TAHUN 2025" in tw3 and "KINERJA PERUBAHAN" not in tw3
