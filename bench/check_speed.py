"""Time `sakipgen check` and `show` on the examples, in-process and as whole processes.

Usage: python bench/check_speed.py [REPEAT]
Prints, per example: YAML bytes, in-process load+calc time (best of REPEAT), and the
whole-process time of `python -m sakipgen check` against the bare interpreter start-up.
"""

from __future__ import annotations

import resource
import subprocess
import sys

from _umum import best, contoh


def process(args: list[str], repeat: int) -> float:
    return best(lambda: subprocess.run(args, check=False, capture_output=True), repeat)


def main() -> None:
    from sakipgen.pipeline import siapkan

    repeat = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    floor = process([sys.executable, "-c", "pass"], repeat)
    print(f"python start-up: {floor * 1000:.0f} ms")
    for folder in contoh():
        size = sum(f.stat().st_size for f in folder.rglob("*.yaml"))
        inproc = best(lambda folder=folder: siapkan(folder), repeat)
        whole = process([sys.executable, "-m", "sakipgen", "check", str(folder)], repeat)
        print(
            f"{folder.name:10s} {size / 1024:7.1f} KiB yaml  in-process {inproc * 1000:7.1f} ms"
            f"  whole process {whole * 1000:6.0f} ms"
        )
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS of this process: {peak:.0f} MiB")


if __name__ == "__main__":
    main()
