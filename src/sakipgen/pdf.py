"""A PDF next to each built .docx, made by LibreOffice with the indexes filled in.

``soffice --convert-to pdf`` prints the table of contents and the lists of tables and
figures as Word left them: entries without page numbers. So the documents are loaded
through UNO instead, in one headless LibreOffice per build (a private pipe and a
throw-away profile, so a LibreOffice the user has open is not disturbed), every index
is updated and the fields refreshed, and the document is stored with the
``writer_pdf_Export`` filter. The UNO side runs in a Python that has LibreOffice's
bridge (``pdf_uno.py``, run with ``/usr/bin/python3`` on Debian and Ubuntu), never in
sakipgen's own environment. Each PDF is written atomically; LibreOffice is stopped,
and killed when it does not stop, whatever happens: also on SIGTERM and SIGHUP, which
during the conversion stop LibreOffice and the helper, remove the temporary folder
and end sakipgen with status 128 + signal (:mod:`sakipgen.sinyal`).

``SAKIPGEN_SOFFICE`` and ``SAKIPGEN_UNO_PYTHON`` name the programs to use instead of
searching for them.
"""

from __future__ import annotations

import contextlib
import html
import json
import os
import re
import secrets
import shutil
import signal
import subprocess
import time
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from sakipgen import sinyal
from sakipgen.errors import SakipgenError
from sakipgen.i18n import _

WAKTU_MULAI = 90.0
"""Seconds for LibreOffice to start (a fresh profile is created on the first start)."""
WAKTU_PER_DOKUMEN = 300.0
"""Seconds for one document to be loaded, updated and exported."""
WAKTU_BERHENTI = 15.0
"""Seconds LibreOffice gets to exit by itself before it is killed."""
WAKTU_SESUDAH_BERHENTI = 20.0
"""Seconds the helper gets to finish once LibreOffice has exited (or crashed)."""


def cara_pasang() -> str:
    """How to install LibreOffice and its Python bridge, in the active language."""
    return _(
        "Pasang LibreOffice Writer beserta jembatan Python-nya (UNO):\n"
        "  Debian/Ubuntu: sudo apt-get install libreoffice-writer-nogui python3-uno\n"
        "  Fedora/RHEL:   sudo dnf install libreoffice-writer libreoffice-pyuno\n"
        "  Arch Linux:    sudo pacman -S libreoffice-fresh\n"
        "  macOS:         brew install --cask libreoffice\n"
        "  Windows:       pasang LibreOffice dari https://www.libreoffice.org/download/\n"
        "lalu jalankan lagi perintah yang sama."
    )


class PdfTidakTersedia(SakipgenError):
    """LibreOffice, or a Python with its UNO bridge, is not installed."""


class PdfGagal(SakipgenError):
    """LibreOffice could not be started, or did not answer in time."""


@dataclass(frozen=True)
class LibreOffice:
    soffice: str
    python: str


def _bersih(env: dict[str, str]) -> dict[str, str]:
    """The environment without what would make another Python use sakipgen's venv."""
    return {
        k: v
        for k, v in env.items()
        if k
        not in {"PYTHONPATH", "PYTHONHOME", "PYTHONSTARTUP", "VIRTUAL_ENV", "__PYVENV_LAUNCHER__"}
    }


def _soffice() -> str | None:
    named = os.environ.get("SAKIPGEN_SOFFICE")
    if named:
        return named if shutil.which(named) else None
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    for path in (
        "/Applications/LibreOffice.app/Contents/MacOS/soffice",
        r"C:\Program Files\LibreOffice\program\soffice.exe",
        r"C:\Program Files (x86)\LibreOffice\program\soffice.exe",
    ):
        if os.path.isfile(path):
            return path
    return None


def _ada_uno(python: str) -> bool:
    try:
        proc = subprocess.run(
            [python, "-c", "import uno"],
            stdin=subprocess.DEVNULL,
            capture_output=True,
            timeout=60,
            env=_bersih(dict(os.environ)),
        )
    except (OSError, subprocess.SubprocessError):
        return False
    return proc.returncode == 0


def _python_uno(soffice: str) -> str | None:
    named = os.environ.get("SAKIPGEN_UNO_PYTHON")
    if named:
        return named if _ada_uno(named) else None
    program = Path(soffice).resolve().parent
    candidates = [
        program / "python.exe",  # Windows: LibreOffice's own Python
        program / "python",
        program.parent / "Resources" / "python",  # macOS: LibreOffice.app/Contents
        Path("/usr/bin/python3"),  # Debian, Ubuntu, Fedora: python3-uno, libreoffice-pyuno
    ]
    for c in candidates:
        if c.is_file() and _ada_uno(str(c)):
            return str(c)
    return None


