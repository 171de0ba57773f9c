"""Where the time of a batch LKjIP goes, stage by stage, and what that allows.

Usage: python bench/tahap.py [--repeat 15] [--salinan 40] [--jobs 2]

Prints, for examples/blora's LKjIP:

1. each stage of one dinas in a warm process, as a batch worker runs it after its first
   dinas (best of REPEAT): loading the folder, calculating and checking, rendering (the
   template, the plain-data conversion, the zip, the hollow-part scan, the rest) and
   writing;
2. the fixed costs of a batch, from a fresh process with a fresh cache (median of 5):
   start-up until the workers can be forked, and how much longer a worker's first dinas
   takes than the next ones (templates compiled, first-use costs);
3. the arithmetic of ``build`` over SALINAN copies with ``--jobs JOBS``: the LKjIP per
   second those figures allow, and the time per dinas that 50 per second would need.

``bench/run.py`` measures the batch itself; this script says why it takes what it takes.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from _umum import EXAMPLES, best

PY = sys.executable

# Runs in a fresh process, as ``sakipgen build`` does: the collector policy first, then
# the command line's imports, then a batch's preparation, then two dinas.
_PROSES_BARU = """
import json, sys, time
t = {"mulai": time.time()}
from sakipgen import proses
proses.mulai()
import sakipgen.cli
t["impor_cli"] = time.time()
from pathlib import Path
from sakipgen import batch
batch._siapkan_proses({"lkjip"})
t["siap"] = time.time()
for i, folder in enumerate(sys.argv[1:3]):
    r = batch.bangun(batch.Permintaan(Path(folder), ("lkjip",), paksa=True, eksplisit=True))
    assert r.ditulis and not r.gagal, r.pesan
    t[f"dinas{i + 1}"] = time.time()
print(json.dumps(t))
"""


def _env(cache: Path) -> dict[str, str]:
    env = {**os.environ, "SAKIPGEN_CACHE": str(cache)}
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # as an installed package runs
    return env


def _tahap(folder: Path, repeat: int) -> dict[str, float]:
    """Milliseconds per stage of one dinas in a warm process."""
    from sakipgen import batch, render
    from sakipgen.load import muat_dinas
    from sakipgen.pipeline import Pilihan, siapkan
    from sakipgen.render import data, kelengkapan, paket, sandbox

    batch._siapkan_proses({"lkjip"})
    bundel = siapkan(folder, pilihan=Pilihan(dokumen=True))
    tahun = 2021
    # Each inner stage is timed by wrapping the module attribute the renderer looks up
    # when it runs (render.susun imports them at call time).
    jumlah: dict[str, float] = {}
    dipasang: list[tuple[Any, str, Any]] = []

    def ukur(modul: Any, nama: str, label: str) -> None:
        asli = getattr(modul, nama)
        dalam = [0]  # polos calls itself: only the outermost call is timed

        def terukur(*args: Any, **kwargs: Any) -> Any:
            dalam[0] += 1
            t0 = time.perf_counter()
            try:
                return asli(*args, **kwargs)
            finally:
                dalam[0] -= 1
                if not dalam[0]:
                    jumlah[label] = jumlah.get(label, 0.0) + time.perf_counter() - t0

        dipasang.append((modul, nama, asli))
        setattr(modul, nama, terukur)

    def satu_render() -> None:
        jumlah.clear()
        render.susun(bundel, "lkjip", tahun)

    out: dict[str, float] = {}
    out["load"] = best(lambda: muat_dinas(folder, None), repeat) * 1000
    siapkan_ms = best(lambda: siapkan(folder, pilihan=Pilihan(dokumen=True)), repeat) * 1000
    out["calc + checks"] = siapkan_ms - out["load"]
    out["render"] = best(lambda: render.susun(bundel, "lkjip", tahun), repeat) * 1000

    for modul, nama, label in (
        (sandbox, "render", "template"),
        (data, "polos", "plain data"),
        (paket, "zip_docx", "zip"),
        (kelengkapan, "bagian_kosong", "hollow scan"),
    ):
        ukur(modul, nama, label)
    terbaik: dict[str, float] = {}
    for _ in range(repeat):
        satu_render()
        for label, detik in jumlah.items():
            terbaik[label] = min(terbaik.get(label, math.inf), detik * 1000)
    for modul, nama, asli in dipasang:
        setattr(modul, nama, asli)
    out.update({f"  {k}": v for k, v in terbaik.items()})
    permintaan = batch.Permintaan(folder, ("lkjip",), paksa=True, eksplisit=True)
    bangun_ms = best(lambda: batch.bangun(permintaan), repeat) * 1000
    out["write, manifest"] = bangun_ms - siapkan_ms - out["render"]
    out["one dinas"] = bangun_ms
    return out


def _biaya_tetap(salinan: list[Path], work: Path) -> dict[str, float]:
    """Median milliseconds of a fresh process's fixed costs, each run with a new cache."""
    runs: list[dict[str, float]] = []
    for i in range(5):
        cache = work / f"cache-{i}"
        t0 = time.time()
        proc = subprocess.run(
            [PY, "-c", _PROSES_BARU, *map(str, salinan[:2])],
            capture_output=True,
            text=True,
            check=True,
            env=_env(cache),
        )
        t = json.loads(proc.stdout)
        runs.append(
            {
                "start-up to the command line's imports": (t["impor_cli"] - t0) * 1000,
                "ready to fork workers": (t["siap"] - t0) * 1000,
                "first dinas": (t["dinas1"] - t["siap"]) * 1000,
                "second dinas": (t["dinas2"] - t["dinas1"]) * 1000,
            }
        )
    return {k: statistics.median(r[k] for r in runs) for k in runs[0]}


