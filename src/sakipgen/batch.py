"""Build many dinas folders: in parallel, and only what changed.

A dinas's documents are rebuilt unless everything they are made from is as it was
when they were last built: the trace of the folder's last load (the names in every
folder the loader listed and the sha256 of every file it read, see
:mod:`sakipgen.load.akses`), the git revisions a PK Perubahan took its "semula" from,
the built-in templates, the sakipgen version and the request itself; and the
documents written then are still there with the same bytes.  The manifest holding
this lives in sakipgen's own cache (:mod:`sakipgen.cache`), never in the dinas folder,
so a committed ``build/`` folder cannot make a stale or planted document pass as
current.  The check happens before any YAML is parsed.

Each dinas is one task in a process pool; a task returns a small summary, so memory
stays flat however many dinas there are, and one failing dinas does not stop the
others.
"""

from __future__ import annotations

import functools
import hashlib
import json
import re
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from sakipgen import __version__, proses
from sakipgen.diagnostics import Diagnostic
from sakipgen.errors import GalatPemakaian, SakipgenError
from sakipgen.i18n import _, atur_bahasa, bahasa
from sakipgen.jenis import BERPERIODE, JENIS

MAX_JOBS = 32
"""Most worker processes, whatever ``--jobs`` says (each holds a dinas in memory)."""


@dataclass(frozen=True)
class Permintaan:
    """One dinas folder and what to build of it."""

    folder: Path
    jenis: tuple[str, ...]
    tahun: int | None = None
    keluaran: Path | None = None
    """A ``.docx`` file (one document) or the folder the documents go to; None:
    ``DIR/build``."""
    paksa: bool = False
    eksplisit: bool = False
    """The user named one document: a document the data cannot support is a failure,
    and a thin one is built with its warnings.  Otherwise (``--doc all``) only the
    documents the data fills completely are built; each other one is skipped with a
    line saying why."""
    ketat: bool = False
    """``--strict``: warnings (of the data, or of a built document) fail the build."""
    periode: tuple[int, int | None] | None = None
    """``--triwulan``/``--bulan``: (last month, triwulan) the monitoring report and the
    E.81 report up to; None: each year's latest reported month."""

    def tujuan(self, kind: str, tahun: int, akhiran: str = "") -> Path:
        nama = f"{kind}-{tahun}" + (f"-{akhiran}" if akhiran else "") + ".docx"
        if self.keluaran is None:
            return self.folder / "build" / nama
        if self.keluaran.suffix == ".docx":
            return self.keluaran
        return self.keluaran / nama


@dataclass
class Ringkasan:
    folder: str
    ditulis: list[str] = field(default_factory=list)
    tetap: list[str] = field(default_factory=list)
    """Documents up to date, not written again."""
    gagal: bool = False
    pesan: str = ""
    peringatan: list[str] = field(default_factory=list)
    """Warnings in the active language: the data's (as ``check`` prints them) and the
    hollow parts of the documents built (H001–H004)."""
    dilewati: list[str] = field(default_factory=list)
    """``--doc all``: one line per document not built, with the reason."""
    runut: str = ""
    """The traceback of sakipgen's own bug the build stopped on, for ``SAKIPGEN_DEBUG=1``
    (text: a worker's exception does not cross into this process with its frames); empty
    when it did not stop on one."""

    @property
    def galat_internal(self) -> bool:
        """The build stopped on sakipgen's own bug, not on the data (exit 2)."""
        return bool(self.runut)


@functools.cache
def _sidik_bawaan() -> str:
    """sha256 of the built-in templates (part of the installed package)."""
    from sakipgen.render import builtin_templates

    h = hashlib.sha256()
    root = builtin_templates()
    for path in sorted(root.iterdir()):
        if path.is_file():
            h.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()


