"""Read one YAML file into plain Python values plus a map of source positions.

The file is composed into YAML nodes (with the C parser when ruamel.yaml.clib is
installed) and converted by hand, so that:

* every number keeps its source text (:class:`~sakipgen.model.nilai.Num`), and is
  later turned into ``Decimal`` from that text, never through ``float``;
* every value and key has a line and column for diagnostics;
* duplicate keys, unknown tags, alias bombs and runaway nesting are diagnostics,
  not exceptions or hangs.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sakipgen.diagnostics import Diagnostic, Location
from sakipgen.i18n import _
from sakipgen.load.akses import MAX_BYTES, MAX_NODES, Akses, ribuan
from sakipgen.model.nilai import Num
from sakipgen.model.sumber import SourceMap, YamlPath, path_text

__all__ = [
    "MAX_BYTES",
    "MAX_DEPTH",
    "MAX_NODES",
    "SourceMap",
    "YamlFile",
    "YamlPath",
    "baca_teks",
    "baca_yaml",
    "path_text",
]

MAX_DEPTH = 64

_STD = "tag:yaml.org,2002:"
_SCALAR_TAGS = {f"{_STD}{t}" for t in ("str", "int", "float", "bool", "null", "timestamp")}


@dataclass
class YamlFile:
    data: Any
    source: SourceMap


class _Limit(Exception):
    def __init__(self, line: int, col: int, message: str) -> None:
        self.line, self.col, self.message = line, col, message


def _yaml_error_message(problem: str, line_text: str, column: int) -> str:
    """Turn ruamel's parser wording into advice a planner can act on."""
    p = problem.lower()
    at = line_text[column - 1 : column] if column >= 1 else ""
    if "'\\t'" in p or "tab" in p or at == "\t" or line_text[:1] == "\t":
        return _("karakter tab tidak boleh dipakai untuk indentasi YAML; gunakan spasi")
    if "sequence entries are not allowed" in p and re.search(r":\s*-\s*$", line_text):
        return _(
            'tanda "-" sebagai nilai harus diberi tanda kutip: tulis "-" '
            "(atau kosongkan nilainya) untuk 'tidak ada target'"
        )
    indentasi = _(
        "indentasi baris ini tidak sejajar dengan baris di atasnya; samakan jumlah spasi di "
        "depan kunci-kunci yang setingkat"
    )
    if "mapping values are not allowed" in p or "found unexpected ':'" in p:
        kunci = re.match(r"^\s*[^\s:#'\"][^:#]*:", line_text)
        if "mapping values" in p and kunci is not None and len(kunci.group(0)) == column:
            return indentasi  # "  ibukota: X" under "pemda: Kab X": a key, not text
        return _(
            "ada titik dua (:) di dalam teks; beri tanda kutip pada teksnya, "
            'misalnya uraian: "Catatan: ..."'
        )
    if "did not find expected key" in p or "expected '-' indicator" in p or "<block end>" in p:
        if "expected '-' indicator" in p or line_text.lstrip().startswith("- "):
            return _(
                "butir daftar ('- …') dan pasangan 'kunci: nilai' tidak boleh bercampur pada "
                "tingkat yang sama; periksa indentasinya"
            )
        sebelum = line_text[: column - 1].rstrip()
        if sebelum[-1:] in ("'", '"') and sebelum.count(sebelum[-1]) >= 2:
            return _(
                "ada teks sesudah tanda kutip penutup; masukkan seluruh nilainya ke dalam "
                "tanda kutip"
            )
        return indentasi
    if "end of stream" in p and at in ("'", '"'):
        return _("tanda kutip {kutip} yang dibuka di sini tidak ditutup").format(kutip=at)
    if "cannot start any token" in p and at:
        return _(
            "karakter {karakter} tidak boleh mengawali nilai YAML; beri tanda kutip pada "
            'nilainya, misalnya "{karakter}…"'
        ).format(karakter=at)
    if "unknown escape character" in p:
        return _(
            "di dalam tanda kutip dua, \\ memulai kode khusus: tulis \\\\, atau pakai tanda "
            "kutip satu ('…')"
        )
    if "second occurrence" in p:
        return _("nama anchor YAML (&nama) ini sudah dipakai; beri nama lain")
    if "could not find expected ':'" in p or "simple key" in p:
        return _(
            "baris ini bukan pasangan 'kunci: nilai' yang lengkap (indentasi atau ':' hilang?)"
        )
    if "did not find expected ',' or '}'" in p or "did not find expected ',' or ']'" in p:
        bracket = "}" if "'}'" in p else "]"
        return _("kurung yang dibuka di sini tidak ditutup; tambahkan '{bracket}'").format(
            bracket=bracket
        )
    if "found undefined alias" in p:
        return _("alias YAML (*nama) ini tidak didefinisikan: tulis anchor-nya (&nama) lebih dulu")
    return _("YAML tidak valid: {problem}").format(problem=problem)


