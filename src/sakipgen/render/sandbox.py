"""The Jinja sandbox document templates run in, with limits on what they can reach,
how long they can run and how much they can make.

A dinas may bring its own ``templates/docx/*.j2``, and a dinas folder is untrusted, so
a template is treated as code from a stranger (README "Folder tak tepercaya"):

* **reach**: attributes are allowed only on plain data (:mod:`sakipgen.render.data`):
  record fields, the ``doc`` helper's allow-list, and the harmless methods of text,
  numbers, lists and dicts; underscore attributes never (Jinja's own rule);
* **time**: every call, filter, loop iteration and ``range`` item costs a step of a
  budget per document (:data:`MAX_LANGKAH`); recursive ``for`` loops are refused;
* **memory**: every value a template makes is charged to a byte budget
  (:data:`MAX_BYTE`), one value may not exceed :data:`MAX_NILAI`, operators and
  methods that multiply sizes (``*``, ``**``, ``str.replace``, widths) are checked
  before they run, integer arguments are bounded (:data:`MAX_BILANGAN`), and the
  document body may not exceed :data:`MAX_KELUARAN`;
* **files**: templates come only from the dinas's own templates (read when the folder
  was loaded) and the built-in ones.  Only a built-in template's compiled code is kept
  between runs (:class:`KodeBawaan`), in sakipgen's own cache folder; a dinas's own
  template is compiled afresh in every process.
"""

from __future__ import annotations

import contextvars
import functools
import hashlib
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from jinja2 import BaseLoader, StrictUndefined, TemplateNotFound, nodes, pass_eval_context
from jinja2.bccache import Bucket, BytecodeCache
from jinja2.exceptions import SecurityError, TemplateSyntaxError
from jinja2.runtime import LoopContext, Macro, markup_join, str_join
from jinja2.sandbox import SandboxedEnvironment
from jinja2.utils import Cycler, Joiner, Namespace

from sakipgen import cache
from sakipgen.i18n import _
from sakipgen.model.nilai import Nilai
from sakipgen.render.data import SKALAR, Data

MAX_LANGKAH = 2_000_000
"""Steps (calls, filters, loop iterations, range items) one document may take; the
largest built-in document takes about 1 % of it."""
MAX_BYTE = 256 * 1024 * 1024
"""Characters (or list items) all values a template makes may add up to."""
MAX_NILAI = 16 * 1024 * 1024
"""Largest single text or list a template may make."""
MAX_KELUARAN = 64 * 1024 * 1024
"""Largest document body (WordprocessingML) a template may write."""
MAX_BILANGAN = 100_000
"""Largest integer argument to a call or filter (widths, counts, sizes)."""
MAX_BIT = 4096
"""Largest integer a template may compute, in bits."""


class BatasTerlampaui(SecurityError):
    """A template went over one of the limits above.  A Jinja ``SecurityError`` (not a
    :class:`~sakipgen.errors.TemuanData`) so that Jinja's own sandbox machinery treats
    it as one; the renderer reports every template error as D002 at its line."""


@dataclass
class Anggaran:
    """What one document's rendering may still spend."""

    langkah: int = MAX_LANGKAH
    byte: int = MAX_BYTE

    def bayar_langkah(self, n: int = 1) -> None:
        self.langkah -= n
        if self.langkah < 0:
            raise BatasTerlampaui(
                _(
                    "templat berjalan terlalu lama (lebih dari {batas} langkah: panggilan, "
                    "filter dan putaran for); periksa perulangannya"
                ).format(batas=f"{MAX_LANGKAH:,}".replace(",", "."))
            )

    def bayar_ukuran(self, value: object) -> None:
        n = _ukuran(value)
        if n > MAX_NILAI:
            raise BatasTerlampaui(
                _("templat membuat nilai terlalu besar ({ukuran} karakter atau butir)").format(
                    ukuran=f"{n:,}".replace(",", ".")
                )
            )
        self.byte -= n
        if self.byte < 0:
            raise BatasTerlampaui(
                _("templat membuat terlalu banyak data (lebih dari {batas} MiB)").format(
                    batas=MAX_BYTE // (1024 * 1024)
                )
            )