def _kunci(p: Permintaan) -> str:
    from sakipgen import cache

    out = str(p.keluaran.resolve()) if p.keluaran is not None else None
    return (
        cache.kunci("manifest", str(p.folder.resolve()), list(p.jenis), p.tahun, out, p.periode)
        + ".json"
    )


def _baca_manifest(p: Permintaan) -> dict[str, object] | None:
    from sakipgen import cache

    raw = cache.baca("manifest", _kunci(p))
    if raw is None:
        return None
    try:
        data = json.loads(raw)
    except ValueError:
        return None
    if not isinstance(data, dict) or data.get("versi") != __version__:
        return None
    return data if data.get("bawaan") == _sidik_bawaan() else None


def _tulis_manifest(p: Permintaan, entry: dict[str, object]) -> None:
    from sakipgen import cache

    entry = {
        "versi": __version__,
        "bawaan": _sidik_bawaan(),
        "folder": str(p.folder.resolve()),
        **entry,
    }
    cache.tulis("manifest", _kunci(p), json.dumps(entry, sort_keys=True).encode("utf-8"))


def _sha256_berkas(path: Path) -> str | None:
    try:
        with path.open("rb") as fh:
            return hashlib.file_digest(fh, "sha256").hexdigest()
    except OSError:
        return None


def _masih_berlaku(p: Permintaan, entry: dict[str, object]) -> bool:
    """Whether the folder and the outside inputs read the same as when ``entry`` was
    made (nothing is parsed: files are hashed, folders listed, revisions resolved)."""
    from sakipgen.load.akses import jejak_sama
    from sakipgen.load.revisi import revisi_sama
    from sakipgen.model.folder import Jejak

    jejak = Jejak.from_dict(entry.get("jejak"))
    if jejak is None:
        return False
    return jejak_sama(p.folder, jejak) and revisi_sama(p.folder, jejak.luar)


def bangun(p: Permintaan) -> Ringkasan:
    """Build one dinas folder (runs in a worker process)."""
    result = Ringkasan(str(p.folder))
    try:
        return _bangun(p, result)
    except SakipgenError as exc:  # a problem for the user, with its own message
        result.gagal = True
        result.pesan = f"{p.folder}: {exc}"
        return result
    except Exception as exc:  # one dinas must not stop the batch
        result.gagal = True
        result.pesan = _(
            "{folder}: kesalahan internal ({jenis}: {exc}); laporkan ke pengembang"
        ).format(folder=p.folder, jenis=type(exc).__name__, exc=exc)
        result.runut = "".join(traceback.format_exception(exc))
        return result


