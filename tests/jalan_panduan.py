"""The planner's guide (docs/panduan.md) is a script: its year is replayed here, from a
fresh folder, and every output it quotes is compared with what sakipgen prints.

The guide is read top to bottom and does what a planner does, in its order:

* a ```` ```sh ```` block whose lines are all ``sakipgen …`` commands is typed: each
  command runs (in-process, in the working folder), and the plain ```` ``` ```` block
  right after it (only blank lines between) is what the terminal showed: compared line
  by line, trailing spaces ignored, a line ``…`` standing for one or more lines left out.
  Blocks with other commands (installing, ``cd``, ``git``) are not replayed, nor
  ``--pdf`` (LibreOffice; ``tests/test_panduan`` builds a PDF through docs/gambar.py) and
  ``diff`` (it needs a git history; the guide quotes the import's table instead);
* a table right after ``<!-- ketik BERKAS LEMBAR -->`` is typed into that sheet of that
  workbook, as in Excel: each row goes to the row whose ``Kunci`` (else ``Indikator``)
  is the table's, or below the last row; ``6.500`` and ``5,2`` are typed numbers (what
  Excel set to Indonesian stores), any other text is text; an empty cell is not touched;
* ``<!-- simpan-sebagai BUKU BERKAS -->``: the workbook saved from Excel under another
  name and type (its first sheet as CSV, as "Save As CSV" does);
* a ```` ```yaml tempel=BERKAS ```` block is what the planner writes in that YAML file
  with a text editor: each top-level key of the block replaces the same key's lines in
  the file (a key the file lacks is added at its end);
* a ```` ```markdown tulis=BERKAS ```` block is a narrative file written whole.

``python -m tests.jalan_panduan [--tulis] [FOLDER]`` replays the guide in a temporary folder
(or in FOLDER, which it makes and keeps, to open the documents built) and prints each
command with its real output, then the blocks that differ; ``--tulis`` writes the real
output into each block that differs, except those with a ``…`` line (listed, to edit by
hand).
"""

from __future__ import annotations

import contextlib
import functools
import re
import shlex
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PANDUAN = ROOT / "docs" / "panduan.md"

TIDAK_DIULANG = ("--pdf", "sakipgen diff ")
"""Commands the guide shows that are not replayed (see the module's text)."""


@dataclass(frozen=True)
class Perintah:
    baris: int
    """The line of the guide the block starts at."""
    perintah: tuple[str, ...]
    keluaran: str | None
    """The output the guide quotes, or None."""


@dataclass(frozen=True)
class Ketik:
    baris: int
    berkas: str
    lembar: str
    judul: tuple[str, ...]
    isi: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Tempel:
    baris: int
    berkas: str
    teks: str


@dataclass(frozen=True)
class Tulis:
    baris: int
    berkas: str
    teks: str


@dataclass(frozen=True)
class SimpanSebagai:
    baris: int
    buku: str
    berkas: str


Langkah = Perintah | Ketik | SimpanSebagai | Tempel | Tulis

_PAGAR = re.compile(r"^```(?P<info>.*)$")
_KETIK = re.compile(r"^<!-- ketik (?P<berkas>\S+) (?P<lembar>[^-]+?) -->$")
_SIMPAN = re.compile(r"^<!-- simpan-sebagai (?P<buku>\S+) (?P<berkas>\S+) -->$")


def _sel(baris: str) -> tuple[str, ...]:
    return tuple(c.strip() for c in baris.strip().strip("|").split("|"))


