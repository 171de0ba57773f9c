"""The performance figures of sakipgen on this machine, in one run.

Usage: python bench/run.py [--dinas 200] [--salinan 40] [--repeat 5]

Prints:
- the import floor: `python -c "import typer, pydantic, ruamel.yaml, jinja2, docx, rich"`
  as issue 12 writes it, and the stricter one without python-docx;
- whole-process `sakipgen check examples/blora` and `sakipgen build examples/blora --doc
  lkjip` (warm cache: built-in templates compiled) as multiples of both floors (goals
  1,5x and 2x);
- in-process render time per document kind of the examples;
- LKjIP per second building 40 copies of examples/blora cold with --jobs 2 (issue 12's
  measure; goal >= 50);
- documents per second building N generated dinas (bench/make_kabupaten.py) with
  --jobs 1 and --jobs 2 (all documents, and LKjIP only; goal >= 50 LKjIP/s with 2 jobs);
- a no-change rebuild of the N dinas (goal < 2 s);
- peak RSS of the build processes (goal < 200 MiB).
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _umum import EXAMPLES, IMPORT_FLOOR, IMPORT_FLOOR_TANPA_DOCX, ROOT, best, dokumen_contoh

PY = sys.executable


def run(
    args: list[str], cwd: Path = ROOT, cache: Path | None = None
) -> subprocess.CompletedProcess[str]:
    # sakipgen's own cache (manifests, compiled built-in templates) lives outside the
    # dinas folders: each measurement names the one it may use, so "cold" really is cold.
    env = {**os.environ, **({"SAKIPGEN_CACHE": str(cache)} if cache else {})}
    # An installed package has its bytecode compiled (pip does it); a machine that sets
    # PYTHONDONTWRITEBYTECODE would otherwise time compiling sakipgen in every process.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return subprocess.run(args, cwd=cwd, capture_output=True, text=True, check=False, env=env)


def timed(
    args: list[str], cwd: Path = ROOT, cache: Path | None = None
) -> tuple[float, subprocess.CompletedProcess[str]]:
    t0 = time.perf_counter()
    proc = run(args, cwd, cache)
    return time.perf_counter() - t0, proc


def yaml_loading(repeat: int) -> None:
    """Why the loader composes nodes with the C parser instead of round-trip loading."""
    from ruamel.yaml import YAML

    from sakipgen.diagnostics import Diagnostic
    from sakipgen.load.akses import Akses
    from sakipgen.load.yaml_reader import baca_yaml

    files = sorted(EXAMPLES.rglob("*.yaml"))
    texts = [f.read_text(encoding="utf-8") for f in files]
    size = sum(len(t.encode()) for t in texts) / 1e6

    def rt() -> None:
        y = YAML(typ="rt")
        for t in texts:
            y.load(t)

    def ours() -> None:
        diags: list[Diagnostic] = []
        akses = Akses(EXAMPLES)
        for f in files:
            akses.sisa_simpul = 1_000_000  # one folder's alias budget per file here
            baca_yaml(akses, f, diags)

    for label, fn in (
        ("ruamel round-trip load", rt),
        ("sakipgen reader (C compose + positions)", ours),
    ):
        t = best(fn, repeat)
        print(f"YAML {label:40s} {size / t:6.2f} MB/s ({t * 1000:.0f} ms for {size * 1000:.0f} kB)")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--dinas", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--salinan", type=int, default=40, help="copies of examples/blora")
    opts = parser.parse_args()
    repeat = opts.repeat

    print(f"machine: {os.cpu_count()} CPU, Python {sys.version.split()[0]}")
    assert run(IMPORT_FLOOR).returncode == 0, "python-docx missing: pip install -e '.[test]'"
    floor = best(lambda: run(IMPORT_FLOOR), repeat)
    strict = best(lambda: run(IMPORT_FLOOR_TANPA_DOCX), repeat)
    print(f"import floor (issue 12, with docx)   {floor * 1000:7.0f} ms")
    print(f"import floor without docx            {strict * 1000:7.0f} ms")

    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        blora = work / "blora"
        shutil.copytree(EXAMPLES / "blora", blora, ignore=shutil.ignore_patterns("build"))
        warm = work / "cache-blora"
        check_cmd = [PY, "-m", "sakipgen", "check", str(blora)]
        run(check_cmd, cache=warm)  # writes sakipgen's bytecode where it is missing
        check = best(lambda: run(check_cmd, cache=warm), repeat * 2)
        print(
            f"check examples/blora                 {check * 1000:7.0f} ms = {check / floor:4.2f}x floor "
            f"(goal 1,5x), {check / strict:4.2f}x without docx"
        )
        build_cmd = [PY, "-m", "sakipgen", "build", str(blora), "--doc", "lkjip", "--force"]
        run(build_cmd, cache=warm)  # compiles the built-in templates into the cache
        build = best(lambda: run(build_cmd, cache=warm), repeat * 2)
        print(
            f"build --doc lkjip examples/blora     {build * 1000:7.0f} ms = {build / floor:4.2f}x floor "
            f"(goal 2x), {build / strict:4.2f}x without docx"
        )

        yaml_loading(repeat)

        from sakipgen import render

        print("in-process render (warm cache):")
        for folder, bundel, jenis, tahun in dokumen_contoh(work):
            t = best(lambda d=bundel, j=jenis, y=tahun: render.susun(d, j, y), repeat)
            print(f"  {folder.name:10s} {jenis:13s} {tahun} {t * 1000:7.1f} ms")

        # Issue 12's own measure: N plain copies of examples/blora, LKjIP, two jobs, cold
        # (no manifest, no compiled templates: a fresh cache folder for each run).
        salinan = work / "salinan"
        for i in range(opts.salinan):
            shutil.copytree(
                EXAMPLES / "blora",
                salinan / f"blora{i:03d}",
                ignore=shutil.ignore_patterns("build"),
            )
        lkjip_s = []
        for ulang in range(repeat):
            for d in salinan.iterdir():
                shutil.rmtree(d / "build", ignore_errors=True)
            secs, proc = timed(
                [PY, "-m", "sakipgen", "build", str(salinan), "--doc", "lkjip", "--jobs", "2"],
                cache=work / f"cache-salinan-{ulang}",
            )
            assert proc.returncode == 0, proc.stderr
            lkjip_s.append(len(proc.stdout.split()) / secs)
        print(
            f"build {opts.salinan} copies of examples/blora, LKjIP --jobs 2 (cold): "
            f"best {max(lkjip_s):5.1f} LKjIP/s, median {sorted(lkjip_s)[len(lkjip_s) // 2]:5.1f} "
            "(goal >= 50)"
        )

        kab = work / "kab"
        make = [PY, str(ROOT / "bench" / "make_kabupaten.py"), str(opts.dinas), str(kab)]
        for jobs in (1, 2):
            for label, doc, extra in (
                # --doc all builds only the documents each dinas's data fills completely
                ("complete docs", "all", []),
                # LKjIP-sized documents: a kabupaten whose dinas all have an LKjIP year
                ("LKjIP only", "lkjip", ["--dari", "blora", "--dari", "sinjai"]),
            ):
                shutil.rmtree(kab, ignore_errors=True)
                made = run(make + extra)
                assert made.returncode == 0, made.stderr
                cache = work / f"cache-{jobs}-{doc}"  # fresh: no build manifest yet
                secs, proc = timed(
                    [PY, "-m", "sakipgen", "build", str(kab), "--doc", doc, "--jobs", str(jobs)],
                    cache=cache,
                )
                n = len(proc.stdout.split())
                print(
                    f"build {opts.dinas} dinas, {label:13s} --jobs {jobs}: {n:4d} documents in "
                    f"{secs:6.2f} s = {n / secs:6.1f} documents/s (cold)"
                )
        secs, proc = timed(
            [PY, "-m", "sakipgen", "build", str(kab), "--doc", "lkjip", "--jobs", "2", "--force"],
            cache=cache,
        )
        n = len(proc.stdout.split())
        print(
            f"rebuild {opts.dinas} dinas, LKjIP only --jobs 2 --force: {n} documents in {secs:.2f} s "
            f"= {n / secs:.1f} documents/s (every document rebuilt)"
        )
        secs, proc = timed(
            [PY, "-m", "sakipgen", "build", str(kab), "--doc", "lkjip", "--jobs", "2"], cache=cache
        )
        print(
            f"no-change rebuild of {opts.dinas} dinas: {secs:.2f} s (goal < 2 s); {proc.stderr.strip().splitlines()[-1]}"
        )
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"peak RSS of any build process: {peak:.0f} MiB (goal < 200 MiB)")


if __name__ == "__main__":
    main()
