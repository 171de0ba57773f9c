"""Render documents: one module per document kind prepares its data, a Jinja template
(``templates/docx/<jenis>.xml.j2``) lays out the body, :mod:`paket` zips the package.

A dinas may override any built-in template file by putting a file of the same name
in its own ``templates/docx/`` folder (README "Templates").
"""

from __future__ import annotations

import functools
import importlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from importlib.resources import files
from pathlib import Path
from typing import Any

from sakipgen.diagnostics import Diagnostic, Location, display_path
from sakipgen.i18n import _
from sakipgen.jenis import JENIS
from sakipgen.model.folder import TemplatDinas, UkuranHalaman
from sakipgen.pipeline import Bundel
from sakipgen.render.sandbox import Lingkungan, lingkungan, teks_bawaan


def builtin_templates() -> Path:
    return Path(str(files("sakipgen.templates"))) / "docx"


@dataclass
class Templat:
    """Template files of one dinas: its own (read and checked when the folder was loaded)
    over the built-in ones.  Rendering reads nothing from the dinas folder."""

    own: TemplatDinas

    def read(self, name: str) -> str:
        text = self.own.berkas.get(name)
        if text is None:
            text = teks_bawaan(builtin_templates(), name)
        if text is None:
            raise FileNotFoundError(name)
        return text

    def styles(self) -> str:
        """styles.xml of the dinas's reference.docx (made in Word), else the template file."""
        return self.own.styles or self.read("styles.xml")

    def halaman(self) -> tuple[UkuranHalaman, UkuranHalaman]:
        return self.own.halaman or _halaman_bawaan()

    def lingkungan(self) -> Lingkungan:
        own = {n: t for n, t in self.own.berkas.items() if n.endswith(".j2")}
        return lingkungan(own, self.own.lokasi, builtin_templates())


@functools.cache
def _halaman_bawaan() -> tuple[UkuranHalaman, UkuranHalaman]:
    import ruamel.yaml

    text = teks_bawaan(builtin_templates(), "halaman.yaml")
    assert text is not None
    page = ruamel.yaml.YAML(typ="safe").load(text)
    return UkuranHalaman(**page["potret"]), UkuranHalaman(**page["lanskap"])


@dataclass
class Hasil:
    jenis: str
    tahun: int
    data: bytes | None
    diagnostics: list[Diagnostic]
    akhiran: str = ""
    """The period a document of the year reports (``tw3``), for its file name."""


Penyusun = Callable[[Bundel, int, Any], dict[str, Any]]
"""A document kind's part of rendering: the figures and tables its template places."""


_MODUL: dict[str, str] = {
    "rkt": "rkt",
    "iku": "iku",
    "pk": "pk",
    "rencana-aksi": "rencana_aksi",
    "lkjip": "lkjip",
    "monitoring": "pemantauan",
    "e81": "e81",
}
"""Document kind (``sakipgen.jenis.JENIS``) → the module under ``sakipgen.render`` that
prepares it."""


def penyusun(jenis: str) -> Penyusun:
    """The ``konteks`` of a document kind's module, imported when that kind is built: a
    process building one LKjIP does not import the six other kinds."""
    modul = importlib.import_module(f"sakipgen.render.{_MODUL[jenis]}")
    konteks: Penyusun = modul.konteks
    return konteks


