"""What the benchmark scripts share: best-of timing, the import floor, the examples."""

from __future__ import annotations

import shutil
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sakipgen.pipeline import Bundel

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
# The import floor a whole process is measured against, as issue 12 defines it: the
# libraries of the chosen package set.  sakipgen no longer imports python-docx (it
# writes WordprocessingML itself), so the floor without it is printed too, stricter.
IMPORT_FLOOR = [sys.executable, "-c", "import typer, pydantic, ruamel.yaml, jinja2, docx, rich"]
IMPORT_FLOOR_TANPA_DOCX = [
    sys.executable,
    "-c",
    "import typer, pydantic, ruamel.yaml, jinja2, rich",
]


def best(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def contoh() -> list[Path]:
    return sorted(p for p in EXAMPLES.iterdir() if (p / "sakip.yaml").is_file())


def dokumen_contoh(work: Path) -> Iterator[tuple[Path, Bundel, str, int]]:
    """Copy each example into WORK and yield every document it can build, cache warmed.

    Yields (copied folder, the pipeline's bundle, jenis, tahun); the first build of each
    document has run, so its templates are compiled before anything is timed.
    """
    from sakipgen import render
    from sakipgen.jenis import JENIS, tahun_bawaan
    from sakipgen.pipeline import Pilihan, siapkan

    for folder in contoh():
        salinan = work / folder.name
        if not salinan.exists():
            shutil.copytree(folder, salinan, ignore=shutil.ignore_patterns("build"))
        bundel = siapkan(salinan, pilihan=Pilihan(dokumen=True))
        dinas = bundel.dinas
        assert dinas is not None, folder
        for jenis in JENIS:
            tahun = tahun_bawaan(dinas, jenis)
            if tahun is None or render.susun(bundel, jenis, tahun).data is None:
                continue
            yield salinan, bundel, jenis, tahun
