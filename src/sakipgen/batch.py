"""Build many dinas folders: in parallel, and only what changed.

A dinas's documents are rebuilt when a content hash of their inputs changes: every
file of the dinas folder (data, narrative, its own templates, logo), the built-in
templates, the sakipgen version, and the request itself (documents, year, output).
The hash is compared with ``DIR/build/.cache/manifest.json`` before any YAML is
parsed, so an unchanged kabupaten is checked in a fraction of a second.

Each dinas is one task in a process pool; a task returns a small summary, so memory
stays flat however many dinas there are, and one failing dinas does not stop the
others.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from sakipgen import __version__
from sakipgen.i18n import _, atur_bahasa, bahasa

JENIS = ["rkt", "iku", "pk", "rencana-aksi", "lkjip"]


@dataclass(frozen=True)
class Permintaan:
    """One dinas folder and what to build of it."""

    folder: Path
    kinds: tuple[str, ...]
    year: int | None = None
    out: Path | None = None
    force: bool = False
    explicit: bool = False
    """The user named one document: a document the data cannot support is a failure."""


@dataclass
class Ringkasan:
    folder: str
    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: bool = False
    errors: str = ""


def _files(folder: Path) -> Iterator[Path]:
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d != "build")
        for name in sorted(files):
            if not name.startswith("."):
                yield Path(root) / name


def sidik(p: Permintaan) -> str:
    """Content hash of everything the request's documents are made from."""
    from sakipgen.render import builtin_templates

    h = hashlib.sha256()
    h.update(repr((__version__, p.kinds, p.year, str(p.out))).encode())
    for base in (p.folder, builtin_templates()):
        for path in _files(base):
            h.update(str(path.relative_to(base)).encode() + b"\0")
            try:
                h.update(path.read_bytes())
            except OSError:
                h.update(b"<unreadable>")
            h.update(b"\0")
    return h.hexdigest()


def _manifest_path(folder: Path) -> Path:
    return folder / "build" / ".cache" / "manifest.json"


def _read_manifest(folder: Path) -> dict[str, dict[str, object]]:
    try:
        data = json.loads(_manifest_path(folder).read_text(encoding="utf-8"))
        return data if isinstance(data, dict) else {}
    except (OSError, ValueError):
        return {}


def _request_key(p: Permintaan) -> str:
    return json.dumps([list(p.kinds), p.year, str(p.out) if p.out else None])


def bangun(p: Permintaan) -> Ringkasan:
    """Build one dinas folder (runs in a worker process)."""
    result = Ringkasan(str(p.folder))
    try:
        return _bangun(p, result)
    except Exception as exc:  # one dinas must not stop the batch
        result.failed = True
        result.errors = _(
            "{folder}: kesalahan internal ({jenis}: {exc}); laporkan ke pengembang"
        ).format(folder=p.folder, jenis=type(exc).__name__, exc=exc)
        return result


def _bangun(p: Permintaan, result: Ringkasan) -> Ringkasan:
    key = _request_key(p)
    digest = sidik(p)
    manifest = _read_manifest(p.folder)
    entry = manifest.get(key)
    if not p.force and isinstance(entry, dict) and entry.get("hash") == digest:
        if entry.get("failed"):
            # The same inputs failed before: report it again without re-reading them
            # (when the report was written in the language now asked for).
            if entry.get("bahasa", "id") == bahasa():
                result.failed = True
                result.errors = str(entry.get("errors", ""))
                return result
        else:
            listed = entry.get("files", [])
            files = [str(f) for f in listed] if isinstance(listed, list) else []
            if all(Path(f).is_file() for f in files):
                result.unchanged = files
                return result

    from sakipgen import render
    from sakipgen.checks import periksa
    from sakipgen.diagnostics import Diagnostic, Location, Severity, render_text
    from sakipgen.write import tulis_atomik

    dinas, diags = periksa(p.folder)
    errors = [d for d in diags if d.severity is Severity.ERROR]
    if dinas is None or errors:
        result.failed = True
        result.errors = (
            render_text(diags)
            + "\n"
            + _("{folder}: data berisi kesalahan; tidak ada dokumen yang ditulis.").format(
                folder=p.folder
            )
        )
        _catat(p.folder, manifest, key, _gagal(digest, result.errors))
        return result
    render.CACHE_DIR = p.folder / "build" / ".cache"
    problems: list[Diagnostic] = []
    for kind in p.kinds:
        tahun = p.year if p.year is not None else render.tahun_bawaan(dinas, kind)
        if tahun is None:
            if p.explicit:
                problems.append(
                    Diagnostic.make(
                        Location(str(p.folder)),
                        "D001",
                        _("{kind}: tidak ada tahun yang datanya lengkap").format(kind=kind),
                    )
                )
            continue
        hasil = render.build(dinas, kind, tahun)
        if hasil.data is None:
            if p.explicit or p.year is not None:
                problems.extend(hasil.diagnostics)
            continue  # "all" builds what the data supports
        if p.out is None:
            target = p.folder / "build" / f"{kind}-{tahun}.docx"
        elif p.out.suffix == ".docx":
            target = p.out
        else:
            target = p.out / f"{kind}-{tahun}.docx"
        tulis_atomik(target, hasil.data)
        result.written.append(str(target))
    if problems:
        result.failed = True
        result.errors = render_text(problems)
        _catat(p.folder, manifest, key, _gagal(digest, result.errors))
        return result
    _catat(p.folder, manifest, key, {"hash": digest, "files": result.written})
    return result


def _gagal(digest: str, errors: str) -> dict[str, object]:
    """A manifest entry for a failed build; its report is in the active language."""
    return {"hash": digest, "failed": True, "errors": errors, "bahasa": bahasa()}


def _catat(
    folder: Path, manifest: dict[str, dict[str, object]], key: str, entry: dict[str, object]
) -> None:
    from sakipgen.write import tulis_atomik

    manifest[key] = entry
    with contextlib.suppress(OSError):  # a read-only folder only loses the speed-up
        tulis_atomik(
            _manifest_path(folder), json.dumps(manifest, indent=1, sort_keys=True).encode("utf-8")
        )


def jalankan(
    requests: list[Permintaan], jobs: int, on_done: Callable[[Ringkasan], None]
) -> list[Ringkasan]:
    """Run every request, ``jobs`` at a time; ``on_done`` is called as each finishes."""
    results: list[Ringkasan] = []
    if jobs <= 1 or len(requests) <= 1:
        for r in requests:
            out = bangun(r)
            on_done(out)
            results.append(out)
        return results
    from concurrent.futures import ProcessPoolExecutor, as_completed

    # Workers report in the language of this process (a spawned worker starts afresh).
    with ProcessPoolExecutor(
        max_workers=jobs, initializer=atur_bahasa, initargs=(bahasa(),)
    ) as pool:
        futures = [pool.submit(bangun, r) for r in requests]
        for f in as_completed(futures):
            out = f.result()
            on_done(out)
            results.append(out)
    order = {str(r.folder): i for i, r in enumerate(requests)}
    return sorted(results, key=lambda x: order[x.folder])