def temukan() -> LibreOffice:
    """The LibreOffice and the UNO Python to use, or PdfTidakTersedia saying what to install."""
    soffice = _soffice()
    if soffice is None:
        raise PdfTidakTersedia(
            _("PDF tidak dapat dibuat: LibreOffice (perintah soffice) tidak ditemukan.")
            + "\n"
            + cara_pasang()
        )
    python = _python_uno(soffice)
    if python is None:
        raise PdfTidakTersedia(
            _(
                "PDF tidak dapat dibuat: LibreOffice ada ({soffice}), tetapi tidak ada Python "
                "dengan modul uno (jembatan Python LibreOffice; di Debian/Ubuntu paket "
                "python3-uno, dijalankan dengan /usr/bin/python3; SAKIPGEN_UNO_PYTHON menunjuk "
                "Python lain)."
            ).format(soffice=soffice)
            + "\n"
            + cara_pasang()
        )
    return LibreOffice(soffice, python)


def _grup_habis(proc: subprocess.Popen[bytes], tunggu: float) -> bool:
    """Whether LibreOffice's process group is empty within ``tunggu`` seconds (the
    launcher is reaped on the way; a zombie left for init to reap still counts)."""
    deadline = time.monotonic() + tunggu
    while True:
        proc.poll()
        try:
            os.killpg(proc.pid, 0)
        except (ProcessLookupError, PermissionError):
            return True
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)


def _hentikan(proc: subprocess.Popen[bytes], tunggu: float) -> None:
    """Let LibreOffice exit, then kill whatever is left of its process group."""
    with contextlib.suppress(subprocess.TimeoutExpired):
        proc.wait(timeout=tunggu)
    if os.name == "posix":
        # soffice is a shell script that execs oosplash, which forks soffice.bin: all in
        # the group start_new_session made, so the group is signalled, not the pid.
        # Waiting for it to empty keeps a dying soffice.bin from writing into the
        # profile while the temporary folder is removed.
        for sig, tunggu_grup in ((signal.SIGTERM, 0.5), (signal.SIGKILL, 5.0)):
            try:
                os.killpg(proc.pid, sig)
            except (ProcessLookupError, PermissionError):
                break
            if _grup_habis(proc, tunggu_grup):
                break
    elif proc.poll() is None:
        proc.kill()
    with contextlib.suppress(subprocess.TimeoutExpired):
        proc.wait(timeout=5)