def _cetak(rows: dict[str, float]) -> None:
    for label, ms in rows.items():
        print(f"  {label:40s} {ms:7.1f} ms")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--salinan", type=int, default=40, help="copies of examples/blora")
    parser.add_argument("--jobs", type=int, default=2)
    opts = parser.parse_args()

    print(f"machine: {os.cpu_count()} CPU, Python {sys.version.split()[0]}")
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        # Manifests and compiled templates go to a cache of this run, not the user's.
        os.environ["SAKIPGEN_CACHE"] = str(work / "cache")
        salinan = []
        for i in range(2):
            folder = work / f"blora-{i}"
            shutil.copytree(EXAMPLES / "blora", folder, ignore=shutil.ignore_patterns("build"))
            salinan.append(folder)

        print(f"1. one Blora LKjIP in a warm process (best of {opts.repeat}):")
        tahap = _tahap(salinan[0], opts.repeat)
        _cetak(tahap)

        print("2. fixed costs, fresh process and cache (median of 5):")
        tetap = _biaya_tetap(salinan, work)
        _cetak(tetap)

    per_dinas = tahap["one dinas"]
    siap = tetap["ready to fork workers"]
    lebih = max(tetap["first dinas"] - tetap["second dinas"], 0.0)
    putaran = math.ceil(opts.salinan / opts.jobs)
    wall = siap + lebih + putaran * per_dinas
    anggaran = (opts.salinan / 50 * 1000 - siap - lebih) / putaran
    print(f"3. {opts.salinan} copies with --jobs {opts.jobs} on {opts.jobs} free cores:")
    print(
        f"  ready {siap:.0f} + first-dinas extra {lebih:.0f} + {putaran} x {per_dinas:.1f} ms"
        f" = {wall:.0f} ms, about {opts.salinan / wall * 1000:.1f} LKjIP/s"
        " (process exit and scheduling not counted)"
    )
    print(
        f"  50 LKjIP/s allows {opts.salinan / 50 * 1000:.0f} ms: {anggaran:.1f} ms per dinas"
        f" with these fixed costs, {per_dinas / max(anggaran, 0.1):.1f}x less than now"
    )


if __name__ == "__main__":
    main()
