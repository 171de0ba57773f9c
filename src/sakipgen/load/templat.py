"""A dinas's own templates and its logo, read and checked when the folder is loaded.

Building a document then reads nothing more from the folder: what the renderers use
is what ``check`` saw, under the same limits (README "Templat", "Folder tak tepercaya").
"""

from __future__ import annotations

import io
import re
import struct
import zipfile
from pathlib import Path

from sakipgen.diagnostics import Diagnostic, Location
from sakipgen.i18n import _
from sakipgen.load.akses import MAX_BYTES, Akses, Ditolak, ribuan
from sakipgen.load.validate import validate
from sakipgen.load.yaml_reader import baca_teks, baca_yaml
from sakipgen.model.dinas import Identitas
from sakipgen.model.folder import Berkas, Logo, TemplatDinas, UkuranHalaman
from sakipgen.model.templat import HalamanTemplat, Ukuran, aturan_pohon

MAX_REFERENCE = 32 * 1024 * 1024
"""Largest ``reference.docx`` read (Word files with embedded fonts are a few MiB)."""
MAX_LOGO = 5 * 1024 * 1024
MAX_PIKSEL = 10_000
"""Largest logo side in pixels: a letterhead logo is a few hundred."""

_BAWAAN = {"footer-halaman.xml", "footer-kosong.xml", "halaman.yaml", "styles.xml"}
# A document type declaration can define entities ("billion laughs") that Word and
# LibreOffice would expand; WordprocessingML parts never need one.
_DOCTYPE = re.compile(r"<!DOCTYPE|<!ENTITY", re.IGNORECASE)


def _dikenal(nama: str) -> bool:
    return nama in _BAWAAN or nama.endswith(".j2")


def muat_templat(akses: Akses, diags: list[Diagnostic]) -> TemplatDinas | None:
    """``templates/docx/*`` and ``templates/reference.docx`` of the dinas folder."""
    root = akses.folder / "templates"
    if not akses.adalah_folder(root, diags):
        return None
    names = akses.nama_isi(root, diags, "templates")
    berkas: dict[str, str] = {}
    lokasi: dict[str, str] = {}
    halaman = None
    docx = root / "docx"
    if "docx" in names and akses.adalah_folder(docx, diags):
        for name in akses.nama_isi(docx, diags):
            path = docx / name
            if not _dikenal(name):
                diags.append(
                    Diagnostic.make(
                        Location(akses.tampil(path), 1, 1),
                        "F006",
                        _(
                            "berkas templat '{nama}' tidak dikenal dan diabaikan (yang dipakai: "
                            "*.j2, styles.xml, footer-halaman.xml, footer-kosong.xml, "
                            "halaman.yaml)"
                        ).format(nama=name),
                    )
                )
                continue
            if name == "halaman.yaml":
                halaman = _halaman(akses, path, diags)
                continue
            text = baca_teks(akses, path, diags)
            if text is None:
                continue
            if name.endswith(".xml") and not _xml_baik(text, akses.tampil(path), diags):
                continue
            berkas[name] = text
            lokasi[name] = akses.tampil(path)
    styles = None
    if "reference.docx" in names:
        styles = _styles_reference(akses, root / "reference.docx", diags)
    jinja = {n: t for n, t in berkas.items() if n.endswith(".j2")}
    if jinja:
        periksa_jinja(jinja, lokasi, diags)
    return TemplatDinas(berkas, lokasi, styles, halaman)


