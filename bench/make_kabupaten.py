"""Write N realistic dinas folders derived from the examples, for benchmarks.

Usage: python bench/make_kabupaten.py N OUT [--seed S]

Dinas i is a copy of one of the four examples (in turn), varied so that no two are
alike: its name, every realisasi value (±15 %, so capaian, kategori and charts differ),
the number of programs (extra programs with their own pagu and realisasi), and the
length of its supporting tables (rows dropped or repeated).  Every folder passes
`sakipgen check` without errors, so it can be built.
"""

from __future__ import annotations

import argparse
import random
import shutil
from decimal import Decimal
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ["blora", "sinjai", "buleleng", "tanjabbar"]
DINAS = [
    "Dinas Pendidikan",
    "Dinas Kesehatan",
    "Dinas Pekerjaan Umum",
    "Dinas Sosial",
    "Dinas Perhubungan",
    "Dinas Pertanian",
    "Dinas Lingkungan Hidup",
    "Dinas Pariwisata",
    "Dinas Ketahanan Pangan",
    "Dinas Perikanan",
    "Dinas Kependudukan",
    "Dinas Komunikasi",
]


def _yaml() -> YAML:
    y = YAML(typ="rt")
    y.width = 4096
    y.preserve_quotes = True
    return y


def _load(path: Path) -> Any:
    return _yaml().load(path.read_text(encoding="utf-8"))


def _dump(path: Path, data: Any) -> None:
    with path.open("w", encoding="utf-8") as fh:
        _yaml().dump(data, fh)


def _vary_number(value: Any, rng: random.Random) -> Any:
    try:
        d = Decimal(str(value))
    except Exception:
        return value
    factor = Decimal(str(round(rng.uniform(0.85, 1.15), 3)))
    scaled = d * factor
    if d == d.to_integral_value():
        return int(scaled.to_integral_value())
    return float(round(scaled, 2))


def vary(folder: Path, i: int, rng: random.Random) -> None:
    sakip = _load(folder / "sakip.yaml")
    sakip["dinas"]["nama"] = f"{DINAS[i % len(DINAS)]} {i:03d}"
    _dump(folder / "sakip.yaml", sakip)
    for real in folder.glob("*/realisasi.yaml"):
        data = _load(real)
        for key, entry in (data.get("indikator") or {}).items():
            if isinstance(entry, dict):
                if "nilai" in entry and "capaian" not in entry:
                    entry["nilai"] = _vary_number(entry["nilai"], rng)
            else:
                data["indikator"][key] = _vary_number(entry, rng)
        _dump(real, data)
    for ang in folder.glob("*/anggaran.yaml"):
        data = _load(ang)
        programs = data.get("program") or []
        if not programs:
            continue  # a year known only by its totals stays so
        sasaran = next((p.get("sasaran") for p in programs if p.get("sasaran")), None)
        for k in range(rng.randint(0, 6)):
            pagu = rng.randrange(10_000_000, 900_000_000, 1000)
            extra: dict[str, Any] = {
                "id": f"PX{k}",
                "uraian": f"Program Tambahan {k + 1} {DINAS[(i + k) % len(DINAS)]}",
                "pagu": pagu,
                "kegiatan": [{"uraian": f"Kegiatan pendukung {k + 1}"}],
            }
            if sasaran:
                extra["sasaran"] = sasaran
            else:
                extra["penunjang"] = True
            if any("realisasi" in p for p in programs):
                extra["realisasi"] = rng.randrange(pagu // 2, pagu, 1000)
            programs.append(extra)
        if programs:
            data["program"] = programs
            _dump(ang, data)
    for tab in folder.glob("*/tabel/*.yaml"):
        data = _load(tab)
        rows = data.get("baris") or []
        if len(rows) > 4:
            keep = rng.randint(len(rows) // 2, len(rows))
            data["baris"] = rows[:keep] + rows[: rng.randint(0, len(rows) // 3)]
            _dump(tab, data)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int)
    parser.add_argument("out", type=Path)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument(
        "--dari",
        choices=EXAMPLES,
        action="append",
        help="derive only from these examples (default: all four in turn)",
    )
    args = parser.parse_args()
    rng = random.Random(args.seed)
    args.out.mkdir(parents=True, exist_ok=True)
    sources = args.dari or EXAMPLES
    for i in range(args.n):
        source = ROOT / "examples" / sources[i % len(sources)]
        target = args.out / f"dinas-{i:04d}"
        if target.exists():
            shutil.rmtree(target)
        shutil.copytree(source, target, ignore=shutil.ignore_patterns("build"))
        vary(target, i, rng)
    print(f"{args.n} folder dinas ditulis di {args.out}")


if __name__ == "__main__":
    main()
