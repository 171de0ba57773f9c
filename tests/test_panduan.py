"""The planner's guide (docs/panduan.md): a picture of a page of every document kind,
made by docs/gambar.py from the examples and linked from the guide; the README links the
guide right after its two commands; every command the guide prints exists with the
options it is given. (Making the pictures needs LibreOffice: that test asks `perlu`.)"""

from __future__ import annotations

import importlib.util
import re
import shlex
import struct
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import typer

from sakipgen.jenis import JENIS
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
