"""A year's ``anggaran.yaml`` from a SIPD export: what to change, add or write.

Each program, kegiatan and sub kegiatan of the export is matched to the entry of the
same level in ``anggaran.yaml`` by its kode (compared by number, so ``7.01.02.2.01.01``
is ``7.01.02.2.01.0001``), else, for an entry without kode, by its uraian.  A matched
entry keeps its id, sasaran, uraian, comments and everything SIPD does not give; its
kode is added when it had none, its pagu and realisasi take the export's figures, and
sumber dana and indikator are added where it has none.  An entry the export has and
the file has not is appended to its list, the way the rest of the file is written.
Entries of the file that the export does not have are left as they are, each named in
a warning.  A year without ``anggaran.yaml`` gets one, written whole.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

from pydantic_core import PydanticCustomError

from sakipgen.diagnostics import Diagnostic, Location
from sakipgen.i18n import _
from sakipgen.impor import Langkah, Rencana, SelBerubah, selesaikan
from sakipgen.impor.sipd import BerkasSipd, UnitSipd, baca_sipd, kunci_kode
from sakipgen.impor.sunting import Isi, Ubah, tambah_butir, teks_blok, terapkan
from sakipgen.model.folder import Dinas
from sakipgen.model.nilai import parse_angka
from sakipgen.model.sumber import YamlPath, path_text
from sakipgen.pipeline import Bundel

ANAK = {"program": "kegiatan", "kegiatan": "sub_kegiatan", "sub_kegiatan": None}


def _sama_uraian(a: str | None, b: str | None) -> bool:
    def norm(t: str) -> str:
        return re.sub(r"[^0-9a-z]+", " ", t.casefold()).strip()

    return a is not None and b is not None and norm(a) == norm(b)


def _target(text: str | None) -> Decimal | str | None:
    if text is None:
        return None
    try:
        return parse_angka(text, allow_currency=False)
    except PydanticCustomError:
        return text


def isi_unit(unit: UnitSipd, ident: str | None = None) -> dict[str, Isi]:
    """A new entry as the file would hold it."""
    isi: dict[str, Isi] = {}
    if ident is not None:
        isi["id"] = ident
    isi["kode"] = unit.kode
    isi["uraian"] = unit.uraian or ""
    if unit.tingkat == "program" and "penunjang urusan" in (unit.uraian or "").casefold():
        # PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH serves no sasaran by design (K007).
        isi["penunjang"] = True
    if unit.pagu is not None:
        isi["pagu"] = unit.pagu
    if unit.realisasi is not None:
        isi["realisasi"] = unit.realisasi
    if unit.sumber_dana:
        isi["sumber_dana"] = [_dana(nama, jumlah) for nama, jumlah in unit.sumber_dana]
    if unit.indikator:
        isi["indikator"] = [_indikator(i) for i in unit.indikator]
    anak = ANAK[unit.tingkat]
    if anak and unit.anak:
        isi[anak] = [isi_unit(a) for a in unit.anak]
    return isi


def _dana(nama: str, jumlah: int | None) -> dict[str, Isi]:
    return {"sumber": nama, "jumlah": jumlah} if jumlah is not None else {"sumber": nama}


def _indikator(i: tuple[str, str | None, str]) -> dict[str, Isi]:
    uraian, target, satuan = i
    isi: dict[str, Isi] = {"uraian": uraian}
    if satuan:
        isi["satuan"] = satuan
    value = _target(target)
    if value is not None:
        isi["target"] = value
    return isi


def rencana_anggaran(
    dinas: Dinas, tahun: int, sipd: BerkasSipd, rencana: Rencana
) -> dict[str, list[Langkah]]:
    """The edits of ``<tahun>/anggaran.yaml``; each change is listed in ``rencana``."""
    year = dinas.tahun.get(tahun)
    berkas_ada = year is not None and year.anggaran is not None
    name = Path(year.anggaran.source.file).name if year and year.anggaran else "anggaran.yaml"
    rel = f"{tahun}/{name}"
    if not berkas_ada:
        if not _bernama(sipd.program, rencana):
            return {}
        teks = "\n".join(
            [
                "# yaml-language-server: $schema=../schema/anggaran.schema.json",
                # In Indonesian, as every file of the folder, whatever --lang says.
                f"# Anggaran {tahun} dari SIPD (sakipgen import --from sipd).",
                *teks_blok(
                    {"program": [isi_unit(u, f"P{i:02d}") for i, u in enumerate(sipd.program, 1)]},
                    0,
                ),
            ]
        )
        for u in sipd.program:
            rencana.sel.append(SelBerubah(u.tempat, rel, "program", None, _baru(u)))
        return {rel: [functools.partial(_seluruh, baru=teks + "\n")]}
    assert year is not None and year.anggaran is not None
    edits: list[Langkah] = []
    programs = year.anggaran.model.program
    used = [p.id for p in programs if p.id]
    numbers = [int(m.group(1)) for i in used if (m := re.fullmatch(r"P(\d+)", i))]
    next_id = max(numbers, default=0) + 1
    for unit in sipd.program:
        i = _cocok(programs, unit)
        if i is None:
            if not _bernama([unit], rencana):
                continue
            ident = f"P{next_id:02d}"
            next_id += 1
            edits.append(_tambah(("program",), isi_unit(unit, ident), rel))
            rencana.sel.append(SelBerubah(unit.tempat, rel, "program", None, _baru(unit)))
            continue
        _samakan(programs[i], unit, ("program", i), rel, edits, rencana)
    matched = {_cocok(programs, u) for u in sipd.program}
    for i, program in enumerate(programs):
        if i not in matched:
            rencana.diagnostics.append(
                Diagnostic.make(
                    Location(f"{dinas.folder / rel}"),
                    "X005",
                    _("program {program} tidak ada di berkas SIPD; dibiarkan").format(
                        program=program.id or program.kode or program.uraian
                    ),
                )
            )
    return {rel: edits} if edits else {}


def _seluruh(_lama: str, *, baru: str) -> str:
    return baru


def _baru(unit: UnitSipd) -> str:
    return f"{unit.tingkat.replace('_', ' ')} {unit.kode} {unit.uraian or ''}".strip()


def _cocok(units: Sequence[Any], unit: UnitSipd) -> int | None:
    for i, u in enumerate(units):
        if u.kode and kunci_kode(u.kode) == unit.kunci:
            return i
    for i, u in enumerate(units):
        if not u.kode and _sama_uraian(u.uraian, unit.uraian):
            return i
    return None


def _set(dasar: YamlPath, key: str, value: Decimal | int | str, rel: str) -> Langkah:
    return functools.partial(terapkan, ubah=Ubah(dasar, (key,), value), berkas=rel)


def _tambah(jalur: YamlPath, item: dict[str, Isi], rel: str) -> Langkah:
    return functools.partial(tambah_butir, jalur=jalur, item=item, berkas=rel)


def _samakan(
    entry: Any,
    unit: UnitSipd,
    dasar: YamlPath,
    rel: str,
    edits: list[Langkah],
    rencana: Rencana,
) -> None:
    """The edits that bring one matched entry (and its children) to the export's."""

    def catat(key: str, lama: object, baru: Decimal | int | str) -> None:
        edits.append(_set(dasar, key, baru, rel))
        old = Decimal(lama) if isinstance(lama, int) else lama
        new = Decimal(baru) if isinstance(baru, int) else baru
        rencana.sel.append(
            SelBerubah(
                unit.tempat,
                rel,
                path_text((*dasar, key)),
                old if isinstance(old, (Decimal, str)) else None,
                new,
            )
        )

    if not entry.kode:
        catat("kode", None, unit.kode)
    if unit.pagu is not None and unit.pagu != entry.pagu:
        catat("pagu", entry.pagu, unit.pagu)
    if unit.realisasi is not None and unit.realisasi != entry.realisasi:
        catat("realisasi", entry.realisasi, unit.realisasi)
    if unit.sumber_dana and not entry.sumber_dana:
        # one step per item: the first makes ``sumber_dana:``, the others follow it
        edits.extend(
            _tambah((*dasar, "sumber_dana"), _dana(n, j), rel) for n, j in unit.sumber_dana
        )
    if unit.indikator and not entry.indikator:
        edits.extend(_tambah((*dasar, "indikator"), _indikator(i), rel) for i in unit.indikator)
    anak = ANAK[unit.tingkat]
    if not anak:
        return
    children = getattr(entry, anak)
    for child in unit.anak:
        i = _cocok(children, child)
        if i is None:
            if not _bernama([child], rencana):
                continue
            edits.append(_tambah((*dasar, anak), isi_unit(child), rel))
            rencana.sel.append(
                SelBerubah(child.tempat, rel, path_text((*dasar, anak)), None, _baru(child))
            )
        else:
            _samakan(children[i], child, (*dasar, anak, i), rel, edits, rencana)


