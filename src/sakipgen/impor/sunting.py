"""Changing values in a YAML file's text without touching anything else.

``sakipgen import`` must keep every comment, key order, quoting style and line of a
dinas's YAML files, so a value is changed by splicing the file's text at the position
the YAML parser reports for it: the scalar's characters are replaced and nothing else
moves.  A value that is not there yet is added as one new line at the end of its
mapping, indented like its siblings (``IK1.3: 55``), or as one more entry of a flow
mapping (``{2020: 32, 2021: 32, 2022: 35}``).  A short form (``IK1.2: 13244``, which
means ``{nilai: 13244}``) that has to hold a second field becomes a flow mapping on
its own line: ``IK1.2: {nilai: 13244, bulanan: {3: 10}}``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sakipgen.errors import TemuanData
from sakipgen.i18n import _
from sakipgen.model.sumber import Butir, YamlPath, path_text


class GalatSunting(TemuanData):
    """A value cannot be placed into the file's text (an unexpected structure): X001."""

    def __init__(self, message: str) -> None:
        super().__init__("X001", message)


class Mentah(str):
    """A value already written as YAML (a flow list ``[S1, S2]``, ``[{sumber: APBD,
    persen: 100}]``), put into the text as it is."""


@dataclass(frozen=True)
class Ubah:
    """One value to set.

    ``dasar`` is the entry that holds it (``("indikator", "IK1.1")``); ``singkat`` names
    the field an entry's short form stands for (``nilai`` when ``IK1.1: 43.3`` means
    ``{nilai: 43.3}``), None when the entry has no short form; ``sub`` is the path of
    the value inside the entry (``("bulanan", 3)``; empty when the entry is the value).
    """

    dasar: YamlPath
    sub: YamlPath
    baru: Decimal | int | str
    singkat: str | None = None


SATU_ATAU_DAFTAR = ("indikator", "sumber_dana", "sasaran")
"""Lists a file may write as their one item alone (``SatuAtauDaftar`` in the models)."""

URUTAN_KUNCI: tuple[str, ...] = (
    # A unit of anggaran.yaml and an indikator of renstra.yaml, as the examples and
    # `sakipgen init` write them: a new key goes before the first key that follows it
    # (renstra.yaml's own pembanding before its sasaran).
    "id",
    "kode",
    "uraian",
    "satuan",
    "polaritas",
    "metode_negatif",
    "sifat",
    "iku",
    "target",
    "pembanding",
    "sasaran",
    "penunjang",
    "indikator",
    "pagu",
    "realisasi",
    "realisasi_triwulan",
    "realisasi_bulanan",
    "sumber_dana",
    "penanggung_jawab",
    "catatan",
    "tercetak",
    "kegiatan",
    "sub_kegiatan",
)

_PLAIN = re.compile(r"^[A-Za-z][A-Za-z0-9 ._/()%-]*$")
_KHUSUS = {"y", "n", "yes", "no", "on", "off", "true", "false", "null", "nan", "inf"}


def teks_skalar(value: Decimal | int | str) -> str:
    """The YAML text of a value: numbers as plain digits (``43.3``, ``1727182400``),
    text plain where YAML reads it back as the same text, else double-quoted."""
    if isinstance(value, bool):
        raise TypeError(value)
    if isinstance(value, Mentah):
        return str(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, Decimal):
        text = format(value, "f")
        if re.fullmatch(r"[+-]?[1-9]\d{0,2}\.\d{3}", text):
            # 86.725 would read as ambiguous (N001): the fraction is written 86.7250.
            text += "0"
        return text
    stripped = value.strip()
    if (
        stripped == value
        and _PLAIN.match(value)
        and value.lower() not in _KHUSUS
        and not value.endswith((" ", ":"))
    ):
        return value
    return json.dumps(value, ensure_ascii=False)


def teks_kunci(part: str | int) -> str:
    if isinstance(part, int):
        return str(part)
    if re.fullmatch(r"[A-Za-z][A-Za-z0-9._-]*", part) and part.lower() not in _KHUSUS:
        return part
    return json.dumps(part, ensure_ascii=False)


