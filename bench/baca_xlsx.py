"""How fast an Excel reader reads an input workbook: openpyxl (what `sakipgen import`
uses) against python-calamine, on a workbook of N sub kegiatan rows.

Usage: python bench/baca_xlsx.py [--rows 5000]   (python-calamine: pip install python-calamine)
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path


def best(f: Callable[[], object], n: int = 5) -> float:
    b = float("inf")
    for _ in range(n):
        t = time.perf_counter()
        f()
        b = min(b, time.perf_counter() - t)
    return b * 1000


def import_ms(module: str) -> float:
    code = f"import time; t = time.perf_counter(); import {module}; print(time.perf_counter() - t)"
    runs = [
        float(
            subprocess.run(
                [sys.executable, "-c", code], capture_output=True, text=True, check=True
            ).stdout
        )
        for _ in range(5)
    ]
    return min(runs) * 1000


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=5000)
    rows = parser.parse_args().rows
    import xlsxwriter

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "besar.xlsx"
        wb = xlsxwriter.Workbook(str(path))
        ws = wb.add_worksheet("Anggaran")
        ws.write_row(0, 0, ["Kunci", "Tingkat", "Kode", "Uraian", "Pagu", "Realisasi", "Satuan"])
        for r in range(1, rows + 1):
            ws.write_row(
                r,
                0,
                [
                    f"2021/P01/1/{r}",
                    "sub kegiatan",
                    f"1.05.02.2.03.{r:04d}",
                    f"Sub kegiatan {r} dengan uraian yang panjang",
                    1_000_000 * r,
                    900_000 * r,
                    "Dokumen",
                ],
            )
        ws.write_formula(rows + 1, 4, f"=SUM(E2:E{rows + 1})", None, 0)
        wb.close()

        import openpyxl

        def op_ro() -> object:
            book = openpyxl.load_workbook(path, read_only=True, data_only=True)
            out = list(book["Anggaran"].iter_rows(values_only=True))
            book.close()
            return out

        def op_full() -> object:
            book = openpyxl.load_workbook(path, data_only=False)
            return [[c.value for c in r] for r in book["Anggaran"].iter_rows()]

        print(f"{rows} rows")
        print(f"openpyxl  import {import_ms('openpyxl'):6.0f} ms")
        print(f"openpyxl  read-only values            {best(op_ro):6.0f} ms")
        print(f"openpyxl  full (formulas, formats, merged cells) {best(op_full):6.0f} ms")
        try:
            import python_calamine
        except ImportError:
            print("python-calamine not installed")
            return

        def cal() -> object:
            book = python_calamine.CalamineWorkbook.from_path(str(path))
            return book.get_sheet_by_name("Anggaran").to_python()

        print(f"calamine  import {import_ms('python_calamine'):6.0f} ms")
        print(f"calamine  values                      {best(cal):6.0f} ms")


if __name__ == "__main__":
    main()