def _posisi(raw: bytes, offset: int) -> tuple[int, int]:
    """1-based line and column of a byte offset."""
    line = raw.count(b"\n", 0, offset) + 1
    return line, offset - (raw.rfind(b"\n", 0, offset) + 1) + 1


def baca_teks(akses: Akses, path: Path, diags: list[Diagnostic]) -> str | None:
    """The UTF-8 text of a regular file inside the dinas folder of at most MAX_BYTES, for
    YAML and Markdown alike; on any problem append a located diagnostic and return None."""
    raw = akses.baca(path, diags)
    if raw is None:
        return None
    display = akses.tampil(path)
    nul = raw.find(b"\x00")
    if nul >= 0:
        diags.append(
            Diagnostic.make(
                Location(display, *_posisi(raw, nul)),
                "F004",
                _("berkas berisi data biner, bukan teks"),
            )
        )
        return None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        diags.append(
            Diagnostic.make(
                Location(display, *_posisi(raw, exc.start)),
                "F004",
                _(
                    "berkas bukan teks UTF-8; simpan ulang sebagai UTF-8 (byte "
                    "0x{byte} tidak valid)"
                ).format(byte=f"{raw[exc.start]:02x}"),
            )
        )
        return None
    return text.removeprefix("\ufeff")


@functools.cache
def _yaml() -> Any:
    """A safe composer (the C parser when ruamel.yaml.clib is installed) whose resolver
    looks up its table of implicit tags once per file.

    One per process: making a ``YAML`` searches ruamel's folder for plug-ins (a glob,
    about 0,3 ms, for each of the ~20 files of a dinas).  Each ``compose_all`` makes its
    own parser and resolver, so nothing of one file is left for the next but a small
    record of its YAML version (``doc_infos``).

    ruamel's resolver looks the table up again for every scalar, through a property
    that reaches for the YAML version with two failing attribute lookups each time
    (about a seventh of reading a dinas folder).  The version cannot change within a
    file here: a file holds one document, and a ``%YAML`` directive precedes every
    node of it; with the C parser ruamel reads no directive at all.
    """
    from ruamel.yaml import YAML

    yaml = YAML(typ="safe", pure=False)
    yaml.Resolver = _kelas_resolver()
    return yaml


@functools.cache
def _kelas_resolver() -> type:
    from ruamel.yaml.nodes import ScalarNode
    from ruamel.yaml.resolver import VersionedResolver

    class _Resolver(VersionedResolver):
        _tabel: Any = None
        _tag: dict[str, Any] | None = None

        @property
        def versioned_resolver(self) -> Any:
            if self._tabel is None:
                self._tabel = super().versioned_resolver
            return self._tabel

        def resolve(self, kind: Any, value: Any, implicit: Any) -> Any:
            # A plain scalar's tag depends on its text alone, and a folder repeats the
            # same keys and values many times: each text is matched against the
            # implicit-tag patterns once per file.
            if kind is not ScalarNode or not implicit[0]:
                return super().resolve(kind, value, implicit)
            if self._tag is None:
                self._tag = {}
            tag = self._tag.get(value)
            if tag is None:
                tag = self._tag[value] = super().resolve(kind, value, implicit)
            return tag

    return _Resolver