def langkah(teks: str) -> list[Langkah]:
    """What the guide makes the planner do, in its order."""
    lines = teks.splitlines()
    out: list[Langkah] = []
    i = 0
    while i < len(lines):
        m = _KETIK.match(lines[i])
        if m:
            start = i
            i += 1
            judul = _sel(lines[i])
            i += 2  # the |---| line
            rows = []
            while i < len(lines) and lines[i].startswith("|"):
                rows.append(_sel(lines[i]))
                i += 1
            out.append(Ketik(start + 1, m["berkas"], m["lembar"], judul, tuple(rows)))
            continue
        m = _SIMPAN.match(lines[i])
        if m:
            out.append(SimpanSebagai(i + 1, m["buku"], m["berkas"]))
            i += 1
            continue
        m = _PAGAR.match(lines[i])
        if not m:
            i += 1
            continue
        start, info = i, m["info"].strip()
        body: list[str] = []
        i += 1
        while lines[i] != "```":
            body.append(lines[i])
            i += 1
        i += 1
        text = "\n".join(body) + "\n"
        if info == "sh":
            keluaran = None
            j = i
            while j < len(lines) and not lines[j].strip():
                j += 1
            if j < len(lines) and lines[j] == "```":
                k = j + 1
                while lines[k] != "```":
                    k += 1
                keluaran = "\n".join(lines[j + 1 : k]) + "\n"
                i = k + 1
            out.append(Perintah(start + 1, tuple(body), keluaran))
        elif info.startswith("yaml tempel="):
            out.append(Tempel(start + 1, info.split("=", 1)[1], text))
        elif info.startswith("markdown tulis="):
            out.append(Tulis(start + 1, info.split("=", 1)[1], text))
    return out


def diulang(p: Perintah) -> bool:
    """Whether a command block is replayed: only sakipgen commands, none of TIDAK_DIULANG."""
    return all(x.startswith("sakipgen ") for x in p.perintah) and not any(
        t in x for x in p.perintah for t in TIDAK_DIULANG
    )


# --- doing it -------------------------------------------------------------------------

_ANGKA = re.compile(r"^-?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?$")


def nilai_sel(teks: str) -> object:
    """What typing this into a cell of Excel set to Indonesian stores."""
    if _ANGKA.match(teks):
        d = Decimal(teks.replace(".", "").replace(",", "."))
        return int(d) if d == d.to_integral_value() else float(d)
    return teks


def ketik(kerja: Path, k: Ketik) -> None:
    from openpyxl import load_workbook

    path = kerja / k.berkas
    wb = load_workbook(path)
    ws = wb[k.lembar]
    kolom = {c.value: c.column for c in ws[1]}
    missing = [j for j in k.judul if j not in kolom]
    assert not missing, f"panduan.md:{k.baris}: sheet {k.lembar} has no column {missing}"
    kunci = next((j for j in ("Kunci", "Indikator") if j in k.judul), None)
    for row in k.isi:
        values = dict(zip(k.judul, row, strict=True))
        r = ws.max_row + 1
        if kunci is not None:
            c = kolom[kunci]
            r = next(
                (x for x in range(2, ws.max_row + 1) if ws.cell(x, c).value == values[kunci]), r
            )
        for judul, teks in values.items():
            if teks:
                ws.cell(r, kolom[judul]).value = nilai_sel(teks)
    wb.save(path)


def simpan_sebagai(kerja: Path, s: SimpanSebagai) -> None:
    import csv

    from openpyxl import load_workbook

    ws = load_workbook(kerja / s.buku).worksheets[0]
    with (kerja / s.berkas).open("w", encoding="utf-8", newline="") as f:
        csv.writer(f, delimiter=";").writerows(ws.iter_rows(values_only=True))


def tempel(kerja: Path, t: Tempel) -> None:
    path = kerja / t.berkas
    lines = path.read_text(encoding="utf-8").splitlines()

    def blok(xs: list[str], start: int) -> int:
        """The end of the top-level block starting at ``start`` (its trailing blank
        lines and comments excluded)."""
        end = start + 1
        while end < len(xs) and (not xs[end].strip() or xs[end][0] in " #"):
            end += 1
        while end > start + 1 and (not xs[end - 1].strip() or xs[end - 1].startswith("#")):
            end -= 1
        return end

    new = t.teks.splitlines()
    i = 0
    while i < len(new):
        end = blok(new, i)
        key = new[i].split(":", 1)[0]
        assert new[i][0] not in " #" and ":" in new[i], f"panduan.md:{t.baris}: {new[i]!r}"
        at = next((n for n, x in enumerate(lines) if x.split(":", 1)[0] == key), None)
        if at is None:
            lines += new[i:end]
        else:
            lines[at : blok(lines, at)] = new[i:end]
        i = end
        while i < len(new) and not new[i].strip():
            i += 1
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def tulis(kerja: Path, t: Tulis) -> None:
    path = kerja / t.berkas
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(t.teks, encoding="utf-8")


