"""The pictures of the planner's guide (docs/panduan.md): one page of every document kind,
built from the examples, so the guide shows what sakipgen writes today.

    python docs/gambar.py                 # every picture: docs/gambar/<name>.png
    python docs/gambar.py lkjip e81       # only these
    python docs/gambar.py --out DIR pk    # somewhere else (the tests)

Each document is built with sakipgen from a copy of its example (`build --pdf`: LibreOffice
through its Python bridge, with the table of contents filled in), the first page holding the
picture's marker line is found with pdftotext, rasterised by pdftoppm in grey with its longer
side 900 pixels and written as a 16-level grey PNG (30-40 KB a page, so the repository stays
small). Needs LibreOffice Writer with python3-uno, and poppler-utils; run it after a change
that alters how a document looks, and commit the pictures.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import zlib
from dataclasses import dataclass
from pathlib import Path

DOCS = Path(__file__).resolve().parent
ROOT = DOCS.parent
SISI = 900
"""Pixels of a picture's longer side."""
TINGKAT = 16
"""Grey levels kept (4 bits a pixel)."""


@dataclass(frozen=True)
class Gambar:
    contoh: str
    """The example folder (examples/<contoh>)."""
    argumen: tuple[str, ...]
    """What follows `sakipgen build DIR`."""
    penanda: str
    """A regular expression: the picture is the first page with a line it matches (a line of
    a table of contents, with its leader dots, does not count)."""
    keterangan: str
    """What the picture shows (printed when it is written)."""


GAMBAR = {
    "rkt": Gambar(
        "blora",
        ("--doc", "rkt", "--year", "2020"),
        r"FORMULIR RENCANA KINERJA TAHUNAN",
        "RKT 2020 Blora: formulir RKT",
    ),
    "iku": Gambar(
        "tanjabbar",
        ("--doc", "iku"),
        r"TARGET KINERJA SASARAN PADA TAHUN",
        "IKU 2016-2021 Tanjung Jabung Barat: tabel IKU",
    ),
    "pk": Gambar(
        "blora",
        ("--doc", "pk", "--year", "2021"),
        r"^\s*PERJANJIAN KINERJA TAHUN",
        "PK 2021 Blora: pernyataan perjanjian kinerja",
    ),
    "pk-perubahan": Gambar(
        "buleleng",
        ("--doc", "pk", "--year", "2021"),
        r"LAMPIRAN PERJANJIAN KINERJA PERUBAHAN",
        "PK Perubahan 2021 Buleleng: lampiran, sasaran, indikator, target dan program",
    ),
    "rencana-aksi": Gambar(
        "buleleng",
        ("--doc", "rencana-aksi", "--year", "2021"),
        r"RENCANA AKSI ATAS PERJANJIAN KINERJA ESELON II TAHUN",
        "Rencana Aksi 2021 Buleleng: lampiran eselon II",
    ),
    "lkjip": Gambar(
        "blora",
        ("--doc", "lkjip", "--year", "2021"),
        r"^\s*Gambar 3\.1 ",
        "LKjIP 2021 Blora: BAB III, tabel dan grafik capaian sasaran 1",
    ),
    "monitoring": Gambar(
        "buleleng",
        ("--doc", "monitoring", "--year", "2021", "--triwulan", "3"),
        r"LAPORAN MONITORING RENCANA AKSI",
        "Laporan Monitoring Rencana Aksi TW III 2021 Buleleng: halaman pertama",
    ),
    "e81": Gambar(
        "buleleng",
        ("--doc", "e81", "--year", "2021", "--triwulan", "3"),
        r"^\s*Rata-rata capaian kinerja \(%\)",
        "E.81 TW III 2021 Buleleng: akhir tabel, baris yang tidak dinilai dan sebabnya, "
        "rata-rata dan predikat",
    ),
}
"""Picture name → how it is made. Every document kind (sakipgen.jenis.JENIS) has one under
its own name (a test checks it); pk-perubahan is the PK a second time, amended."""


class Gagal(Exception):
    pass