def _flow(sub: YamlPath, baru: Decimal | int | str) -> str:
    """``{a: {b: v}}`` for the path ``(a, b)``; the value alone for an empty path; a
    list place (:class:`Butir`) ``["-", "-", v]``."""
    text = teks_skalar(baru)
    for part in reversed(sub):
        if isinstance(part, Butir):
            text = "[" + ", ".join([teks_skalar("-")] * part + [text]) + "]"
        else:
            text = "{" + f"{teks_kunci(part)}: {text}" + "}"
    return text


def _tambah_ke_daftar(teks: str, seq: Any, part: int, nilai: str, berkas: str) -> str:
    """``nilai`` at place ``part`` of a flow list shorter than that, the places between
    filled with "-" (a period reported as nothing)."""
    if not seq.flow_style:
        raise GalatSunting(_salah(berkas, (part,)))
    t = _Teks(teks)
    end = t.offset(seq.end_mark)
    close = teks.rfind("]", 0, end)
    if close < 0:
        raise GalatSunting(_salah(berkas, (part,)))
    before = teks[:close].rstrip()
    items = [teks_skalar("-")] * (part - len(seq.value)) + [nilai]
    sep = "" if before.endswith("[") else ", "
    return before + sep + ", ".join(items) + teks[close:]


class _Teks:
    """A file's text with the offsets of its lines (the parser reports line/column)."""

    def __init__(self, teks: str) -> None:
        self.teks = teks
        self.awal = [0]
        for m in re.finditer("\n", teks):
            self.awal.append(m.end())

    def offset(self, mark: Any) -> int:
        line = mark.line
        if line >= len(self.awal):
            return len(self.teks)
        return int(self.awal[line]) + int(mark.column)


def _compose(teks: str) -> Any:
    from sakipgen.load.yaml_reader import _yaml

    return _yaml().compose(teks)


def _jenis(node: Any) -> str:
    return type(node).__name__


def _cari(mapping: Any, part: str | int) -> Any | None:
    for key, value in mapping.value:
        if _jenis(key) == "ScalarNode" and key.value == str(part):
            return value
    return None


def terapkan(teks: str, ubah: Ubah, berkas: str) -> str:
    """The text with one value set."""
    root = _compose(teks) if teks.strip() else None
    if root is None:
        return _baris_baru(teks, "", _isi_baru(ubah.dasar, ubah))
    node = root
    walked: list[str | int] = []
    for i, part in enumerate(ubah.dasar):
        nxt = _langkah(node, part, ubah, berkas, walked)
        if nxt is None:
            return _tambah(teks, node, part, _nilai_baru((), ubah), berkas, ubah.dasar[i + 1 :])
        node = nxt
        walked.append(part)
    if _jenis(node) == "ScalarNode":
        if not ubah.sub:
            return _ganti(teks, node, teks_skalar(ubah.baru))
        if ubah.singkat is not None and ubah.sub == (ubah.singkat,):
            return _ganti(teks, node, teks_skalar(ubah.baru))
        if ubah.singkat is not None:
            t = _Teks(teks)
            lama = teks[t.offset(node.start_mark) : t.offset(node.end_mark)]
            baru = (
                "{" + f"{teks_kunci(ubah.singkat)}: {lama}, "
                f"{teks_kunci(ubah.sub[0])}: {_flow(ubah.sub[1:], ubah.baru)}" + "}"
            )
            return _ganti(teks, node, baru)
        raise GalatSunting(_salah(berkas, ubah.dasar))
    for i, part in enumerate(ubah.sub):
        if isinstance(part, Butir) and _jenis(node) == "SequenceNode" and part >= len(node.value):
            nilai = _flow(ubah.sub[i + 1 :], ubah.baru)
            return _tambah_ke_daftar(teks, node, part, nilai, berkas)
        nxt = _langkah(node, part, ubah, berkas, walked)
        if nxt is None:
            return _tambah(teks, node, part, _flow(ubah.sub[i + 1 :], ubah.baru), berkas)
        node = nxt
        walked.append(part)
    if _jenis(node) != "ScalarNode":
        if isinstance(ubah.baru, Mentah):
            return _ganti_koleksi(teks, node, ubah.baru)
        raise GalatSunting(_salah(berkas, tuple(walked)))
    return _ganti(teks, node, teks_skalar(ubah.baru))