def jalankan(kerja: Path, perintah: str) -> tuple[int, str]:
    """One command as the guide types it, in ``kerja``: its exit code and what the
    terminal shows (stdout and stderr in the order they were written)."""
    from typer.testing import CliRunner

    from sakipgen.cli import app

    words = shlex.split(perintah)
    assert words[0] == "sakipgen"
    with contextlib.chdir(kerja):
        result = CliRunner().invoke(app, words[1:])
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.output


def cocok(harapan: str, nyata: str) -> bool:
    """Whether the real output is the quoted one, a ``…`` line standing for one or more
    lines, trailing spaces ignored."""
    want = [x.rstrip() for x in harapan.splitlines()]
    got = [x.rstrip() for x in nyata.splitlines()]

    @functools.cache
    def dari(i: int, j: int) -> bool:
        if i == len(want):
            return j == len(got)
        if want[i] == "…":
            return any(dari(i + 1, k) for k in range(j + 1, len(got) + 1))
        return j < len(got) and want[i] == got[j] and dari(i + 1, j + 1)

    return dari(0, 0)


@dataclass(frozen=True)
class Hasil:
    perintah: Perintah
    kode: tuple[int, ...]
    keluaran: str


def jalani(kerja: Path, teks: str | None = None) -> Iterator[Hasil]:
    """Replay the guide in the empty folder ``kerja``: each command block run, with its
    exit codes and output."""
    for step in langkah(teks if teks is not None else PANDUAN.read_text(encoding="utf-8")):
        if isinstance(step, Ketik):
            ketik(kerja, step)
        elif isinstance(step, SimpanSebagai):
            simpan_sebagai(kerja, step)
        elif isinstance(step, Tempel):
            tempel(kerja, step)
        elif isinstance(step, Tulis):
            tulis(kerja, step)
        elif diulang(step):
            runs = [jalankan(kerja, x) for x in step.perintah]
            yield Hasil(step, tuple(c for c, _ in runs), "".join(o for _, o in runs))


def tulis_ulang(teks: str, nyata: dict[int, str]) -> str:
    """The guide with the output block of each command block starting at a line of
    ``nyata`` replaced by that output (trailing spaces dropped)."""
    lines = teks.splitlines()
    for start in sorted(nyata, reverse=True):
        i = start  # the line after the ```sh fence (0-based: start is 1-based)
        while lines[i] != "```":
            i += 1
        i += 1
        while not lines[i].strip():
            i += 1
        assert lines[i] == "```", start
        end = i + 1
        while lines[end] != "```":
            end += 1
        lines[i + 1 : end] = [x.rstrip() for x in nyata[start].splitlines()]
    return "\n".join(lines) + "\n"


def main(argv: list[str]) -> int:
    import os

    os.environ.setdefault("SAKIPGEN_LANG", "id")
    tulis_ke = "--tulis" in argv
    argv = [a for a in argv if a != "--tulis"]
    beda: list[Hasil] = []
    with tempfile.TemporaryDirectory(prefix="sakipgen-panduan-") as tmp:
        os.environ["SAKIPGEN_CACHE"] = str(Path(tmp) / "cache")
        kerja = Path(argv[0]) if argv else Path(tmp) / "sakip-dinas"
        kerja.mkdir()  # a folder given must not exist yet; it is kept, to look at
        for h in jalani(kerja):
            print(f"### panduan.md:{h.perintah.baris} (exit {', '.join(map(str, h.kode))})")
            print("```sh\n" + "\n".join(h.perintah.perintah) + "\n```\n")
            print("```\n" + "\n".join(x.rstrip() for x in h.keluaran.splitlines()) + "\n```\n")
            if h.perintah.keluaran is not None and not cocok(h.perintah.keluaran, h.keluaran):
                beda.append(h)
    print(
        f"blocks that differ: {', '.join(f'panduan.md:{h.perintah.baris}' for h in beda) or 'none'}"
    )
    if tulis_ke and beda:
        keep = [h for h in beda if "…" in (h.perintah.keluaran or "").splitlines()]
        ganti = {h.perintah.baris: h.keluaran for h in beda if h not in keep}
        PANDUAN.write_text(tulis_ulang(PANDUAN.read_text(encoding="utf-8"), ganti), "utf-8")
        print(
            f"rewritten: {len(ganti)}; with '…', to edit by hand: "
            + (", ".join(f"panduan.md:{h.perintah.baris}" for h in keep) or "none")
        )
    return 1 if beda else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