def rencanakan_sipd(folder: Path, sebelum: Bundel, path: Path, tahun: int) -> Rencana:
    """The changes a SIPD export brings to ``<tahun>/anggaran.yaml``, checked."""
    rencana = Rencana()
    dinas = sebelum.dinas
    assert dinas is not None
    peta = dinas.sipd.model if dinas.sipd is not None else None
    kolom: dict[str, str] = {str(k): v for k, v in peta.kolom.items()} if peta else {}
    sipd = baca_sipd(path, kolom, peta.lembar if peta else None)
    rencana.diagnostics.extend(sipd.diagnostics)
    if not sipd.program and not rencana.gagal:
        rencana.diagnostics.append(
            Diagnostic.make(
                Location(str(path)),
                "X001",
                _("tidak ada program atau sub kegiatan yang terbaca di berkas SIPD"),
            )
        )
    if rencana.gagal:
        return rencana
    ubah = rencana_anggaran(dinas, tahun, sipd, rencana)
    if rencana.gagal:
        return rencana
    return selesaikan(folder, sebelum, rencana, ubah)


def _bernama(units: Sequence[UnitSipd], rencana: Rencana) -> bool:
    """Whether every unit to be added (and its children) has a name: an entry that is
    new to the file needs its uraian, one matched by kode does not."""
    ok = True
    for unit in _semua(units):
        if not unit.uraian:
            ok = False
            rencana.diagnostics.append(
                Diagnostic.make(
                    Location(unit.tempat),
                    "X001",
                    _("{tingkat} {kode} tanpa nama (uraian) di berkas SIPD").format(
                        tingkat=unit.tingkat.replace("_", " "), kode=unit.kode
                    ),
                )
            )
    return ok


def _semua(units: Sequence[UnitSipd]) -> list[UnitSipd]:
    out: list[UnitSipd] = []
    for u in units:
        out.append(u)
        out.extend(_semua(u.anak))
    return out