def _nilai_baru(rest: YamlPath, ubah: Ubah) -> str:
    """The text of a new entry's value: the short form where it is one."""
    inner = (
        teks_skalar(ubah.baru)
        if ubah.singkat is not None and ubah.sub == (ubah.singkat,)
        else _flow(ubah.sub, ubah.baru)
    )
    return _bungkus(rest, inner)


def _isi_baru(dasar: YamlPath, ubah: Ubah) -> str:
    """A whole new file's text holding one value, its keys nested as blocks."""
    if not dasar:
        raise GalatSunting(_("nilai tanpa kunci"))
    lines = [" " * (2 * depth) + f"{teks_kunci(key)}:" for depth, key in enumerate(dasar)]
    lines[-1] += f" {_nilai_baru((), ubah)}"
    return "\n".join(lines)


def _salah(berkas: str, jalur: YamlPath) -> str:
    return _("{berkas}: {jalur} bukan nilai tunggal yang dapat diganti dari buku kerja").format(
        berkas=berkas, jalur=path_text(jalur) or "(akar)"
    )


def _satu_butir(node: Any, part: str | int) -> bool:
    """Whether ``part`` is the first item of a list written as that item alone
    (``indikator: Jumlah dokumen`` or ``indikator: {uraian: …}`` for a one-item list)."""
    return (
        isinstance(part, int)
        and not isinstance(part, Butir)
        and part == 0
        and (
            _jenis(node) == "ScalarNode"
            or (_jenis(node) == "MappingNode" and _cari(node, part) is None)
        )
    )


def _langkah(node: Any, part: str | int, ubah: Ubah, berkas: str, walked: list[Any]) -> Any:
    kind = _jenis(node)
    if _satu_butir(node, part) and walked and walked[-1] in SATU_ATAU_DAFTAR:
        return node
    if kind == "MappingNode":
        return _cari(node, part)
    if kind == "SequenceNode" and isinstance(part, int) and 0 <= part < len(node.value):
        return node.value[part]
    raise GalatSunting(_salah(berkas, (*walked, part)))


def _ganti_koleksi(teks: str, node: Any, baru: str) -> str:
    """A list or mapping replaced by ``baru`` (flow text): a block one from right after
    its key's colon (``sumber_dana:`` / ``  - …`` → ``sumber_dana: [...]``) to the end of
    its last value, so what follows keeps its lines."""
    t = _Teks(teks)
    start = t.offset(node.start_mark)
    end = t.offset(_ujung(node).end_mark) if not node.flow_style else t.offset(node.end_mark)
    before = teks[:start].rstrip()
    if not node.flow_style and before.endswith(":"):
        return before + " " + baru + teks[end:]
    return teks[:start] + baru + teks[end:]


def _ganti(teks: str, node: Any, baru: str) -> str:
    t = _Teks(teks)
    start, end = t.offset(node.start_mark), t.offset(node.end_mark)
    if getattr(node, "style", None) in ("|", ">"):
        # A block scalar (uraian: >- …) ends where the next line begins: the line
        # breaks after its text stay.
        end = start + len(teks[start:end].rstrip("\r\n "))
    return teks[:start] + baru + teks[end:]


def _sebelum(mapping: Any, part: str | int) -> int | None:
    """Where a numbered key (a year, a month) goes among numbered siblings: the index of
    the first sibling after it, so ``{2019: …}`` lands before ``2020``; None at the end."""
    keys = [k.value for k, _v in mapping.value]
    if not str(part).isdigit() or not all(str(k).isdigit() for k in keys):
        return None
    return next((i for i, k in enumerate(keys) if int(k) > int(str(part))), None)


