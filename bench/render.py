"""Render time of every document of every example, in-process and as a whole process.

Usage: python bench/render.py [REPEAT]

Prints the import floor (`python -c "import typer, pydantic, ruamel.yaml, jinja2, docx,
rich"`), then per example and document: the in-process render time (best of REPEAT,
with a warm build cache: templates compiled, charts drawn once) and the whole
`sakipgen build` process time as a multiple of the floor. Goals (issue 4): the whole
`build examples/blora --doc lkjip` within 2x the floor; in-process LKjIP under 30 ms.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from _umum import IMPORT_FLOOR, best, dokumen_contoh


def main() -> None:
    from sakipgen import render

    repeat = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    floor = best(lambda: subprocess.run(IMPORT_FLOOR, check=True), repeat)
    print(f"import floor: {floor * 1000:.0f} ms")
    with tempfile.TemporaryDirectory() as tmp:
        for work, bundel, jenis, tahun in dokumen_contoh(Path(tmp)):
            inproc = best(lambda d=bundel, j=jenis, t=tahun: render.susun(d, j, t), repeat)
            cmd = [sys.executable, "-m", "sakipgen", "build", str(work), "--doc", jenis]
            subprocess.run(cmd, check=True, capture_output=True)  # warm the cache
            whole = best(lambda c=cmd: subprocess.run(c, check=True, capture_output=True), repeat)
            print(
                f"{work.name:10s} {jenis:13s} {tahun}  in-process {inproc * 1000:6.1f} ms"
                f"   whole build {whole * 1000:5.0f} ms = {whole / floor:4.1f}x floor"
            )


if __name__ == "__main__":
    main()