def susun(bundel: Bundel, jenis: str, tahun: int) -> Hasil:
    """Render one document from the pipeline's bundle (built with
    ``Pilihan(dokumen=True)`` and the year among its years); data problems come back as
    diagnostics, never exceptions.  A dinas's own template that fails in any way is a
    D002 at its line."""
    from jinja2 import TemplateError

    from sakipgen.render import sandbox
    from sakipgen.render.data import Data, polos
    from sakipgen.render.dok_ttd import rekat_tanda_tangan
    from sakipgen.render.dokumen import DataKurang, Dokumen, tanggal_dokumen
    from sakipgen.render.kelengkapan import bagian_kosong
    from sakipgen.render.paket import Paket, font_dokumen, zip_docx

    dinas = bundel.dinas
    assert dinas is not None and tahun in bundel.hasil, "the pipeline computes the year first"
    konteks_dokumen = penyusun(jenis)
    templat = Templat(dinas.templat)
    where = Location(display_path(dinas.folder), 0, 0)
    potret, lanskap = templat.halaman()
    styles = templat.styles()
    paket = Paket(potret=potret, lanskap=lanskap, font=font_dokumen(styles))
    hasil = bundel.hasil[tahun]
    doc = Dokumen(dinas, tahun, paket, bundel.narasi, bundel.tabel)
    try:
        konteks: dict[str, Any] = konteks_dokumen(bundel, tahun, doc)
    except DataKurang as exc:
        return Hasil(
            jenis, tahun, None, [Diagnostic.make(where, exc.code, f"{jenis} {tahun}: {exc}")]
        )
    ident = dinas.identitas.model
    # Templates get plain data only (render/data.py): no model, path or result object.
    data: dict[str, Any] = {k: polos(v) for k, v in konteks.items()}
    data.update(
        doc=doc,
        dinas=Data(
            {"nama": dinas.nama, "identitas": polos(ident), "renstra": polos(dinas.renstra.model)}
        ),
        ident=polos(ident),
        tahun=tahun,
        hasil=polos(hasil),
    )
    env = templat.lingkungan()
    try:
        template = env.get_template(f"{jenis}.xml.j2")
        body = sandbox.render(template, data)
    except DataKurang as exc:
        return Hasil(
            jenis, tahun, None, [Diagnostic.make(where, exc.code, f"{jenis} {tahun}: {exc}")]
        )
    except (TemplateError, RecursionError, MemoryError) as exc:
        return Hasil(jenis, tahun, None, [_galat_templat(exc, jenis, templat)])
    except Exception as exc:
        if not any(n.endswith(".j2") for n in templat.own.berkas):
            raise  # the built-in templates failing is sakipgen's bug, not the data's
        return Hasil(jenis, tahun, None, [_galat_templat(exc, jenis, templat)])
    final = paket.sect_pr(doc.seksi)
    # A signature keeps the closing lines of its text on its page.
    body = rekat_tanda_tangan(doc.isi_daftar(body))
    # A periodic report (monitoring, E.81) is dated per period; the others per year.
    tanggal = konteks.get("tanggal_dokumen") or tanggal_dokumen(
        dinas, tahun, konteks.get("jenis_dokumen", jenis.replace("-", "_"))
    )
    out = zip_docx(
        body,
        final,
        paket,
        styles=styles,
        footer_halaman=templat.read("footer-halaman.xml"),
        footer_kosong=templat.read("footer-kosong.xml"),
        judul=str(konteks.get("judul", jenis)),
        tanggal=tanggal or date(tahun, 1, 1),
        penyusun=dinas.nama,
    )
    # What a reviewer would find hollow: empty sections, an announced list with nothing
    # after it (render/kelengkapan.py); the figures' gaps were noted while filling.
    hollow = [
        Diagnostic.make(where, code, f"{jenis} {tahun}: {pesan}")
        for code, pesan in bagian_kosong(body)
    ]
    return Hasil(jenis, tahun, out, [*doc.masalah, *hollow], str(konteks.get("akhiran", "")))


def _galat_templat(exc: BaseException, jenis: str, templat: Templat) -> Diagnostic:
    """A D002 at the template line that failed, as far as it can be found."""
    from jinja2 import TemplateSyntaxError

    names = (
        set(templat.own.lokasi.values()) | set(templat.own.berkas) | {f"{j}.xml.j2" for j in JENIS}
    )
    file, line = f"{jenis}.xml.j2", 0
    if isinstance(exc, TemplateSyntaxError) and exc.lineno:
        file = exc.filename or exc.name or file
        line = exc.lineno
    else:
        tb = exc.__traceback__
        while tb is not None:
            code = tb.tb_frame.f_code
            if code.co_filename in names:
                file, line = code.co_filename, tb.tb_lineno
            tb = tb.tb_next
    if isinstance(exc, RecursionError):
        message = _("templat memanggil dirinya sendiri tanpa henti (extends/include/macro)")
    elif isinstance(exc, MemoryError):
        message = _("templat kehabisan memori")
    else:
        message = str(exc) or type(exc).__name__
    return Diagnostic.make(Location(str(file), line, 1 if line else 0), "D002", message)
