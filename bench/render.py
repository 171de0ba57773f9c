"""Render time of every document of every example, in-process and as a whole process.

Usage: python bench/render.py [REPEAT]

Prints the import floor (`python -c "import typer, pydantic, ruamel.yaml, jinja2, docx,
rich"`), then per example and document: the in-process render time (best of REPEAT,
with a warm build cache: templates compiled, charts drawn once) and the whole
`sakipgen build` process time as a multiple of the floor. Goals (issue 4): the whole
`build examples/blora --doc lkjip` within 2x the floor; in-process LKjIP under 30 ms.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"


def best(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def main() -> None:
    from sakipgen import render
    from sakipgen.checks import periksa

    repeat = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    floor_cmd = [sys.executable, "-c", "import typer, pydantic, ruamel.yaml, jinja2, docx, rich"]
    floor = best(lambda: subprocess.run(floor_cmd, check=True), repeat)
    print(f"import floor: {floor * 1000:.0f} ms")
    with tempfile.TemporaryDirectory() as tmp:
        for folder in sorted(p for p in EXAMPLES.iterdir() if (p / "sakip.yaml").is_file()):
            work = Path(tmp) / folder.name
            shutil.copytree(folder, work, ignore=shutil.ignore_patterns("build"))
            dinas, _ = periksa(work)
            assert dinas is not None
            render.CACHE_DIR = work / "build" / ".cache"
            for jenis in render.JENIS:
                tahun = render.tahun_bawaan(dinas, jenis)
                if tahun is None or render.build(dinas, jenis, tahun).data is None:
                    continue
                inproc = best(lambda d=dinas, j=jenis, t=tahun: render.build(d, j, t), repeat)
                cmd = [sys.executable, "-m", "sakipgen", "build", str(work), "--doc", jenis]
                subprocess.run(cmd, check=True, capture_output=True)  # warm the cache
                whole = best(
                    lambda c=cmd: subprocess.run(c, check=True, capture_output=True), repeat
                )
                print(
                    f"{folder.name:10s} {jenis:13s} {tahun}  in-process {inproc * 1000:6.1f} ms"
                    f"   whole build {whole * 1000:5.0f} ms = {whole / floor:4.1f}x floor"
                )


if __name__ == "__main__":
    main()