_AKTIF: contextvars.ContextVar[Anggaran | None] = contextvars.ContextVar(
    "sakipgen_anggaran_templat", default=None
)


def _anggaran() -> Anggaran:
    # Outside a rendering (Jinja folding constants while compiling) there is no budget
    # to charge, but the checks before an operation still apply.
    return _AKTIF.get() or Anggaran()


def _ukuran(value: object) -> int:
    if isinstance(value, str | list | tuple | dict):
        return len(value)
    return 0


def _terlalu_besar(n: int) -> None:
    if n > MAX_NILAI:
        raise BatasTerlampaui(
            _("templat membuat nilai terlalu besar ({ukuran} karakter atau butir)").format(
                ukuran=f"{n:,}".replace(",", ".")
            )
        )


def _periksa_argumen(args: Iterable[object]) -> None:
    for a in args:
        if isinstance(a, bool):
            continue
        if isinstance(a, int | float) and abs(a) > MAX_BILANGAN:
            raise BatasTerlampaui(
                _("bilangan {nilai} terlalu besar sebagai argumen (paling besar {batas})").format(
                    nilai=a, batas=f"{MAX_BILANGAN:,}".replace(",", ".")
                )
            )


# --- what a template may reach -------------------------------------------------------------

_STR_TERLARANG = frozenset(
    # Formatting runs a mini-language with unbounded widths; the others pad or repeat.
    {"format", "format_map", "expandtabs", "encode", "translate", "maketrans"}
)
_JINJA = (LoopContext, Macro, Namespace, Cycler, Joiner, StrictUndefined)


def _data_tetap() -> tuple[type, ...]:
    from sakipgen.render.paket import Seksi

    return (Nilai, Seksi)


def atribut_terbuka(obj: object) -> list[str]:
    """The attributes a template may read on ``obj`` besides record fields and the
    methods of text, numbers and containers: the ``doc`` helper's allow-list and the
    fields of frozen values (a target's ``jenis``/``angka``, ``doc.seksi.nomor``)."""
    from sakipgen.render.dokumen import Dokumen

    if isinstance(obj, Dokumen):
        return sorted(Dokumen.API)
    if isinstance(obj, _data_tetap()):
        names = [f.name for f in fields(obj)]  # type: ignore[arg-type]
        props = [
            n
            for n in dir(type(obj))
            if not n.startswith("_") and isinstance(getattr(type(obj), n), property)
        ]
        return names + props
    return []