def periksa_jinja(
    berkas: dict[str, str], lokasi: dict[str, str], diags: list[Diagnostic]
) -> set[str]:
    """Parse the dinas's own templates as ``build`` would and follow their ``extends``,
    ``include`` and ``import``: syntax errors, refused constructs and templates that
    reach themselves again are D002 at their line.  Returns the names found broken."""
    from jinja2 import Environment, TemplateSyntaxError, meta

    env = Environment(trim_blocks=True, lstrip_blocks=True, autoescape=True)
    rusak: set[str] = set()
    rujukan: dict[str, list[str]] = {}
    for name, text in sorted(berkas.items()):
        shown = lokasi.get(name, name)
        try:
            tree = env.parse(text, name, shown)
        except TemplateSyntaxError as exc:
            diags.append(
                Diagnostic.make(Location(shown, exc.lineno or 1, 1), "D002", exc.message or "")
            )
            rusak.add(name)
            continue
        except RecursionError:
            diags.append(
                Diagnostic.make(
                    Location(shown, 1, 1), "D002", _("templat terlalu dalam bertingkat")
                )
            )
            rusak.add(name)
            continue
        for line, message in aturan_pohon(tree):
            diags.append(Diagnostic.make(Location(shown, line, 1), "D002", message))
            rusak.add(name)
        rujukan[name] = [r for r in meta.find_referenced_templates(tree) if r in berkas]
    for name in sorted(rujukan):
        jalan = _putaran(name, rujukan)
        if jalan:
            shown = lokasi.get(name, name)
            diags.append(
                Diagnostic.make(
                    Location(shown, 1, 1),
                    "D002",
                    _("templat memuat dirinya sendiri lagi: {jalan}").format(
                        jalan=" → ".join(jalan)
                    ),
                )
            )
            rusak.add(name)
    return rusak


def _putaran(awal: str, rujukan: dict[str, list[str]]) -> list[str] | None:
    """A chain of references from ``awal`` back to itself, if there is one."""
    stack: list[tuple[str, list[str]]] = [(awal, [awal])]
    seen: set[str] = set()
    while stack:
        name, jalan = stack.pop()
        for nxt in rujukan.get(name, []):
            if nxt == awal:
                return [*jalan, nxt]
            if nxt not in seen:
                seen.add(nxt)
                stack.append((nxt, [*jalan, nxt]))
    return None


def _halaman(
    akses: Akses, path: Path, diags: list[Diagnostic]
) -> tuple[UkuranHalaman, UkuranHalaman] | None:
    yf = baca_yaml(akses, path, diags)
    if yf is None:
        return None
    model = validate(HalamanTemplat, yf, diags)
    if model is None:
        return None

    def ukuran(u: Ukuran) -> UkuranHalaman:
        return UkuranHalaman(u.lebar, u.tinggi, u.atas, u.kanan, u.bawah, u.kiri)

    return ukuran(model.potret), ukuran(model.lanskap)


def _xml_baik(text: str, shown: str, diags: list[Diagnostic]) -> bool:
    """A WordprocessingML part: no DTD, well-formed."""
    from xml.etree import ElementTree as ET

    m = _DOCTYPE.search(text)
    if m:
        line = text.count("\n", 0, m.start()) + 1
        col = m.start() - (text.rfind("\n", 0, m.start()) + 1) + 1
        diags.append(
            Diagnostic.make(
                Location(shown, line, col),
                "D002",
                _("deklarasi DOCTYPE/ENTITY tidak diperbolehkan di templat XML"),
            )
        )
        return False
    try:
        ET.fromstring(text)
    except ET.ParseError as exc:
        line, col = getattr(exc, "position", (1, 0))
        diags.append(
            Diagnostic.make(
                Location(shown, line, col + 1),
                "D002",
                _("XML templat tidak valid: {pesan}").format(pesan=exc),
            )
        )
        return False
    return True