def _tambah(
    teks: str,
    mapping: Any,
    part: str | int,
    nilai: str,
    berkas: str,
    rest: YamlPath = (),
    blok: list[str] | None = None,
) -> str:
    """``part: nilai`` added to a mapping: at its end, or among numbered keys in order.
    In a block mapping, the keys of ``rest`` (an entry not there yet) nest as blocks:
    ``rkt:`` / ``  indikator:`` / ``    IK1.1: 32``."""
    if _jenis(mapping) != "MappingNode":
        raise GalatSunting(_salah(berkas, (part,)))
    t = _Teks(teks)
    at = _sebelum(mapping, part)
    if mapping.flow_style:
        entry = f"{teks_kunci(part)}: {_bungkus(rest, nilai)}"
        panjang = _jadi_blok(teks, t, mapping, at, entry)
        if panjang is not None:
            return panjang
        if at is not None:
            pos = t.offset(mapping.value[at][0].start_mark)
            return teks[:pos] + entry + ", " + teks[pos:]
        end = t.offset(mapping.end_mark)
        close = teks.rfind("}", 0, end)
        if close < 0:
            raise GalatSunting(_salah(berkas, (part,)))
        before = teks[:close].rstrip()
        sep = "" if before.endswith("{") else ", "
        return before + sep + entry + teks[close:]
    if not mapping.value:
        raise GalatSunting(_salah(berkas, (part,)))
    indent = mapping.value[0][0].start_mark.column
    if at is None:
        at = _menurut_urutan(mapping, part)
    lines = [f"{teks_kunci(part)}:"]
    for depth, key in enumerate(rest, 1):
        lines.append(" " * (2 * depth) + f"{teks_kunci(key)}:")
    if blok is not None:
        lines.extend(blok)  # a block under the new key, indented relative to it
    else:
        lines[-1] += f" {nilai}"
    entry = ("\n" + " " * indent).join(lines)
    if at is not None:
        start = t.awal[mapping.value[at][0].start_mark.line]
        if not teks[start : start + indent].strip():
            pos = _awal_baris(teks, t, mapping.value[at][0], indent)
            return _baris_baru(teks[:pos], " " * indent, entry) + teks[pos:]
        # The key shares its sequence item's dash ("- uraian: …"): the new key goes
        # right after that first entry instead.
        pos = t.offset(_ujung(mapping.value[at][1]).end_mark)
    else:
        pos = t.offset(_ujung(mapping.value[-1][1]).end_mark)
    if not (pos == 0 or teks[pos - 1] == "\n"):
        nl = teks.find("\n", pos)
        pos = len(teks) if nl < 0 else nl + 1
    if at is None:
        pos = _lewati_komentar(teks, pos, indent)
    return _baris_baru(teks[:pos], " " * indent, entry) + teks[pos:]


def _lewati_komentar(teks: str, pos: int, indent: int) -> int:
    """Where an entry appended to a block mapping goes, from the line after its last
    value: after the comment lines indented below that value (they belong to it), and
    after every line when only comments and blank lines follow (a commented example of
    the new key at the file's end, as ``sakipgen init`` writes them)."""
    lines = teks[pos:].splitlines(keepends=True)
    dalam = 0
    for line in lines:
        isi = line.strip()
        if not isi.startswith("#") or len(line) - len(line.lstrip(" ")) <= indent:
            break
        dalam += len(line)
    if all(
        not ln.strip() or (ln.strip().startswith("#") and len(ln) - len(ln.lstrip(" ")) >= indent)
        for ln in lines
    ):
        return len(teks)
    return pos + dalam