def _bangun(p: Permintaan, result: Ringkasan) -> Ringkasan:
    entry = None if p.paksa else _baca_manifest(p)
    if entry is not None and _masih_berlaku(p, entry):
        if entry.get("gagal"):
            # The same inputs failed before: report it again without parsing them
            # (when the report was written in the language now asked for).
            if entry.get("bahasa") == bahasa():
                result.gagal = True
                result.pesan = str(entry.get("pesan", ""))
                return result
        else:
            written = entry.get("berkas")
            if (
                isinstance(written, dict)
                and entry.get("bahasa") == bahasa()
                and all(_sha256_berkas(Path(str(f))) == h for f, h in written.items())
            ):
                result.tetap = [str(f) for f in written]
                result.peringatan = [str(x) for x in _daftar(entry.get("peringatan"))]
                result.dilewati = [str(x) for x in _daftar(entry.get("dilewati"))]
                return _ketat(p, result)

    from sakipgen import render
    from sakipgen.diagnostics import Location, Severity, sebagai_teks
    from sakipgen.pipeline import Pilihan, siapkan
    from sakipgen.write import tautan_di_jalur, tulis_atomik

    pilihan = Pilihan(
        dokumen=True,
        tahun_lain=(p.tahun,) if p.tahun is not None else (),
        periode=(p.tahun, *p.periode) if p.periode is not None else None,
    )
    bundel = siapkan(p.folder, pilihan=pilihan)
    dinas, jejak = bundel.dinas, bundel.jejak
    if dinas is None or bundel.galat:
        result.gagal = True
        result.pesan = (
            sebagai_teks(list(bundel.diagnostics))
            + "\n"
            + _("{folder}: data berisi kesalahan; tidak ada dokumen yang ditulis.").format(
                folder=p.folder
            )
        )
        _tulis_manifest(p, _gagal(jejak.as_dict(), result.pesan))
        return result
    problems: list[Diagnostic] = []
    warnings = [d for d in bundel.diagnostics if d.severity == Severity.WARNING]
    built: list[tuple[Path, bytes]] = []
    for kind in p.jenis:
        tahun = p.tahun if p.tahun is not None else JENIS[kind].tahun_bawaan(dinas)
        if tahun is None and kind in BERPERIODE and p.periode is not None:
            # A period asked for: the plan's year, even before anything is reported.
            tahun = JENIS["rencana-aksi" if kind == "monitoring" else "rkt"].tahun_bawaan(dinas)
        if tahun is None:
            if p.eksplisit:
                reason = _("{kind}: tidak ada tahun yang datanya lengkap").format(kind=kind)
                problems.append(Diagnostic.make(Location(str(p.folder)), "D001", reason))
            else:
                result.dilewati.append(
                    _("{kind} dilewati: tidak ada tahun yang datanya lengkap").format(kind=kind)
                )
            continue
        hasil = render.susun(bundel, kind, tahun)
        if hasil.data is None:
            if p.eksplisit or p.tahun is not None:
                problems.extend(hasil.diagnostics)
            else:
                result.dilewati.append(_alasan(kind, tahun, hasil.diagnostics))
            continue
        hollow = [d for d in hasil.diagnostics if d.severity == Severity.WARNING]
        if hollow and not p.eksplisit:
            # "all" builds only what the data fills; an asked-for document is built.
            result.dilewati.append(_alasan(kind, tahun, hollow))
            continue
        warnings.extend(hollow)
        built.append((p.tujuan(kind, tahun, hasil.akhiran), hasil.data))
    result.peringatan = [sebagai_teks(warnings)] if warnings else []
    if problems:
        result.gagal = True
        result.pesan = sebagai_teks(problems)
        _tulis_manifest(p, _gagal(dinas.jejak.as_dict(), result.pesan))
        return result
    digests: dict[str, str] = {}
    for target, data in built:
        alasan = tautan_di_jalur(p.folder, target) if p.keluaran is None else None
        if alasan is not None:
            result.gagal = True
            result.pesan = f"{p.folder}: {alasan}"
            return result
        try:
            tulis_atomik(target, data)
        except OSError as exc:
            # Not the data's fault, and not remembered: the next run tries again.
            result.gagal = True
            result.pesan = _("{folder}: tidak dapat menulis {berkas}: {pesan}").format(
                folder=p.folder, berkas=target, pesan=exc.strerror or exc
            )
            return result
        result.ditulis.append(str(target))
        digests[str(target)] = hashlib.sha256(data).hexdigest()
    _tulis_manifest(
        p,
        {
            "jejak": dinas.jejak.as_dict(),
            "berkas": digests,
            "peringatan": result.peringatan,
            "dilewati": result.dilewati,
            "bahasa": bahasa(),
        },
    )
    return _ketat(p, result)


def _alasan(kind: str, tahun: int, diags: list[Diagnostic]) -> str:
    """One line: why a document was not built (its first problem, and how many more)."""
    first = diags[0].message if diags else _("data tidak lengkap")
    # The renderer's messages start with "<kind> <year>: ", which the line says already.
    first = re.sub(r"^[\w-]+ \d{4}: ", "", first)
    more = len(diags) - 1
    line = _("{kind} {tahun} dilewati: {alasan}").format(kind=kind, tahun=tahun, alasan=first)
    if more:
        line += " " + _("(dan {n} lagi; bangun dengan --doc {kind} untuk melihat semuanya)").format(
            n=more, kind=kind
        )
    return line


