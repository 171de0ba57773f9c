"""The input workbook's layout: which cell of ``sakipgen export --for-input`` holds which
value of which YAML file.  The export that writes the workbook and ``sakipgen import``
that reads it back both take their rows from :func:`lembar_masukan`, so a cell always
goes back to the value it came from.

Every row starts with a key (``IK1.1``, ``2021/IK1.1``, ``2021/P01/2``) that names the
entry in the dinas's own ids; kegiatan and sub kegiatan without an id are numbered by
their place in ``anggaran.yaml`` (``2021/P01/2/1``: the first sub kegiatan of the second
kegiatan of P01).  Columns after it are read-only (uraian, satuan) or editable values.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Literal

from sakipgen.format import angka
from sakipgen.model.anggaran import Program, SumberDana
from sakipgen.model.folder import Dinas, Tahun
from sakipgen.model.nilai import Nilai, parse_angka, rupiah_utuh
from sakipgen.model.rencana_aksi import JUMLAH_PERIODE
from sakipgen.model.sumber import Butir, YamlPath

TARGET = "Target"
REALISASI = "Realisasi"
ANGGARAN = "Anggaran"
RENCANA_AKSI = "Rencana Aksi"
PETUNJUK = "Petunjuk"
KUNCI = "Kunci"

JenisSel = Literal["nilai", "rupiah", "teks", "dana", "sasaran"]
"""What a cell holds: a target or realisasi, whole rupiah, text, a list of sumber
dana (``APBD 1.321.000.000; DAK 406.182.400`` or ``APBD 100%``), a list of sasaran
ids (``S1, S2``)."""
POLARITAS = ("positif", "negatif", "stabil")
NilaiSel = Decimal | str | None


@dataclass(frozen=True)
class Sel:
    """An editable cell: the value it holds and where that value lives."""

    berkas: str
    """The YAML file, relative to the dinas folder, POSIX (``2021/realisasi.yaml``)."""
    dasar: YamlPath
    sub: YamlPath
    singkat: str | None
    nilai: NilaiSel
    jenis: JenisSel


@dataclass(frozen=True)
class Baris:
    kunci: str
    info: tuple[object, ...]
    sel: tuple[Sel | None, ...]
    """One per editable column; None where the row has no such value (a kegiatan's
    realisasi per bulan …): the cell is locked and grey."""


@dataclass(frozen=True)
class Lembar:
    nama: str
    kolom_info: tuple[str, ...]
    kolom_sel: tuple[str, ...]
    baris: tuple[Baris, ...]
    pilihan: tuple[tuple[str, tuple[str, ...]], ...] = ()
    """Columns whose cells take one of a few values (a dropdown): header → values."""
    kunci_dari: tuple[str, ...] = ()
    """Columns whose values, joined by ``/``, make a row's key when its Kunci cell is
    empty (a row typed by hand: ``2025`` and ``IK1.1`` → ``2025/IK1.1``)."""


def teks_dana(dana: Sequence[SumberDana]) -> str | None:
    """Sumber dana as one cell: ``APBD 150.000.000; DAK Non Fisik 406.182.400``,
    ``APBD 100%``; None for none."""
    parts = []
    for d in dana:
        if d.jumlah is not None:
            parts.append(f"{d.sumber} {angka(d.jumlah)}")
        elif d.persen is not None:
            parts.append(f"{d.sumber} {angka(d.persen)}%")
        else:
            parts.append(d.sumber)
    return "; ".join(parts) or None


def baca_dana(text: str) -> list[dict[str, str | int | Decimal]]:
    """The cell :func:`teks_dana` writes, read back (a coded error for a bad figure)."""
    out: list[dict[str, str | int | Decimal]] = []
    for item in (i.strip() for i in text.split(";")):
        if not item:
            continue
        name, _sep, last = item.rpartition(" ")
        entry: dict[str, str | int | Decimal] = {"sumber": item}
        if name.strip() and last.endswith("%"):
            entry = {"sumber": name.strip(), "persen": parse_angka(last[:-1])}
        elif name.strip() and any(c.isdigit() for c in last):
            entry = {"sumber": name.strip(), "jumlah": rupiah_utuh(last)}
        out.append(entry)
    return out


def teks_sasaran(ids: Sequence[str]) -> str | None:
    return ", ".join(ids) or None


def baca_sasaran(text: str) -> list[str]:
    return [i for i in re.split(r"[\s,;]+", text.strip()) if i]


def nilai_sel(v: Nilai | None) -> NilaiSel:
    """A target or realisasi as the cell shows it: a plain number as a number, anything
    else (``-``, ``19,37%``, ``WTP``, ``80-90``) as its text."""
    if v is None:
        return None
    if v.jenis == "angka" and v.angka is not None and not v.satuan:
        return v.angka
    return v.teks


def _nama_berkas(tahun: Tahun, jenis: str) -> str:
    """``<tahun>/<jenis>.yaml`` (or the ``.yml`` the dinas wrote)."""
    berkas = getattr(tahun, jenis.replace("-", "_"))
    name = Path(berkas.source.file).name if berkas is not None else f"{jenis}.yaml"
    return f"{tahun.folder.name}/{name}"


def _indikator(dinas: Dinas) -> list[tuple[int, int, str, str, str, str]]:
    """Every Renstra indikator: sasaran index, indikator index, sasaran id, id, uraian,
    satuan."""
    return [
        (i, j, s.id, ind.id, ind.uraian, ind.satuan)
        for i, s in enumerate(dinas.renstra.model.sasaran)
        for j, ind in enumerate(s.indikator)
    ]


_DOKUMEN = (("rkt", "RKT"), ("pk", "PK"), ("pk_perubahan", "PK Perubahan"))


def lembar_target(dinas: Dinas) -> Lembar:
    renstra = dinas.renstra.model
    renstra_file = Path(dinas.renstra.source.file).name
    years = list(range(renstra.periode.mulai, renstra.periode.akhir + 1))
    dokumen: list[tuple[int, str, str]] = []
    for y, tahun in sorted(dinas.tahun.items()):
        for key, label in _DOKUMEN:
            ada = tahun.target is not None and getattr(tahun.target.model, key) is not None
            if key != "pk_perubahan" or ada:
                dokumen.append((y, key, label))
    kolom = (
        "Satuan",
        "Polaritas",
        *(f"Renstra {y}" for y in years),
        "Target akhir",
        *(f"{label} {y}" for y, _k, label in dokumen),
    )
    rows: list[Baris] = []
    for i, j, sid, iid, uraian, satuan in _indikator(dinas):
        ind = renstra.sasaran[i].indikator[j]
        dasar = ("sasaran", i, "indikator", j)
        cells: list[Sel | None] = [
            Sel(renstra_file, dasar, ("satuan",), None, satuan or None, "teks"),
            Sel(renstra_file, dasar, ("polaritas",), None, ind.polaritas, "teks"),
        ]
        cells += [
            Sel(
                renstra_file, (*dasar, "target", y), (), None, nilai_sel(ind.target.get(y)), "nilai"
            )
            for y in years
        ]
        cells.append(
            Sel(
                renstra_file,
                (*dasar, "target_akhir"),
                (),
                None,
                nilai_sel(ind.target_akhir),
                "nilai",
            )
        )
        for y, key, _label in dokumen:
            tahun = dinas.tahun[y]
            doc = getattr(tahun.target.model, key) if tahun.target is not None else None
            target = doc.indikator.get(iid) if doc is not None else None
            cells.append(
                Sel(
                    _nama_berkas(tahun, "target"),
                    (key, "indikator", iid),
                    ("target",),
                    "target",
                    nilai_sel(target.target) if target is not None else None,
                    "nilai",
                )
            )
        rows.append(Baris(iid, (sid, renstra.sasaran[i].uraian, iid, uraian), tuple(cells)))
    return Lembar(
        TARGET,
        ("Sasaran", "Uraian Sasaran", "Indikator", "Uraian"),
        kolom,
        tuple(rows),
        (("Polaritas", POLARITAS),),
        ("Indikator",),
    )


def lembar_realisasi(dinas: Dinas) -> Lembar:
    kolom = (
        "Realisasi",
        *(f"Bulan {m}" for m in range(1, 13)),
        *(f"Triwulan {q}" for q in range(1, 5)),
    )
    rows: list[Baris] = []
    for y, tahun in sorted(dinas.tahun.items()):
        berkas = _nama_berkas(tahun, "realisasi")
        model = tahun.realisasi.model.indikator if tahun.realisasi is not None else {}
        for _i, _j, _sid, iid, uraian, satuan in _indikator(dinas):
            real = model.get(iid)
            dasar = ("indikator", iid)
            cells = [
                Sel(
                    berkas,
                    dasar,
                    ("nilai",),
                    "nilai",
                    nilai_sel(real.nilai if real else None),
                    "nilai",
                )
            ]
            for periode, n in (("bulanan", 12), ("triwulan", 4)):
                nilai = getattr(real, periode) if real else {}
                cells += [
                    Sel(berkas, dasar, (periode, i), "nilai", nilai_sel(nilai.get(i)), "nilai")
                    for i in range(1, n + 1)
                ]
            rows.append(Baris(f"{y}/{iid}", (y, iid, uraian, satuan), tuple(cells)))
    return Lembar(
        REALISASI,
        ("Tahun", "Indikator", "Uraian", "Satuan"),
        kolom,
        tuple(rows),
        kunci_dari=("Tahun", "Indikator"),
    )


def _rupiah(v: int | None) -> NilaiSel:
    return Decimal(v) if v is not None else None


def _tanda(unit: Program | object, posisi: int) -> str:
    """An entry's part of the key: its id, else its kode, else its place (1-based)."""
    ident = getattr(unit, "id", None) or getattr(unit, "kode", None)
    return str(ident) if ident and "/" not in str(ident) else str(posisi)