def baca_yaml(akses: Akses, path: Path, diags: list[Diagnostic]) -> YamlFile | None:
    """Read ``path`` of the dinas folder; on any problem append diagnostics and return
    None.  Aliases expanded count against the folder's budget (:data:`MAX_NODES`)."""
    text = baca_teks(akses, path, diags)
    if text is None:
        return None
    display = akses.tampil(path)
    lines = text.splitlines()
    source = SourceMap(display)

    from ruamel.yaml.error import MarkedYAMLError, YAMLError

    yaml = _yaml()
    try:
        docs = list(yaml.compose_all(text))
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        col = mark.column + 1 if mark else 1
        if line > len(lines) and exc.context_mark is not None:
            # The parser reached the end of the file: point at what was left open.
            line, col = exc.context_mark.line + 1, exc.context_mark.column + 1
        line_text = lines[line - 1] if 0 < line <= len(lines) else ""
        diags.append(
            Diagnostic.make(
                Location(display, line, col),
                "Y001",
                _yaml_error_message(str(exc.problem or exc), line_text, col),
            )
        )
        return None
    except RecursionError:
        diags.append(
            Diagnostic.make(
                Location(display, 1, 1), "Y003", _("struktur YAML terlalu dalam untuk dibaca")
            )
        )
        return None
    except (YAMLError, ValueError, TypeError) as exc:
        # ReaderError (control characters) carries a character offset.
        pos = getattr(exc, "position", None)
        line, col = 1, 1
        if isinstance(pos, int):
            line = text.count("\n", 0, pos) + 1
            col = pos - (text.rfind("\n", 0, pos) + 1) + 1
        diags.append(
            Diagnostic.make(
                Location(display, line, col),
                "Y001",
                _("YAML tidak valid: {problem}").format(problem=exc),
            )
        )
        return None

    docs = [d for d in docs if d is not None]
    if not docs:
        diags.append(
            Diagnostic.make(
                Location(display, 1, 1),
                "Y004",
                _("berkas kosong; isi datanya atau hapus berkasnya"),
            )
        )
        return None
    if len(docs) > 1:
        m = docs[1].start_mark
        at = next(
            (i for i in range(min(m.line, len(lines) - 1), -1, -1) if lines[i].startswith("---")),
            m.line,
        )
        diags.append(
            Diagnostic.make(
                Location(display, at + 1, 1),
                "Y001",
                _("satu berkas hanya boleh berisi satu dokumen YAML (hapus pemisah '---')"),
            )
        )
        return None

    counter = [MAX_NODES - akses.sisa_simpul]
    errors: list[Diagnostic] = []
    try:
        data = _convert(docs[0], (), 0, counter, source, errors, text)
    except _Limit as lim:
        diags.append(Diagnostic.make(Location(display, lim.line, lim.col), "Y003", lim.message))
        return None
    finally:
        akses.sisa_simpul = max(MAX_NODES - counter[0], 0)
    if errors:
        diags.extend(errors)
        return None
    return YamlFile(data, source)


_GRUP_RIBUAN = re.compile(r"^\d{3}(\.\d+)?$")


def _kosong(vnode: Any) -> bool:
    """A value left out (``{a: 1, 250}``): the empty plain null."""
    return bool(vnode.id == "scalar" and vnode.tag == f"{_STD}null" and vnode.value == "")


def _ujung_angka(vnode: Any) -> bool:
    """A plain scalar ending in a digit (``1``, ``Rp 1``), which ``,250`` may continue."""
    return bool(vnode.id == "scalar" and not vnode.style and vnode.value[-1:].isdigit())


def _tanpa_nilai(knode: Any, vnode: Any, teks: str) -> bool:
    """A key of a ``{…}`` mapping written alone, with no ':' (``M.M`` in ``{nama: Ir.
    MASKUR, M.M}``): YAML gives it an empty value right where the key ends."""
    return _kosong(vnode) and ":" not in teks[knode.end_mark.index : vnode.start_mark.index + 1]


