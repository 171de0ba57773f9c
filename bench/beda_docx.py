"""What changed between two builds of the same documents, part by part.

Usage: python bench/beda_docx.py BEFORE_DIR AFTER_DIR

For every .docx under BEFORE_DIR (and its namesake under AFTER_DIR): the parts added,
removed and changed, and whether ``word/document.xml`` differs only in column widths
(``w:gridCol``, ``w:tcW``, ``w:tblW``).  Used to show that a change of layout code
moved column widths and nothing else.
"""

from __future__ import annotations

import re
import sys
import zipfile
from pathlib import Path

_LEBAR = re.compile(rb'(<w:(?:gridCol|tcW|tblW)\b[^>]*?w:w=")\d+')


def banding(a: Path, b: Path) -> str:
    with zipfile.ZipFile(a) as za, zipfile.ZipFile(b) as zb:
        na, nb = set(za.namelist()), set(zb.namelist())
        changed = [n for n in sorted(na & nb) if za.read(n) != zb.read(n)]
        doc = "word/document.xml"
        if doc not in changed:
            body = "document.xml same"
        elif _LEBAR.sub(rb"\1#", za.read(doc)) == _LEBAR.sub(rb"\1#", zb.read(doc)):
            body = "document.xml: column widths only"
        else:
            body = "document.xml: CONTENT CHANGED"
    return (
        f"added {sorted(nb - na) or '-'}; removed {sorted(na - nb) or '-'}; "
        f"changed {changed or '-'}; {body}"
    )


def main() -> None:
    before, after = Path(sys.argv[1]), Path(sys.argv[2])
    for a in sorted(before.rglob("*.docx")):
        b = after / a.relative_to(before)
        shown = a.relative_to(before)
        print(f"{shown}: {banding(a, b) if b.exists() else 'missing after'}")


if __name__ == "__main__":
    main()