def _baris_anggaran(
    y: int, berkas: str, kunci: str, tingkat: str, unit: object, dasar: YamlPath
) -> Baris:
    per_triwulan = getattr(unit, "realisasi_triwulan", {})
    return Baris(
        kunci,
        (y, tingkat, getattr(unit, "uraian", "")),
        (
            Sel(berkas, dasar, ("kode",), None, getattr(unit, "kode", None), "teks"),
            Sel(
                berkas,
                dasar,
                ("sasaran",),
                None,
                teks_sasaran(getattr(unit, "sasaran", [])),
                "sasaran",
            ),
            *(
                Sel(berkas, dasar, (field,), None, _rupiah(getattr(unit, field, None)), "rupiah")
                for field in ("pagu", "realisasi")
            ),
            *(
                Sel(
                    berkas,
                    dasar,
                    ("realisasi_triwulan", q),
                    None,
                    _rupiah(per_triwulan.get(q)),
                    "rupiah",
                )
                for q in range(1, 5)
            ),
            Sel(
                berkas,
                dasar,
                ("sumber_dana",),
                None,
                teks_dana(getattr(unit, "sumber_dana", [])),
                "dana",
            ),
        ),
    )


def lembar_anggaran(dinas: Dinas) -> Lembar:
    rows: list[Baris] = []
    for y, tahun in sorted(dinas.tahun.items()):
        if tahun.anggaran is None:
            continue
        berkas = _nama_berkas(tahun, "anggaran")

        for p, program in enumerate(tahun.anggaran.model.program):
            pk = f"{y}/{_tanda(program, p + 1)}"
            rows.append(_baris_anggaran(y, berkas, pk, "program", program, ("program", p)))
            for k, kegiatan in enumerate(program.kegiatan):
                kk = f"{pk}/{_tanda(kegiatan, k + 1)}"
                rows.append(
                    _baris_anggaran(
                        y, berkas, kk, "kegiatan", kegiatan, ("program", p, "kegiatan", k)
                    )
                )
                for s, sub in enumerate(kegiatan.sub_kegiatan):
                    rows.append(
                        _baris_anggaran(
                            y,
                            berkas,
                            f"{kk}/{_tanda(sub, s + 1)}",
                            "sub kegiatan",
                            sub,
                            ("program", p, "kegiatan", k, "sub_kegiatan", s),
                        )
                    )
    return Lembar(
        ANGGARAN,
        ("Tahun", "Tingkat", "Uraian"),
        (
            "Kode",
            "Sasaran",
            "Pagu",
            "Realisasi",
            *(f"Realisasi Triwulan {q}" for q in range(1, 5)),
            "Sumber Dana",
        ),
        tuple(rows),
        (("Sasaran", tuple(s.id for s in dinas.renstra.model.sasaran)),),
    )