def _convert(
    node: Any,
    path: YamlPath,
    depth: int,
    counter: list[int],
    source: SourceMap,
    errors: list[Diagnostic],
    teks: str,
) -> Any:
    mark = node.start_mark
    line, col = mark.line + 1, mark.column + 1
    counter[0] += 1
    if counter[0] > MAX_NODES:
        raise _Limit(
            line,
            col,
            _(
                "lebih dari {jumlah} nilai setelah alias diuraikan (dihitung untuk seluruh "
                "berkas YAML folder dinas)"
            ).format(jumlah=ribuan(MAX_NODES)),
        )
    if depth > MAX_DEPTH:
        raise _Limit(
            line,
            col,
            _("struktur bertingkat lebih dari {tingkat} tingkat").format(tingkat=MAX_DEPTH),
        )
    source.values.setdefault(path, (line, col))
    tag = node.tag or ""
    kind = node.id
    if kind == "scalar":
        if tag not in _SCALAR_TAGS:
            errors.append(
                Diagnostic.make(
                    Location(source.file, line, col, path_text(path)),
                    "Y005",
                    _("tag YAML {tag} tidak didukung; hapus tag-nya").format(tag=tag),
                )
            )
            return None
        value: str = node.value
        short = tag[len(_STD) :]
        if short in ("int", "float"):
            return Num(value)
        if short == "bool":
            return value.lower() == "true"
        if short == "null":
            return None
        return value
    if kind == "sequence":
        if tag != f"{_STD}seq":
            errors.append(
                Diagnostic.make(
                    Location(source.file, line, col, path_text(path)),
                    "Y005",
                    _("tag YAML {tag} tidak didukung").format(tag=tag),
                )
            )
        return [
            _convert(item, (*path, i), depth + 1, counter, source, errors, teks)
            for i, item in enumerate(node.value)
        ]
    # mapping
    if tag not in (f"{_STD}map", f"{_STD}omap"):
        errors.append(
            Diagnostic.make(
                Location(source.file, line, col, path_text(path)),
                "Y005",
                _("tag YAML {tag} tidak didukung").format(tag=tag),
            )
        )
    out: dict[str, Any] = {}
    merged: dict[str, Any] = {}
    seen: dict[str, int] = {}
    sambungan: str | None = None  # the key whose plain number value a comma may continue
    # {nama: Ir. MASKUR, M.M, …}: the text before the keys a comma split off, its key,
    # and those keys (YamlPath of each).
    potong: tuple[str, str, list[YamlPath]] | None = None
    for knode, vnode in node.value:
        kline, kcol = knode.start_mark.line + 1, knode.start_mark.column + 1
        if knode.tag == f"{_STD}merge":
            # "<<: *base" merges a mapping (or list of mappings); explicit keys win.
            value = _convert(vnode, path, depth + 1, counter, source, errors, teks)
            for m in value if isinstance(value, list) else [value]:
                if isinstance(m, dict):
                    for k, v in m.items():
                        merged.setdefault(k, v)
            continue
        if knode.id != "scalar":
            errors.append(
                Diagnostic.make(
                    Location(source.file, kline, kcol, path_text(path)),
                    "Y001",
                    _("kunci harus berupa teks sederhana, bukan daftar atau pemetaan"),
                )
            )
            continue
        key = str(knode.value)
        if sambungan is not None and _GRUP_RIBUAN.match(key) and _kosong(vnode):
            # {pagu: 1,250,000,000}: in braces the commas split the number into "1"
            # and the keys "250", "000", … with no value; join them back, so the number
            # is judged as written (N007 English grouping, N001 "72,500").
            out[sambungan] = f"{out[sambungan]},{key}"
            continue
        sambungan = key if node.flow_style and _ujung_angka(vnode) else None
        if key in seen:
            errors.append(
                Diagnostic.make(
                    Location(source.file, kline, kcol, path_text((*path, key))),
                    "Y002",
                    _("kunci '{key}' sudah ditulis di baris {baris}; hapus salah satunya").format(
                        key=key, baris=seen[key]
                    ),
                )
            )
            continue
        seen[key] = kline
        source.keys[(*path, key)] = (kline, kcol)
        if node.flow_style and potong is not None and _tanpa_nilai(knode, vnode, teks):
            potong[2].append((*path, key))
            nilai = ", ".join([potong[1], *(str(p[-1]) for p in potong[2])])
            for p in potong[2]:
                source.terpisah[p] = (potong[0], nilai)
        elif vnode.id == "scalar" and vnode.value and vnode.tag in (f"{_STD}str", f"{_STD}int"):
            potong = (key, str(vnode.value), [])
        else:
            potong = None
        out[key] = _convert(vnode, (*path, key), depth + 1, counter, source, errors, teks)
    for k, v in merged.items():
        out.setdefault(k, v)
    return out