class Lingkungan(SandboxedEnvironment):
    intercepted_binops = frozenset({"*", "**", "+", "%"})

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        if attr.startswith("_"):
            return False
        if isinstance(obj, Data):
            return attr in obj
        if isinstance(obj, str):
            return attr not in _STR_TERLARANG and super().is_safe_attribute(obj, attr, value)
        if isinstance(obj, (*SKALAR, list, dict, tuple, range, *_JINJA)):
            return super().is_safe_attribute(obj, attr, value)
        if _is_template_object(obj):
            return super().is_safe_attribute(obj, attr, value)
        return attr in atribut_terbuka(obj)

    def wrap_str_format(self, value: Any) -> None:
        # Jinja would hand out a sandboxed str.format; its widths are unbounded
        # ("{:>999999999}"), so str.format is simply not available (is_safe_attribute).
        return None

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        anggaran = _anggaran()
        anggaran.bayar_langkah()
        _periksa_argumen(args)
        _periksa_argumen(kwargs.values())
        name = getattr(__obj, "__name__", "")
        owner = getattr(__obj, "__self__", None)
        if isinstance(owner, str) and name == "replace" and len(args) >= 2:
            old, new = str(args[0]), str(args[1])
            count = owner.count(old) if old else len(owner) + 1
            _terlalu_besar(len(owner) + count * max(len(new) - len(old), 0))
        if isinstance(owner, str) and name == "join" and args:
            items = list(args[0])
            _terlalu_besar(sum(len(str(x)) for x in items) + len(owner) * len(items))
            args = (items, *args[1:])
        result = super().call(__context, __obj, *args, **kwargs)
        anggaran.bayar_ukuran(result)
        return result

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        _anggaran().bayar_langkah()
        if operator == "*":
            for seq, n in ((left, right), (right, left)):
                if isinstance(seq, str | list | tuple) and isinstance(n, int):
                    _terlalu_besar(len(seq) * max(n, 0))
            if _bulat(left) and _bulat(right):
                _bit(abs(left).bit_length() + abs(right).bit_length())
        elif operator == "**":
            if _bulat(left) and _bulat(right) and right > 0 and abs(left) > 1:
                _bit(abs(left).bit_length() * right)
        elif operator == "+":
            if isinstance(left, str | list | tuple) and isinstance(right, str | list | tuple):
                _terlalu_besar(len(left) + len(right))
        elif operator == "%" and isinstance(left, str):
            # printf-style formatting takes widths from the text itself ("%09999999d").
            raise BatasTerlampaui(_("operator % untuk teks tidak diizinkan; pakai ~"))
        result = self.binop_table[operator](left, right)
        _anggaran().bayar_ukuran(result)
        return result

    def _parse(self, source: str, name: str | None, filename: str | None) -> nodes.Template:
        from sakipgen.model.templat import aturan_pohon

        tree = super()._parse(source, name, filename)
        for line, message in aturan_pohon(tree):
            raise TemplateSyntaxError(message, line, name, filename)
        # Loops and joins are routed through counted helpers (see the module docstring).
        for loop in tree.find_all(nodes.For):
            loop.iter = nodes.Filter(loop.iter, "sakipgen_langkah", [], [], None, None)
        for concat in list(tree.find_all(nodes.Concat)):
            _ganti_concat(concat)
        return tree


def _ganti_concat(concat: nodes.Concat) -> None:
    """``a ~ b ~ c`` becomes ``[a, b, c]|sakipgen_gabung`` (same result, counted)."""
    items = nodes.List(list(concat.nodes), lineno=concat.lineno)
    concat.nodes = [nodes.Filter(items, "sakipgen_gabung", [], [], None, None)]


def _is_template_object(obj: object) -> bool:
    from jinja2.environment import TemplateModule
    from jinja2.runtime import BlockReference, TemplateReference

    return isinstance(obj, TemplateModule | TemplateReference | BlockReference)


def _bulat(v: object) -> bool:
    return isinstance(v, int) and not isinstance(v, bool)


def _bit(n: int) -> None:
    if n > MAX_BIT:
        raise BatasTerlampaui(_("bilangan terlalu besar untuk dihitung di templat"))


def _langkah(value: Any) -> list[Any]:
    """The iterable of a ``for`` loop, paid for item by item before the loop runs."""
    items = list(value) if not isinstance(value, list) else value
    _anggaran().bayar_langkah(len(items))
    return items


@pass_eval_context
def _gabung(eval_ctx: Any, items: list[Any]) -> str:
    _terlalu_besar(sum(len(str(x)) for x in items))
    result = markup_join(items) if eval_ctx.autoescape else str_join(items)
    _anggaran().bayar_ukuran(result)
    return result


def _range(*args: int) -> range:
    from jinja2.sandbox import safe_range

    _periksa_argumen(args)
    r = safe_range(*args)
    _anggaran().bayar_langkah(len(r))
    return r


def _filter_terhitung(f: Callable[..., Any]) -> Callable[..., Any]:
    # Arguments after the filtered value are checked; a filter marked to receive the
    # context first has one more leading argument.
    skip = 2 if getattr(f, "jinja_pass_arg", None) is not None else 1

    @functools.wraps(f)  # keeps jinja's pass_context / pass_eval_context marks
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        anggaran = _anggaran()
        anggaran.bayar_langkah()
        _periksa_argumen(args[skip:])
        _periksa_argumen(kwargs.values())
        result = f(*args, **kwargs)
        if isinstance(result, Iterator):
            result = list(result)  # lazy filters (map, select) are paid for when made
        anggaran.bayar_ukuran(result)
        return result

    return wrapper