def _jadi_blok(teks: str, t: _Teks, mapping: Any, at: int | None, entry: str) -> str | None:
    """A one-line flow mapping that would grow past :data:`LEBAR_FLOW` with ``entry``,
    rewritten as a block under its key (``indikator:`` / ``  IK1.1: 32`` …); None when
    it stays short, spans lines, is not the last thing on its line, or is not a block
    key's value."""
    start, end = t.offset(mapping.start_mark), t.offset(mapping.end_mark)
    line_start = teks.rfind("\n", 0, start) + 1
    line_end = teks.find("\n", end)
    line_end = len(teks) if line_end < 0 else line_end
    if "\n" in teks[start:end] or teks[end:line_end].strip():
        return None
    if line_end - line_start + len(entry) + 2 <= LEBAR_FLOW:
        return None
    head = teks[line_start:start]
    m = re.fullmatch(r"( *)(?:- )?[^\s#{}\[\],][^#{}\[\],]*:\s*", head)
    if m is None or head.lstrip().startswith("- "):
        return None
    items = [teks[t.offset(k.start_mark) : t.offset(v.end_mark)] for k, v in mapping.value]
    items.insert(len(items) if at is None else at, entry)
    pad = " " * (len(m.group(1)) + 2)
    newline = "\r\n" if "\r\n" in teks else "\n"
    return teks[:start].rstrip(" ") + "".join(newline + pad + i for i in items) + teks[end:]


def _menurut_urutan(mapping: Any, part: str | int) -> int | None:
    """The index of the first key that :data:`URUTAN_KUNCI` puts after ``part``."""
    if not isinstance(part, str) or part not in URUTAN_KUNCI:
        return None
    rank = URUTAN_KUNCI.index(part)
    for i, (key, _value) in enumerate(mapping.value):
        if key.value in URUTAN_KUNCI and URUTAN_KUNCI.index(key.value) > rank:
            return i
    return None


def _awal_baris(teks: str, t: _Teks, key: Any, indent: int) -> int:
    """Where the line of ``key`` starts, above the comment lines that belong to it."""
    line = key.start_mark.line
    while line > 0:
        prev = teks[t.awal[line - 1] : t.awal[line]]
        if prev.strip().startswith("#") and len(prev) - len(prev.lstrip()) == indent:
            line -= 1
        else:
            break
    return int(t.awal[line])


def _ujung(node: Any) -> Any:
    """The last scalar or flow collection of a value: where its text really ends (a
    block collection's own end is where the next entry begins)."""
    while _jenis(node) in ("MappingNode", "SequenceNode") and not node.flow_style and node.value:
        last = node.value[-1]
        node = last[1] if _jenis(node) == "MappingNode" else last
    return node


def _bungkus(rest: YamlPath, nilai: str) -> str:
    for part in reversed(rest):
        nilai = "{" + f"{teks_kunci(part)}: {nilai}" + "}"
    return nilai


def _baris_baru(before: str, indent: str, entry: str) -> str:
    newline = "\r\n" if "\r\n" in before else "\n"
    if before and not before.endswith("\n"):
        before += newline
    return before + indent + entry + newline


Isi = dict[str, "Isi"] | list["Isi"] | Decimal | int | str | bool


def teks_blok(isi: dict[str, Isi], indent: int, *, flow: bool = True) -> list[str]:
    """A mapping as block YAML lines at ``indent`` (lists of mappings as ``- key: …``
    items, lists of scalars and small mappings in flow style; ``flow=False``: every
    mapping in a list as a block, for entries that will grow)."""
    lines: list[str] = []
    pad = " " * indent
    for key, value in isi.items():
        if isinstance(value, dict) and value:
            lines.append(f"{pad}{teks_kunci(key)}:")
            lines.extend(teks_blok(value, indent + 2, flow=flow))
        elif isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
            lines.append(f"{pad}{teks_kunci(key)}:")
            for item in value:
                assert isinstance(item, dict)
                if flow and _pendek(item, indent + 4):
                    lines.append(f"{pad}  - {flow_isi(item)}")  # {sumber: APBD, jumlah: 5}
                    continue
                sub = teks_blok(item, indent + 4, flow=flow)
                lines.append(f"{pad}  - {sub[0][indent + 4 :]}")
                lines.extend(sub[1:])
        else:
            lines.append(f"{pad}{teks_kunci(key)}: {flow_isi(value)}")
    return lines


LEBAR_FLOW = 100
"""A list item is written as one ``{…}`` line when it holds only plain values and fits."""


def _pendek(item: dict[str, Isi], indent: int) -> bool:
    plain = not any(isinstance(v, (dict, list)) for v in item.values())
    return plain and indent + len(flow_isi(item)) <= LEBAR_FLOW