def lembar_rencana_aksi(dinas: Dinas) -> Lembar:
    """One row per rencana aksi row: its targets per month (or quarter: the first four
    columns), the annual target, the anggaran, and its realisasi per period (what the
    planner enters each quarter; a place after the last one written appends)."""
    kolom = (
        *(f"Periode {i}" for i in range(1, 13)),
        "Target tahunan",
        "Anggaran",
        *(f"Realisasi {i}" for i in range(1, 13)),
    )
    rows: list[Baris] = []
    for y, tahun in sorted(dinas.tahun.items()):
        if tahun.rencana_aksi is None:
            continue
        berkas = _nama_berkas(tahun, "rencana-aksi")
        tables = tahun.rencana_aksi.model.tabel
        count: dict[str, int] = {}
        for tb in tables:
            count[tb.tingkat] = count.get(tb.tingkat, 0) + 1
        seen: dict[str, int] = {}
        for t, tabel in enumerate(tables):
            seen[tabel.tingkat] = seen.get(tabel.tingkat, 0) + 1
            nama: str = tabel.tingkat
            if count[tabel.tingkat] > 1:
                nama = f"{nama}-{seen[tabel.tingkat]}"
            for b, row in enumerate(tabel.baris):
                dasar: YamlPath = ("tabel", t, "baris", b)
                cells: list[Sel | None] = [
                    Sel(berkas, dasar, ("target", i), None, nilai_sel(row.target[i]), "nilai")
                    if i < len(row.target)
                    else None
                    for i in range(12)
                ]
                cells.append(
                    Sel(
                        berkas,
                        dasar,
                        ("target_tahunan",),
                        None,
                        nilai_sel(row.target_tahunan),
                        "nilai",
                    )
                )
                cells.append(
                    Sel(berkas, dasar, ("anggaran",), None, _rupiah(row.anggaran), "rupiah")
                )
                n = JUMLAH_PERIODE[tabel.periode]
                cells += [
                    Sel(
                        berkas,
                        dasar,
                        ("realisasi", Butir(i)),
                        None,
                        nilai_sel(row.realisasi[i]) if i < len(row.realisasi) else None,
                        "nilai",
                    )
                    if i < n
                    else None
                    for i in range(12)
                ]
                uraian = row.uraian or " ".join(
                    x for x in (row.indikator, row.sub_kegiatan, row.kegiatan, row.program) if x
                )
                rows.append(
                    Baris(
                        f"{y}/{nama}/{b + 1}",
                        (y, tabel.tingkat, tabel.periode, uraian, row.satuan),
                        tuple(cells),
                    )
                )
    return Lembar(
        RENCANA_AKSI, ("Tahun", "Tingkat", "Periode", "Uraian", "Satuan"), kolom, tuple(rows)
    )


def lembar_masukan(dinas: Dinas) -> Sequence[Lembar]:
    """The sheets of the input workbook, in order (the Petunjuk sheet is text only)."""
    return (
        lembar_target(dinas),
        lembar_realisasi(dinas),
        lembar_anggaran(dinas),
        lembar_rencana_aksi(dinas),
    )