def _styles_reference(akses: Akses, path: Path, diags: list[Diagnostic]) -> str | None:
    """``word/styles.xml`` of a reference document made in Word, read within limits (a
    zip's header may lie about sizes, so the read itself is bounded)."""
    raw = akses.baca(path, diags, batas=MAX_REFERENCE)
    if raw is None:
        return None
    shown = akses.tampil(path)

    def salah(pesan: str) -> None:
        diags.append(Diagnostic.make(Location(shown, 1, 1), "D002", pesan))

    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as zf:
            try:
                info = zf.getinfo("word/styles.xml")
            except KeyError:
                salah(_("reference.docx tidak memuat word/styles.xml (simpan ulang dari Word)"))
                return None
            if info.file_size > MAX_BYTES:
                salah(
                    _("word/styles.xml di reference.docx melebihi {batas} byte").format(
                        batas=ribuan(MAX_BYTES)
                    )
                )
                return None
            with zf.open(info) as fh:
                data = fh.read(MAX_BYTES + 1)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, OSError, EOFError):
        salah(_("reference.docx bukan dokumen Word (.docx) yang valid"))
        return None
    except RuntimeError:  # encrypted entries
        salah(_("reference.docx terkunci kata sandi"))
        return None
    if len(data) > MAX_BYTES:
        salah(
            _("word/styles.xml di reference.docx melebihi {batas} byte").format(
                batas=ribuan(MAX_BYTES)
            )
        )
        return None
    try:
        text = data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError:
        salah(_("word/styles.xml di reference.docx bukan teks UTF-8"))
        return None
    if not _xml_baik(text, f"{shown}:word/styles.xml", diags):
        return None
    return text


def muat_logo(akses: Akses, identitas: Berkas[Identitas], diags: list[Diagnostic]) -> Logo | None:
    """The logo named by ``kop.logo``: inside the folder, a PNG or JPEG of sane size."""
    kop = identitas.model.kop
    if kop is None or not kop.logo:
        return None
    where = identitas.source.locate(("kop", "logo"))
    try:
        path = akses.jalur_dinas(kop.logo)
    except Ditolak as exc:
        diags.append(
            Diagnostic.make(
                where,
                exc.code,
                _("berkas logo '{logo}': {pesan}").format(logo=kop.logo, pesan=exc.message),
            )
        )
        return None
    try:
        akses.nyata_di_dalam(path)
    except Ditolak as exc:
        # Traced like a file read, so adding the file later is seen by the build hash.
        akses.jejak.berkas[akses.relatif(path)] = "!" + exc.code
        akses.jejak.batas[akses.relatif(path)] = MAX_LOGO
        message = (
            _("berkas logo '{logo}' tidak ada di folder dinas").format(logo=kop.logo)
            if exc.code == "F001"
            else _("berkas logo '{logo}': {pesan}").format(logo=kop.logo, pesan=exc.message)
        )
        diags.append(Diagnostic.make(where, exc.code, message))
        return None
    data = akses.baca(path, diags, batas=MAX_LOGO)
    if data is None:
        return None
    jenis, ukuran = _gambar(data)
    if jenis is None:
        diags.append(
            Diagnostic.make(
                where,
                "S004",
                _("berkas logo '{logo}' harus gambar PNG atau JPEG").format(logo=kop.logo),
            )
        )
        return None
    if ukuran is None or max(ukuran) > MAX_PIKSEL or min(ukuran) < 1:
        diags.append(
            Diagnostic.make(
                where,
                "S004",
                _(
                    "berkas logo '{logo}': ukuran gambar tidak terbaca atau lebih dari "
                    "{batas} piksel"
                ).format(logo=kop.logo, batas=ribuan(MAX_PIKSEL)),
            )
        )
        return None
    return Logo(data, jenis)


def _gambar(data: bytes) -> tuple[str | None, tuple[int, int] | None]:
    """The image kind and its pixel size from the file header, without decoding it."""
    if data[:8] == b"\x89PNG\r\n\x1a\n":
        if len(data) >= 24 and data[12:16] == b"IHDR":
            w, h = struct.unpack(">II", data[16:24])
            return "png", (w, h)
        return "png", None
    if data[:3] == b"\xff\xd8\xff":
        return "jpeg", _ukuran_jpeg(data)
    return None, None


def _ukuran_jpeg(data: bytes) -> tuple[int, int] | None:
    """Width and height from the first start-of-frame marker."""
    i = 2
    n = len(data)
    while i + 9 < n:
        if data[i] != 0xFF:
            return None
        marker = data[i + 1]
        if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:
            i += 2
            continue
        length = struct.unpack(">H", data[i + 2 : i + 4])[0]
        if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
            h, w = struct.unpack(">HH", data[i + 5 : i + 9])
            return w, h
        i += 2 + length
    return None
