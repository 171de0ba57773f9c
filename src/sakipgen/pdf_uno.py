"""Convert Word documents to PDF inside a running LibreOffice, with every index filled.

This script does NOT run in sakipgen's environment: ``sakipgen.pdf`` runs it with a
Python that has LibreOffice's UNO bridge (Debian/Ubuntu: ``/usr/bin/python3`` with
``python3-uno``; Windows and macOS: the Python bundled with LibreOffice). It imports
nothing from sakipgen and keeps to syntax every such Python understands.

    python3 pdf_uno.py JOB.json

``JOB.json``: ``{"pipe": NAME, "connect_timeout": SECONDS, "docs": [[DOCX, PDF], ...]}``.
It connects to the LibreOffice listening on the pipe, and for each document: loads it
hidden, updates every document index (table of contents, daftar tabel, daftar gambar)
and refreshes the fields, so the page numbers are those of LibreOffice's own layout,
updates the indexes once more (a longer table of contents moves the pages after it),
and stores it with the ``writer_pdf_Export`` filter. One JSON line per document on
stdout: ``{"docx": ..., "ok": true, "indeks": [[ENTRY, ...], ...]}`` (each index's
lines as LibreOffice filled them, title and page number separated by a tab) or
``{"docx": ..., "ok": false, "error": ...}``.
Exit status: 0 all converted, 1 some failed, 3 no connection to LibreOffice.
"""

from __future__ import annotations

import contextlib
import importlib
import json
import sys
import time
from typing import Any

EXIT_OK, EXIT_SOME_FAILED, EXIT_NO_CONNECTION = 0, 1, 3


def _prop(uno: Any, name: str, value: object) -> Any:
    p = uno.createUnoStruct("com.sun.star.beans.PropertyValue")
    p.Name = name
    p.Value = value
    return p


def _connect(uno: Any, pipe: str, timeout: float) -> Any:
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext(
        "com.sun.star.bridge.UnoUrlResolver", local
    )
    url = "uno:pipe,name=" + pipe + ";urp;StarOffice.ComponentContext"
    deadline = time.monotonic() + timeout
    while True:
        try:
            return resolver.resolve(url)
        except Exception:  # NoConnectException while LibreOffice is starting
            if time.monotonic() > deadline:
                raise
            time.sleep(0.25)


def _update_indexes(doc: Any) -> int:
    indexes = doc.getDocumentIndexes()
    for i in range(indexes.getCount()):
        indexes.getByIndex(i).update()
    return int(indexes.getCount())


def _index_lines(doc: Any) -> list[list[str]]:
    """The text of each document index, one line per entry ("KATA PENGANTAR\tii")."""
    out = []
    indexes = doc.getDocumentIndexes()
    for i in range(indexes.getCount()):
        text = indexes.getByIndex(i).getAnchor().getString()
        out.append([line for line in text.replace("\r", "\n").split("\n") if line.strip()])
    return out


def _convert(uno: Any, desktop: Any, docx: str, pdf: str) -> list[list[str]]:
    load = (
        _prop(uno, "Hidden", True),
        # Fields and links are updated by the calls below, never by asking anyone.
        _prop(uno, "UpdateDocMode", 1),  # com.sun.star.document.UpdateDocMode.QUIET_UPDATE
    )
    doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(docx), "_blank", 0, load)
    if doc is None:
        raise RuntimeError("LibreOffice tidak dapat membuka dokumen")
    try:
        _update_indexes(doc)
        doc.getTextFields().refresh()
        doc.refresh()
        # Filling the indexes may add pages to the front matter and move what follows:
        # update once more so every page number is that of the final layout.
        _update_indexes(doc)
        doc.getTextFields().refresh()
        doc.storeToURL(
            uno.systemPathToFileUrl(pdf), (_prop(uno, "FilterName", "writer_pdf_Export"),)
        )
        return _index_lines(doc)
    finally:
        try:
            doc.close(True)
        except Exception:
            doc.dispose()


def main(argv: list[str]) -> int:
    with open(argv[1], encoding="utf-8") as fh:
        job = json.load(fh)
    uno = importlib.import_module("uno")
    try:
        ctx = _connect(uno, job["pipe"], float(job.get("connect_timeout", 60)))
    except Exception as exc:
        sys.stderr.write(f"tidak tersambung ke LibreOffice: {exc}\n")
        return EXIT_NO_CONNECTION
    desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
    status = EXIT_OK
    for docx, pdf in job["docs"]:
        result: dict[str, object] = {"docx": docx, "ok": True}
        try:
            result["indeks"] = _convert(uno, desktop, docx, pdf)
        except Exception as exc:
            status = EXIT_SOME_FAILED
            result = {"docx": docx, "ok": False, "error": f"{type(exc).__name__}: {exc}"}
        sys.stdout.write(json.dumps(result) + "\n")
        sys.stdout.flush()
    # The bridge drops as LibreOffice exits (an exception here); the caller stops it anyway.
    with contextlib.suppress(Exception):
        desktop.terminate()
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv))