_FILTER_BAWAAN = frozenset(
    # Jinja's built-in filters whose result is bounded by their input and their (bounded)
    # integer arguments.  Left out: center/indent (padding times lines), format
    # (printf widths), random (documents must be reproducible), urlize, filesizeformat.
    [
        "abs",
        "attr",
        "batch",
        "capitalize",
        "count",
        "d",
        "default",
        "dictsort",
        "e",
        "escape",
        "first",
        "float",
        "forceescape",
        "groupby",
        "int",
        "items",
        "join",
        "last",
        "length",
        "list",
        "lower",
        "map",
        "max",
        "min",
        "pprint",
        "reject",
        "rejectattr",
        "replace",
        "reverse",
        "round",
        "safe",
        "select",
        "selectattr",
        "slice",
        "sort",
        "string",
        "striptags",
        "sum",
        "title",
        "tojson",
        "trim",
        "truncate",
        "unique",
        "upper",
        "urlencode",
        "wordcount",
        "wordwrap",
        "xmlattr",
    ]
)


@pass_eval_context
def _replace_filter(eval_ctx: Any, s: str, old: str, new: str, count: int | None = None) -> str:
    from jinja2.filters import do_replace

    text = str(s)
    n = text.count(str(old)) if old else len(text) + 1
    _terlalu_besar(len(text) + n * max(len(str(new)) - len(str(old)), 0))
    return do_replace(eval_ctx, s, old, new, count)


class SumberTemplat(BaseLoader):
    """Templates by name: the dinas's own (read and checked when the folder was loaded)
    before the built-in ones.  Names are plain file names; nothing else is looked up."""

    def __init__(self, own: Mapping[str, str], lokasi: Mapping[str, str], bawaan: Path) -> None:
        self.own = dict(own)
        self.lokasi = dict(lokasi)
        self.bawaan = bawaan

    def get_source(self, environment: Any, template: str) -> tuple[str, str | None, Any]:
        if "/" in template or "\\" in template or template.startswith(".") or not template:
            raise TemplateNotFound(template)
        if template in self.own:
            return self.own[template], self.lokasi.get(template, template), lambda: True
        text = teks_bawaan(self.bawaan, template)
        if text is None:
            raise TemplateNotFound(template)
        return text, template, lambda: True


@functools.cache
def teks_bawaan(folder: Path, name: str) -> str | None:
    """A built-in template file (part of the installed package, trusted)."""
    path = folder / name
    return path.read_text(encoding="utf-8") if path.is_file() else None


class KodeBawaan(BytecodeCache):
    """The compiled code of the built-in templates, kept in sakipgen's cache folder.

    Compiling the LKjIP template takes about 45 ms, a tenth of a whole ``build``
    process; it is the same code every time for one installation.  Only a template
    whose text is exactly a built-in template's is kept, so what is loaded was made
    from sakipgen's own files; its key holds that text's sha256, the sakipgen and Jinja
    versions and this module's own bytes (the sandbox rewrites templates as it parses
    them), so a changed sandbox never runs code compiled by the old one.  Jinja checks
    the Python version and the text's checksum again when it loads the code, and the
    cache verifies every entry's sha256 (:mod:`sakipgen.cache`).
    """

    def __init__(self, bawaan: Path) -> None:
        self.bawaan = bawaan

    def get_bucket(self, environment: Any, name: str, filename: str | None, source: str) -> Bucket:
        bucket = Bucket(environment, "", self.get_source_checksum(source))
        if source == teks_bawaan(self.bawaan, name):
            bucket.key = cache.kunci(
                _versi_sandbox(), name, hashlib.sha256(source.encode()).hexdigest()
            )
            self.load_bytecode(bucket)
        return bucket

    def load_bytecode(self, bucket: Bucket) -> None:
        data = cache.baca("templat", bucket.key) if bucket.key else None
        if data is not None:
            bucket.bytecode_from_string(data)

    def dump_bytecode(self, bucket: Bucket) -> None:
        if bucket.key:
            cache.tulis("templat", bucket.key, bucket.bytecode_to_string())