def _ketat(p: Permintaan, result: Ringkasan) -> Ringkasan:
    """``--strict``: warnings make the build fail (the documents are written)."""
    if p.ketat and result.peringatan and not result.gagal:
        result.gagal = True
        result.pesan = _("{folder}: --strict: ada peringatan").format(folder=p.folder)
    return result


def _daftar(value: object) -> list[object]:
    return value if isinstance(value, list) else []


def _gagal(jejak: dict[str, object], errors: str) -> dict[str, object]:
    """A manifest entry for a failed build; its report is in the active language."""
    return {"jejak": jejak, "gagal": True, "pesan": errors, "bahasa": bahasa()}


def _siapkan_proses(jenis: set[str]) -> None:
    """Import what building the documents needs, then freeze it (:mod:`sakipgen.proses`),
    before the first dinas: in this process, and in the workers forked from it, which
    then import nothing and share those pages."""
    from sakipgen import pipeline, render  # noqa: F401

    for kind in sorted(jenis):
        render.penyusun(kind)
    proses.bekukan()


def jalankan(
    requests: list[Permintaan], jobs: int, on_done: Callable[[Ringkasan], None]
) -> list[Ringkasan]:
    """Run every request, ``jobs`` at a time; ``on_done`` is called as each finishes."""
    results: list[Ringkasan] = []
    jobs = max(1, min(jobs, len(requests), MAX_JOBS))
    _siapkan_proses({kind for r in requests for kind in r.jenis})
    if jobs <= 1:
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


def keluaran_per_dinas(folders: list[Path], out: Path | None) -> list[Path | None]:
    """Where each dinas's documents go.  Several dinas into one ``--out`` folder each get
    a subfolder named after their folder, so none overwrites another's ``pk-2021.docx``;
    two dinas folders with the same name are refused before anything is written."""
    if out is None:
        return [None] * len(folders)
    if out.suffix == ".docx":
        if out.is_dir():
            raise GalatPemakaian(
                _("--out {out} adalah folder; tulis nama berkas .docx atau folder lain.").format(
                    out=out
                )
            )
        return [out] * len(folders)
    if out.exists() and not out.is_dir():
        raise GalatPemakaian(_("--out {out} sudah ada dan bukan folder.").format(out=out))
    if len(folders) <= 1:
        return [out] * len(folders)
    by_name: dict[str, list[Path]] = {}
    for f in folders:
        by_name.setdefault(f.resolve().name, []).append(f)
    clash = {n: fs for n, fs in by_name.items() if len(fs) > 1}
    if clash:
        raise GalatPemakaian(
            "\n".join(
                _(
                    "--out {out}: folder dinas {folder} bernama sama ('{nama}'); dokumennya "
                    "akan saling menimpa. Susun terpisah dengan --out masing-masing."
                ).format(out=out, folder=", ".join(map(str, fs)), nama=name)
                for name, fs in sorted(clash.items())
            )
        )
    return [out / f.resolve().name for f in folders]


def catat_ulang(requests: list[Permintaan], diubah: set[str]) -> None:
    """After ``--pdf`` wrote page numbers into documents this build wrote, record their
    new sha256 in the manifests, so the next build sees them as up to date."""
    for p in requests:
        entry = _baca_manifest(p)
        written = entry.get("berkas") if entry is not None else None
        if entry is None or not isinstance(written, dict):
            continue
        berkas = {str(f): str(h) for f, h in written.items()}
        hit = [f for f in berkas if f in diubah]
        for f in hit:
            digest = _sha256_berkas(Path(f))
            if digest is not None:
                berkas[f] = digest
        if hit:
            kept = {k: v for k, v in entry.items() if k not in ("versi", "bawaan", "folder")}
            _tulis_manifest(p, {**kept, "berkas": berkas})