def konversi(
    pasangan: list[tuple[Path, Path]],
    lo: LibreOffice,
    ditulis: Callable[[Path], None],
    bernomor: Callable[[Path], None] = lambda _p: None,
) -> list[str]:
    """Convert each ``(docx, pdf)`` in one LibreOffice session; ``ditulis`` is called with
    each PDF written, ``bernomor`` with each .docx whose table of contents and lists of
    tables and figures now carry the page numbers LibreOffice computed (written back into
    the .docx, see :func:`nomor_daftar`). Returns one message per document that failed;
    raises PdfGagal when LibreOffice cannot be started or does not answer in time."""
    from sakipgen.write import tulis_atomik

    if not pasangan:
        return []
    errors: list[str] = []
    with sinyal.folder_sementara("sakipgen-pdf-") as tmp:
        docs: list[list[str]] = []
        for i, (docx, _pdf) in enumerate(pasangan):
            # Loaded from a copy: LibreOffice's lock files stay out of the build folder.
            copy = tmp / f"{i}.docx"
            shutil.copyfile(docx, copy)
            docs.append([str(copy), str(tmp / f"{i}.pdf")])
        pipe = f"sakipgen-{os.getpid()}-{secrets.token_hex(6)}"
        job = tmp / "job.json"
        job.write_text(
            json.dumps({"pipe": pipe, "connect_timeout": WAKTU_MULAI, "docs": docs}),
            encoding="utf-8",
        )
        env = _bersih(dict(os.environ))
        office: subprocess.Popen[bytes] | None = None
        answered = False
        try:
            with sinyal.tunda():  # a SIGTERM cannot come between starting it and recording it
                office = subprocess.Popen(
                    [
                        lo.soffice,
                        "--headless",
                        "--invisible",
                        "--nologo",
                        "--nodefault",
                        "--norestore",
                        "--nolockcheck",
                        f"-env:UserInstallation={(tmp / 'profil').as_uri()}",
                        f"--accept=pipe,name={pipe};urp;StarOffice.ComponentContext",
                    ],
                    stdin=subprocess.DEVNULL,
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                    env=env,
                    start_new_session=True,  # its own process group, killed as one (POSIX)
                )
            out, err, code = _jalankan_pembantu(lo.python, job, env, office, len(docs))
            answered = True
        finally:
            # Told to exit by the helper when it answered; otherwise (a timeout, Ctrl-C,
            # SIGTERM) killed without a long wait. A second signal cannot cut this short.
            if office is not None:
                with sinyal.tunda():
                    _hentikan(office, WAKTU_BERHENTI if answered else 1.0)
        if code == 3:
            raise PdfGagal(
                _(
                    "PDF tidak dapat dibuat: LibreOffice tidak dapat dijalankan atau dihubungi "
                    "({err})."
                ).format(err=err.strip())
            )
        results: dict[object, dict[str, object]] = {}
        for line in out.splitlines():
            with contextlib.suppress(ValueError):
                r = json.loads(line)
                if isinstance(r, dict):
                    results[r.get("docx")] = r
        for (docx, target), (copy_name, pdf_name) in zip(pasangan, docs, strict=True):
            r = results.get(copy_name)
            data = Path(pdf_name).read_bytes() if Path(pdf_name).is_file() else b""
            if r is None or not r.get("ok") or not data.startswith(b"%PDF"):
                last = err.strip().splitlines()[-1:]
                why = (r or {}).get("error") or (last[0] if last else _("tidak ada hasil"))
                errors.append(_("{docx}: PDF gagal dibuat ({why})").format(docx=docx, why=why))
                continue
            try:
                tulis_atomik(target, data)
            except OSError as exc:
                errors.append(
                    _("{target}: PDF tidak dapat ditulis ({sebab})").format(
                        target=target, sebab=exc.strerror or exc
                    )
                )
                continue
            ditulis(target)
            indeks = r.get("indeks")
            if isinstance(indeks, list) and all(isinstance(x, list) for x in indeks):
                try:
                    old = docx.read_bytes()
                    new = isi_nomor_docx(old, [[str(line) for line in x] for x in indeks])
                    if new != old:
                        tulis_atomik(docx, new)
                        # The PDF was made from this content: it stays current.
                        stamp = docx.stat().st_mtime_ns
                        os.utime(target, ns=(stamp, stamp))
                        bernomor(docx)
                except (OSError, ValueError, zipfile.BadZipFile):
                    pass  # the .docx keeps asking Word to number its lists
    return errors


def _jalankan_pembantu(
    python: str,
    job: Path,
    env: dict[str, str],
    office: subprocess.Popen[bytes],
    count: int,
) -> tuple[str, str, int]:
    """Run pdf_uno.py and wait for it, giving up when it or LibreOffice hangs or dies."""
    script = resources.files("sakipgen") / "pdf_uno.py"
    with resources.as_file(script) as path:
        with sinyal.tunda():
            helper = subprocess.Popen(
                [python, str(path), str(job)],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
                env=env,
            )
        try:
            return _tunggu(helper, office, WAKTU_MULAI + WAKTU_PER_DOKUMEN * count)
        finally:
            with sinyal.tunda():
                if helper.poll() is None:
                    helper.kill()
                    helper.communicate()


def _tunggu(
    helper: subprocess.Popen[str], office: subprocess.Popen[bytes], timeout: float
) -> tuple[str, str, int]:
    deadline = time.monotonic() + timeout
    office_gone: float | None = None
    while True:
        try:
            out, err = helper.communicate(timeout=0.5)
            return out, err, helper.returncode
        except subprocess.TimeoutExpired:
            now = time.monotonic()
            if office_gone is None and office.poll() is not None:
                office_gone = now  # exiting after the last document, or crashed
            if now > deadline or (
                office_gone is not None and now > office_gone + WAKTU_SESUDAH_BERHENTI
            ):
                reason = (
                    _("LibreOffice berhenti sebelum selesai")
                    if office_gone is not None
                    else _("waktu habis")
                )
                raise PdfGagal(
                    _("PDF tidak dapat dibuat: {reason}.").format(reason=reason)
                ) from None