@functools.cache
def _versi_sandbox() -> tuple[str, str, str]:
    import jinja2

    from sakipgen import __version__

    return __version__, jinja2.__version__, hashlib.sha256(Path(__file__).read_bytes()).hexdigest()


_LINGKUNGAN: dict[tuple[str, ...], Lingkungan] = {}


def lingkungan(own: Mapping[str, str], lokasi: Mapping[str, str], bawaan: Path) -> Lingkungan:
    """One environment per set of template texts, kept in memory for the process, so
    compiled templates are shared by every document and dinas that use the same texts
    (and a dinas with other texts never gets them)."""
    key = (
        *sorted(f"{n}\0{hashlib.sha256(t.encode()).hexdigest()}" for n, t in own.items()),
        str(bawaan),
    )
    if key not in _LINGKUNGAN:
        _LINGKUNGAN[key] = _baru(own, lokasi, bawaan)
    return _LINGKUNGAN[key]


def _baru(own: Mapping[str, str], lokasi: Mapping[str, str], bawaan: Path) -> Lingkungan:
    from jinja2.filters import FILTERS

    from sakipgen import format as fmt

    env = Lingkungan(
        loader=SumberTemplat(own, lokasi, bawaan),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
        auto_reload=False,
        cache_size=-1,
        bytecode_cache=KodeBawaan(bawaan),
    )
    chosen: dict[str, Callable[..., Any]] = {
        k: v for k, v in FILTERS.items() if k in _FILTER_BAWAAN
    }
    chosen["replace"] = _replace_filter
    chosen.update(
        angka=fmt.angka,
        persen=fmt.persen,
        rupiah=fmt.rupiah,
        tanggal=fmt.tanggal,
        nilai=fmt.nilai,
    )
    env.filters = {k: _filter_terhitung(v) for k, v in chosen.items()}
    env.filters["sakipgen_langkah"] = _langkah
    env.filters["sakipgen_gabung"] = _gabung
    env.globals = {
        "range": _range,
        "dict": dict,
        "namespace": Namespace,
        "cycler": Cycler,
        "joiner": Joiner,
    }
    return env


def render(template: Any, konteks: Mapping[str, Any]) -> str:
    """Render with a fresh budget; the body is collected piece by piece so that an
    over-long document stops as soon as it passes :data:`MAX_KELUARAN`."""
    token = _AKTIF.set(Anggaran())
    try:
        out: list[str] = []
        total = 0
        for piece in template.generate(**konteks):
            total += len(piece)
            if total > MAX_KELUARAN:
                raise BatasTerlampaui(
                    _("dokumen yang ditulis templat melebihi {batas} MiB").format(
                        batas=MAX_KELUARAN // (1024 * 1024)
                    )
                )
            out.append(piece)
        return "".join(out)
    finally:
        _AKTIF.reset(token)


def jangkauan(root: object) -> Iterator[object]:
    """Every object a template can reach from ``root`` through the sandbox's rules
    (fields of records, items of containers, the allow-listed attributes of ``doc`` and
    of frozen values).  For tests: everything yielded must be one of the allowed kinds."""
    seen: set[int] = set()
    todo = [root]
    while todo:
        obj = todo.pop()
        if id(obj) in seen:
            continue
        seen.add(id(obj))
        yield obj
        if isinstance(obj, str):
            continue
        if isinstance(obj, Data):
            todo.extend(obj.fields().values())
        elif isinstance(obj, list | tuple):
            todo.extend(obj)
        elif isinstance(obj, dict):
            todo.extend(obj.keys())
            todo.extend(obj.values())
        else:
            for name in atribut_terbuka(obj):
                todo.append(getattr(obj, name))