def _jalankan(
    args: list[str], env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[bytes]:
    proc = subprocess.run(args, capture_output=True, check=False, env=env)
    if proc.returncode != 0:
        err = proc.stderr.decode("utf-8", "replace").strip()
        raise Gagal(f"{' '.join(args[:6])} …: exit {proc.returncode}\n{err}")
    return proc


def halaman(pdf: Path, penanda: str) -> int:
    """The number (from 1) of the first page with a line ``penanda`` matches."""
    text = _jalankan(["pdftotext", "-layout", "-enc", "UTF-8", str(pdf), "-"]).stdout
    pola = re.compile(penanda)
    for nomor, page in enumerate(text.decode("utf-8").split("\f"), 1):
        if any(pola.search(x) and "....." not in x for x in page.splitlines()):
            return nomor
    raise Gagal(f"{pdf.name}: no page has a line matching {penanda!r}")


def _pgm(data: bytes) -> tuple[int, int, bytes]:
    """Width, height and pixels of a binary PGM (P5, 8 bits) as pdftoppm writes it."""
    m = re.match(rb"P5\s+(\d+)\s+(\d+)\s+(\d+)\s", data)
    if not m or m.group(3) != b"255":
        raise Gagal("pdftoppm did not write an 8-bit PGM")
    w, h = int(m.group(1)), int(m.group(2))
    return w, h, data[m.end() : m.end() + w * h]


def png_abu(w: int, h: int, pixels: bytes) -> bytes:
    """A 4-bit grey PNG of 8-bit grey pixels (each rounded to the nearest of 16 levels)."""
    table = bytes(round(v * (TINGKAT - 1) / 255) for v in range(256))
    rows = bytearray()
    for y in range(h):
        row = pixels[y * w : (y + 1) * w].translate(table)
        if w % 2:
            row += b"\x00"
        rows.append(0)  # filter: none
        rows += bytes((row[i] << 4) | row[i + 1] for i in range(0, len(row), 2))

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data)
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 4, 0, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(bytes(rows), 9))
        + chunk(b"IEND", b"")
    )


def buat(nama: str, out: Path, kerja: Path) -> str:
    """Build, convert and picture one; returns the line to print."""
    g = GAMBAR[nama]
    folder = kerja / nama / g.contoh
    shutil.copytree(
        ROOT / "examples" / g.contoh, folder, ignore=shutil.ignore_patterns("build", ".*")
    )
    docx = kerja / nama / f"{nama}.docx"
    env = {**os.environ, "SAKIPGEN_CACHE": str(kerja / "cache"), "NO_COLOR": "1"}
    args = [sys.executable, "-m", "sakipgen", "build", str(folder), *g.argumen]
    _jalankan([*args, "--out", str(docx), "--pdf", "--force"], env=env)
    pdf = docx.with_suffix(".pdf")
    nomor = halaman(pdf, g.penanda)
    stem = kerja / nama / "halaman"
    _jalankan(
        [
            *("pdftoppm", "-gray", "-singlefile", "-scale-to", str(SISI)),
            *("-f", str(nomor), "-l", str(nomor), str(pdf), str(stem)),
        ]
    )
    w, h, pixels = _pgm(stem.with_suffix(".pgm").read_bytes())
    data = png_abu(w, h, pixels)
    target = out / f"{nama}.png"
    target.write_bytes(data)
    try:
        shown = target.relative_to(Path.cwd())
    except ValueError:
        shown = target
    return f"{shown}: {g.keterangan}, halaman {nomor}, {w}x{h}, {len(data) // 1024} KB"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "nama", nargs="*", help=f"pictures to make (default all: {' '.join(GAMBAR)})"
    )
    parser.add_argument("--out", type=Path, default=DOCS / "gambar", help="folder to write into")
    opts = parser.parse_args(argv)
    unknown = [n for n in opts.nama if n not in GAMBAR]
    if unknown:
        parser.error(f"unknown picture {', '.join(unknown)}; known: {', '.join(GAMBAR)}")
    for tool, package in (("pdftotext", "poppler-utils"), ("pdftoppm", "poppler-utils")):
        if shutil.which(tool) is None:
            print(f"{tool} not found: sudo apt-get install {package}", file=sys.stderr)
            return 1
    opts.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="sakipgen-gambar-") as tmp:
        for nama in opts.nama or list(GAMBAR):
            try:
                print(buat(nama, opts.out, Path(tmp)), flush=True)
            except Gagal as e:
                print(f"{nama}: {e}", file=sys.stderr)
                return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
