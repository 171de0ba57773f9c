"""The sha256 of everything sakipgen writes for the examples, to prove that a change
of code left the output byte-identical.

Usage: python bench/sidik_keluaran.py > before.txt  (change the code)
       python bench/sidik_keluaran.py > after.txt && diff before.txt after.txt

For every example: every document `build --doc <kind>` writes (each kind by name), and for every year with
data the `export` workbook and CSV files and `show --format json`.  Each command runs
in its own process with a throw-away cache, as a user would run it.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from _umum import contoh

from sakipgen.jenis import JENIS


def sakipgen(*args: str, cache: Path) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "SAKIPGEN_CACHE": str(cache), "NO_COLOR": "1"}
    return subprocess.run(
        [sys.executable, "-m", "sakipgen", *args], capture_output=True, env=env, check=False
    )


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        lines: list[str] = []
        for folder in contoh():
            out = work / folder.name
            cache = work / "cache"
            # Each kind by name: --doc all leaves out the documents the data leaves thin.
            for kind in JENIS:
                sakipgen("build", str(folder), "--doc", kind, "--out", str(out), cache=cache)
            years = sorted({int(p.name) for p in folder.iterdir() if p.name.isdigit()})
            for year in years:
                y = str(year)
                shown = sakipgen("show", str(folder), "--year", y, "--format", "json", cache=cache)
                if shown.returncode == 0:
                    lines.append(
                        f"{hashlib.sha256(shown.stdout).hexdigest()}  {folder.name}/show-{y}.json"
                    )
                sakipgen(
                    "export", str(folder), "--year", y, "--out", str(out / f"tabel-{y}.xlsx"),
                    cache=cache,
                )  # fmt: skip
                sakipgen(
                    "export", str(folder), "--year", y, "--format", "csv",
                    "--out", str(out / f"csv-{y}"), cache=cache,
                )  # fmt: skip
            for path in sorted(out.rglob("*")):
                if path.is_file():
                    digest = hashlib.sha256(path.read_bytes()).hexdigest()
                    lines.append(f"{digest}  {path.relative_to(work)}")
        print("\n".join(sorted(lines, key=lambda x: x[66:])))


if __name__ == "__main__":
    main()