def flow_isi(value: Isi) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{teks_kunci(k)}: {flow_isi(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(flow_isi(v) for v in value) + "]"
    return teks_skalar(value)


def tambah_butir(
    teks: str, jalur: YamlPath, item: dict[str, Isi], berkas: str, *, flow: bool = True
) -> str:
    """The text with ``item`` appended to the block sequence at ``jalur`` (made, as
    ``key:`` with the item under it, when the mapping holding it has no such key)."""
    return tambah_semua(teks, jalur, [item], berkas, flow=flow)


def tambah_semua(
    teks: str, jalur: YamlPath, items: Sequence[dict[str, Isi]], berkas: str, *, flow: bool = True
) -> str:
    """:func:`tambah_butir` for several items at once, in order (one parse of the text,
    however many rows a workbook adds)."""
    root = _compose(teks) if teks.strip() else None
    if root is None or not items:
        raise GalatSunting(_salah(berkas, jalur))
    node = root
    walked: list[str | int] = []
    for i, part in enumerate(jalur):
        nxt = _langkah(node, part, Ubah(jalur, (), ""), berkas, walked)
        if nxt is None:
            if i != len(jalur) - 1 or _jenis(node) != "MappingNode" or node.flow_style:
                raise GalatSunting(_salah(berkas, (*walked, part)))
            blok = [line for item in items for line in _butir(item, 2, flow=flow)]
            return _tambah(teks, node, part, "", berkas, blok=blok)
        node = nxt
        walked.append(part)
    baru = ", ".join(flow_isi(item) for item in items)
    if (
        jalur
        and jalur[-1] in SATU_ATAU_DAFTAR
        and (_jenis(node) == "ScalarNode" or (_jenis(node) == "MappingNode" and node.flow_style))
    ):
        # A one-item list written as its item: the items become a flow list.
        t = _Teks(teks)
        lama = teks[t.offset(node.start_mark) : t.offset(node.end_mark)]
        return _ganti(teks, node, f"[{lama}, {baru}]")
    if _jenis(node) == "SequenceNode" and node.flow_style:  # [a, b] or [] as written
        return _tambah_ke_daftar(teks, node, len(node.value), baru, berkas)
    if _jenis(node) != "SequenceNode" or node.flow_style:
        raise GalatSunting(_salah(berkas, jalur))
    if not node.value:
        raise GalatSunting(_salah(berkas, jalur))
    indent = node.value[0].start_mark.column - 2
    lines = [line for item in items for line in _butir(item, indent, flow=flow)]
    return _sisip(teks, node, "\n".join(lines))


def _butir(item: dict[str, Isi], indent: int, *, flow: bool = True) -> list[str]:
    """``- key: …`` lines of one sequence item whose dash is at ``indent`` (``- {…}``
    when it holds only plain values; ``flow=False``: always as a block, for entries
    that will grow)."""
    if flow and _pendek(item, indent + 2):
        return [" " * indent + "- " + flow_isi(item)]
    sub = teks_blok(item, indent + 2, flow=flow)
    return [" " * indent + "- " + sub[0][indent + 2 :], *sub[1:]]


def _sisip(teks: str, node: Any, lines: str) -> str:
    """``lines`` (already indented) after the last line of ``node``."""
    t = _Teks(teks)
    pos = t.offset(_ujung(node).end_mark)
    if not (pos == 0 or teks[pos - 1] == "\n"):
        nl = teks.find("\n", pos)
        pos = len(teks) if nl < 0 else nl + 1
    before = teks[:pos]
    newline = "\r\n" if "\r\n" in before else "\n"
    if before and not before.endswith("\n"):
        before += newline
    return before + lines.replace("\n", newline) + newline + teks[pos:]


def hapus(teks: str, ubah: Ubah, berkas: str) -> str:
    """The text without the value ``ubah`` names (its ``baru`` is not used): its key and
    value are removed (the line, or the ``key: value`` of a flow mapping); a mapping of
    the entry left empty goes with it (``realisasi_triwulan: {1: 5}``), and so does the
    entry itself (``IK1.1: 43.3``, ``IK1.1: {nilai: 43.3}``); a list or file section left
    without entries becomes ``{}``.  Unchanged when the value is not there."""
    root = _compose(teks) if teks.strip() else None
    if root is None:
        return teks
    chain: list[tuple[Any, Any]] = [(None, root)]
    """Each node walked, with its key node in the mapping holding it (None in a list)."""
    node = root
    walked: list[str | int] = []
    for part in (*ubah.dasar, *ubah.sub):
        if _jenis(node) == "ScalarNode" and len(chain) - 1 >= len(ubah.dasar):
            # A short form (IK1.1: 43.3) holds only the field it stands for.
            if ubah.sub == (ubah.singkat,):
                break
            return teks
        nxt = _langkah(node, part, ubah, berkas, walked)
        if nxt is None:
            return teks
        key = (
            next((k for k, v in node.value if v is nxt), None)
            if _jenis(node) == "MappingNode"
            else None
        )
        chain.append((key, nxt))
        node = nxt
        walked.append(part)
    entry = len(ubah.dasar)
    i = len(chain) - 1
    while i - 1 >= entry and _kunci_tunggal(chain[i - 1][1]) and chain[i - 1][0] is not None:
        i -= 1
    key, _value = chain[i]
    parent = chain[i - 1][1]
    if key is None or _jenis(parent) != "MappingNode":
        raise GalatSunting(_salah(berkas, tuple(walked)))
    if len(parent.value) == 1:
        return _kosongkan(teks, parent, akar=i == 1)
    return _buang_kunci(teks, parent, key)


def _kunci_tunggal(node: Any) -> bool:
    return _jenis(node) == "MappingNode" and len(node.value) == 1


def _kosongkan(teks: str, mapping: Any, *, akar: bool = False) -> str:
    """A mapping replaced by ``{}`` (a block one from right after its key's colon; the
    file's own mapping after the comments above it)."""
    if mapping.flow_style:
        return _ganti_koleksi(teks, mapping, "{}")
    t = _Teks(teks)
    start = t.awal[mapping.value[0][0].start_mark.line]
    end = _akhir_baris(teks, t.offset(_ujung(mapping.value[-1][1]).end_mark))
    before = teks[:start].rstrip(" ")
    newline = "\r\n" if "\r\n" in teks else "\n"
    if before.endswith(newline):
        before = before[: -len(newline)]
    if akar:
        return teks[:start] + "{}" + newline + teks[end:]
    if before.rstrip().endswith(":"):
        return before.rstrip() + " {}" + newline + teks[end:]
    raise GalatSunting(_("bagian kosong tidak dapat ditulis"))


def _akhir_baris(teks: str, pos: int) -> int:
    """Where the line holding ``pos`` ends (after its newline); ``pos`` itself when it
    already starts a line."""
    if pos == 0 or teks[pos - 1] == "\n":
        return pos
    nl = teks.find("\n", pos)
    return len(teks) if nl < 0 else nl + 1


def _buang_kunci(teks: str, mapping: Any, key: Any) -> str:
    t = _Teks(teks)
    items = mapping.value
    i = next(n for n, (k, _v) in enumerate(items) if k is key)
    value = items[i][1]
    if mapping.flow_style:
        if i + 1 < len(items):
            return teks[: t.offset(key.start_mark)] + teks[t.offset(items[i + 1][0].start_mark) :]
        prev_end = t.offset(items[i - 1][1].end_mark)
        return teks[:prev_end] + teks[t.offset(value.end_mark) :]
    line_start = t.awal[key.start_mark.line]
    if teks[line_start : t.offset(key.start_mark)].strip():
        # The key shares its line with a list item's dash ("- kode: …"): the next key
        # moves up onto that line.
        if i + 1 >= len(items):
            raise GalatSunting(_("bagian kosong tidak dapat ditulis"))
        return teks[: t.offset(key.start_mark)] + teks[t.offset(items[i + 1][0].start_mark) :]
    end = _akhir_baris(teks, t.offset(_ujung(value).end_mark))
    return teks[:line_start] + teks[end:]
