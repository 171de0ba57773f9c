"""Render documents: one module per document kind prepares its data, a Jinja template
(``templates/docx/<jenis>.xml.j2``) lays out the body, :mod:`paket` zips the package.

A dinas may override any built-in template file by putting a file of the same name
in its own ``templates/docx/`` folder (README "Templates").
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from importlib.resources import files
from pathlib import Path
from typing import Any

from sakipgen.diagnostics import Diagnostic, Location, display_path
from sakipgen.model.folder import Dinas

JENIS = ["rkt", "iku", "pk", "rencana-aksi", "lkjip"]
_MODULES = {
    "rkt": "rkt",
    "iku": "iku",
    "pk": "pk",
    "rencana-aksi": "rencana_aksi",
    "lkjip": "lkjip",
}


def builtin_templates() -> Path:
    return Path(str(files("sakipgen.templates"))) / "docx"


@dataclass
class Templat:
    """Where template files are looked up: the dinas's own folder first."""

    dirs: list[Path]

    @classmethod
    def untuk(cls, dinas: Dinas) -> Templat:
        own = dinas.folder / "templates" / "docx"
        return cls(([own] if own.is_dir() else []) + [builtin_templates()])

    def read(self, name: str) -> str:
        for d in self.dirs:
            p = d / name
            if p.is_file():
                return p.read_text(encoding="utf-8")
        raise FileNotFoundError(name)

    def styles(self, dinas: Dinas) -> str:
        """styles.xml of the dinas's reference.docx (made in Word), else the template file."""
        ref = dinas.folder / "templates" / "reference.docx"
        if ref.is_file():
            import zipfile

            with zipfile.ZipFile(ref) as zf:
                return zf.read("word/styles.xml").decode("utf-8")
        return self.read("styles.xml")


CACHE_DIR: Path | None = None
"""Set by the CLI to DIR/build/.cache: compiled templates and drawn charts are kept there
by content, so an unchanged rebuild neither recompiles templates nor imports matplotlib."""

_ENVIRONMENTS: dict[tuple[Path, ...], Any] = {}


def environment(templat: Templat) -> Any:
    """One sandboxed environment per template search path, so compiled templates are
    reused across documents and dinas (Jinja re-checks file modification times)."""
    key = tuple(templat.dirs)
    if key not in _ENVIRONMENTS:
        _ENVIRONMENTS[key] = _new_environment(templat)
    return _ENVIRONMENTS[key]


def _new_environment(templat: Templat) -> Any:
    from jinja2 import FileSystemLoader, StrictUndefined
    from jinja2.sandbox import SandboxedEnvironment

    from sakipgen import format as fmt

    bytecode = None
    if CACHE_DIR is not None:
        from jinja2 import FileSystemBytecodeCache

        (CACHE_DIR / "jinja").mkdir(parents=True, exist_ok=True)
        bytecode = FileSystemBytecodeCache(str(CACHE_DIR / "jinja"))
    env = SandboxedEnvironment(
        bytecode_cache=bytecode,
        loader=FileSystemLoader([str(d) for d in templat.dirs]),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )
    env.filters.update(
        angka=fmt.angka,
        persen=fmt.persen,
        rupiah=fmt.rupiah,
        tanggal=fmt.tanggal,
        nilai=fmt.nilai,
    )
    return env


@dataclass
class Hasil:
    jenis: str
    tahun: int
    data: bytes | None
    diagnostics: list[Diagnostic]


def tahun_bawaan(dinas: Dinas, jenis: str) -> int | None:
    """The year a document is built for when ``--year`` is not given."""
    mod = importlib.import_module(f"sakipgen.render.{_MODULES[jenis]}")
    choose: Callable[[Dinas], int | None] = mod.tahun_bawaan
    return choose(dinas)


def build(dinas: Dinas, jenis: str, tahun: int) -> Hasil:
    """Render one document; data problems come back as diagnostics, never exceptions."""
    from sakipgen.calc.narasi import Konteks, isi
    from sakipgen.calc.tahun import hitung_tahun
    from sakipgen.render.dokumen import DataKurang, Dokumen, tanggal_dokumen
    from sakipgen.render.paket import Halaman, Paket, zip_docx

    mod = importlib.import_module(f"sakipgen.render.{_MODULES[jenis]}")
    templat = Templat.untuk(dinas)
    where = Location(display_path(dinas.folder), 0, 0)
    import ruamel.yaml

    page = ruamel.yaml.YAML(typ="safe").load(templat.read("halaman.yaml"))
    paket = Paket(potret=Halaman(**page["potret"]), lanskap=Halaman(**page["lanskap"]))
    hasil, _diags = hitung_tahun(dinas, tahun)
    functions = Konteks(dinas, hasil).functions()

    def isi_narasi(text: str) -> str:
        return isi(text, functions)[0]

    doc = Dokumen(dinas, tahun, paket, isi_narasi)
    try:
        konteks: dict[str, Any] = mod.konteks(dinas, tahun, hasil, doc)
    except DataKurang as exc:
        return Hasil(
            jenis, tahun, None, [Diagnostic.make(where, "D001", f"{jenis} {tahun}: {exc}")]
        )
    env = environment(templat)
    from jinja2 import TemplateError

    try:
        template = env.get_template(f"{jenis}.xml.j2")
        body = template.render(
            doc=doc, dinas=dinas, ident=dinas.identitas.model, tahun=tahun, hasil=hasil, **konteks
        )
    except DataKurang as exc:
        return Hasil(
            jenis, tahun, None, [Diagnostic.make(where, "D001", f"{jenis} {tahun}: {exc}")]
        )
    except TemplateError as exc:
        lineno = getattr(exc, "lineno", None) or 0
        name = getattr(exc, "filename", None) or getattr(exc, "name", None) or f"{jenis}.xml.j2"
        return Hasil(
            jenis,
            tahun,
            None,
            [Diagnostic.make(Location(str(name), lineno, 1 if lineno else 0), "D002", str(exc))],
        )
    final = paket.sect_pr(doc.seksi)
    body = doc.isi_daftar(body)
    tanggal = tanggal_dokumen(dinas, tahun, konteks.get("jenis_dokumen", jenis.replace("-", "_")))
    data = zip_docx(
        body,
        final,
        paket,
        styles=templat.styles(dinas),
        footer_halaman=templat.read("footer-halaman.xml"),
        footer_kosong=templat.read("footer-kosong.xml"),
        judul=str(konteks.get("judul", jenis)),
        tanggal=tanggal or date(tahun, 1, 1),
        penyusun=dinas.nama,
    )
    return Hasil(jenis, tahun, data, doc.masalah)