def pasangan_pdf(ditulis: Iterable[str], tetap: Iterable[str]) -> list[tuple[Path, Path]]:
    """``(docx, pdf)`` to convert: every .docx written now, and an unchanged .docx whose
    PDF is missing or older than it."""
    pairs: list[tuple[Path, Path]] = []
    for name in ditulis:
        docx = Path(name)
        pairs.append((docx, docx.with_suffix(".pdf")))
    for name in tetap:
        docx = Path(name)
        pdf = docx.with_suffix(".pdf")
        try:
            stale = pdf.stat().st_mtime < docx.stat().st_mtime
        except OSError:
            stale = True
        if stale:
            pairs.append((docx, pdf))
    return pairs


def susun_pdf(
    ditulis: Iterable[str],
    tetap: Iterable[str],
    cetak: Callable[[str], None],
    lapor: Callable[[str], None],
    bernomor: Callable[[Path], None] = lambda _p: None,
) -> bool:
    """The ``build --pdf`` step: PDFs for the documents of one build, in one LibreOffice
    session. ``cetak`` gets each PDF path written, ``lapor`` each problem. True when
    every PDF was written. SIGTERM or SIGHUP meanwhile: LibreOffice stopped, the
    temporary folder removed, then :class:`~sakipgen.sinyal.Dihentikan` (exit 128 + signal)."""
    pairs = pasangan_pdf(ditulis, tetap)
    if not pairs:
        return True
    try:
        with sinyal.dijaga():
            lo = temukan()
            errors = konversi(pairs, lo, lambda p: cetak(str(p)), bernomor)
    except (PdfTidakTersedia, PdfGagal) as exc:
        lapor(f"{exc}\n" + _("Berkas .docx sudah ditulis; hanya PDF yang belum."))
        return False
    for e in errors:
        lapor(e)
    return not errors


_FIELD_TOC = re.compile(
    r'<w:fldChar w:fldCharType="begin"[^>]*/></w:r><w:r><w:instrText[^>]*> TOC [^<]*'
    r'</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r></w:p>'
    r"(.*?)"
    r'<w:p><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>',
    re.S,
)
_PARAGRAF = re.compile(r"<w:p>.*?</w:p>", re.S)
_TEKS = re.compile(r"<w:t(?:\s[^>]*)?>([^<]*)</w:t>|<w:br/>")


def _entri(lines: list[str]) -> list[tuple[str, str]] | None:
    """(title, page) per entry of an index as LibreOffice filled it; a heading with a
    line break spans two lines, the page number follows a tab on the last."""
    out: list[tuple[str, str]] = []
    acc: list[str] = []
    for line in lines:
        if "\t" in line:
            title, _sep, page = line.rpartition("\t")
            out.append((" ".join([*acc, title]).strip(), page.strip()))
            acc = []
        else:
            acc.append(line.strip())
    return out if not acc else None


def _sama(a: str, b: str) -> bool:
    return " ".join(a.split()) == " ".join(b.split())


def nomor_daftar(document_xml: str, indeks: list[list[str]]) -> str:
    """``word/document.xml`` with the page numbers LibreOffice computed written into
    the visible results of the table of contents and the lists of tables and figures,
    so every office suite shows them, not only Word after it updates fields.  An index
    whose entries do not match the document's, one for one, is left as it was."""
    fields = list(_FIELD_TOC.finditer(document_xml))
    if len(fields) != len(indeks):
        return document_xml
    out, pos = [], 0
    for m, lines in zip(fields, indeks, strict=True):
        entries = _entri(lines)
        paras = list(_PARAGRAF.finditer(m.group(1)))
        titles = [
            html.unescape("".join(t.group(1) or " " for t in _TEKS.finditer(p.group(0))))
            for p in paras
        ]
        if entries is None or len(entries) != len(paras):
            continue
        if not all(_sama(t, e[0]) for t, e in zip(titles, entries, strict=True)):
            continue
        filled = []
        for p, (_title, page) in zip(paras, entries, strict=True):
            run = f'<w:r><w:tab/><w:t xml:space="preserve">{html.escape(page)}</w:t></w:r>'
            filled.append(p.group(0)[: -len("</w:p>")] + run + "</w:p>")
        start = m.start(1)
        out.append(document_xml[pos:start] + "".join(filled))
        pos = m.end(1)
    out.append(document_xml[pos:])
    return "".join(out)


def isi_nomor_docx(data: bytes, indeks: list[list[str]]) -> bytes:
    """The .docx with :func:`nomor_daftar` applied to its ``word/document.xml``."""
    from sakipgen.write import ganti_bagian_zip

    return ganti_bagian_zip(
        data,
        "word/document.xml",
        lambda body: nomor_daftar(body.decode("utf-8"), indeks).encode("utf-8"),
    )
