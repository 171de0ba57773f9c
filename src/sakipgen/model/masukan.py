"""The input workbook's layout: which cell of ``sakipgen export --for-input`` holds which
value of which YAML file.  The export that writes the workbook and ``sakipgen import``
that reads it back both take their rows from :func:`lembar_masukan`, so a cell always
goes back to the value it came from.

Every row starts with a key (``IK1.1``, ``2021/IK1.1``, ``2021/P01/2``) that names the
entry in the dinas's own ids; kegiatan and sub kegiatan are keyed by their id, else
their kode, else their place in ``anggaran.yaml`` (``2021/P01/2/1``: the first sub
kegiatan of the second kegiatan of P01), and each of these forms is accepted for each
part of a key (:attr:`Baris.alias`).  Columns after the key are descriptive (grey:
ids, a name repeated from another sheet) or values (white).

The layout holds a row for every year the workbook reads (the Renstra period and every
year folder); the export shows those of the year folders and of the year after the last
one (:func:`tahun_buku`), so a new year's targets, realisasi and anggaran can be typed
before its folder exists.  Rows a sheet does not have (a new program, indikator or
rencana aksi row) are made by the import from their key (:mod:`sakipgen.impor.baru`).
"""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Literal

from sakipgen.format import angka
from sakipgen.i18n import _
from sakipgen.model.anggaran import TANPA_PROGRAM, SumberDana
from sakipgen.model.folder import Dinas
from sakipgen.model.nilai import Nilai, parse_angka, rupiah_utuh
from sakipgen.model.rencana_aksi import JUMLAH_PERIODE
from sakipgen.model.sumber import Butir, YamlPath

TARGET = "Target"
REALISASI = "Realisasi"
ANGGARAN = "Anggaran"
INDIKATOR_PROGRAM = "Indikator Program"
RENCANA_AKSI = "Rencana Aksi"
PETUNJUK = "Petunjuk"
KUNCI = "Kunci"
JUMLAH = "JUMLAH"
"""The key part of a year's ``total`` row in the Anggaran sheet (``2020/JUMLAH``)."""

JenisSel = Literal["nilai", "rupiah", "teks", "dana", "sasaran", "angka", "ya_tidak"]
"""What a cell holds: a target or realisasi, whole rupiah, text, a list of sumber
dana (``APBD 1.321.000.000; DAK 406.182.400`` or ``APBD 100%``), a list of sasaran
ids (``S1, S2``), a plain number (a hand-entered capaian), ``ya`` or ``tidak``."""
POLARITAS = ("positif", "negatif", "stabil")
METODE_NEGATIF = ("selisih", "rasio")
SIFAT = ("kumulatif", "akhir_periode", "jumlah", "rata_rata")
YA_TIDAK = ("ya", "tidak")
PERIODE = ("bulanan", "triwulan")
NilaiSel = Decimal | str | None
POLA_KODE = re.compile(r"[0-9Xx]+(\.[0-9Xx]+)+")
"""A key part that is a kode (``2.17.02``, ``X.XX.01``) rather than an id or a place."""


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
    hapus: bool = False
    """Whether ``-`` in the cell removes the value from the YAML (a rupiah, a realisasi,
    an optional text); elsewhere ``-`` is a value ("no target this year")."""
    tertulis: bool = True
    """Whether the YAML writes the value; False: ``nilai`` is the default the cell shows
    (``positif``, ``ya``), and an emptied cell removes nothing."""
    indikator: str | None = None
    """The Renstra indikator whose target or realisasi the cell holds, with ``tahun``
    (a text where the capaian needs a number is told at the cell)."""
    tahun: int | None = None
    pembanding_baru: tuple[str, str] | None = None
    """(id, nama) of the ``renstra.yaml`` ``pembanding`` a value of this cell declares:
    the cell is in a column typed for a plan not declared yet (``Target Provinsi
    2025``)."""


@dataclass(frozen=True)
class Baris:
    kunci: str
    info: tuple[object, ...]
    sel: tuple[Sel | None, ...]
    """One per editable column; None where the row has no such value (a kegiatan's
    realisasi per bulan …): the cell is locked and grey."""
    alias: tuple[str, ...] = ()
    """Other keys naming the same entry (``2021/P01/1`` for ``2021/P01/K01.1``)."""
    tampil: bool = True
    """Whether the export writes the row (a year it shows); every row is read."""
    berkas: str = ""
    dasar: YamlPath = ()
    """The entry the row stands for (a program of ``2021/anggaran.yaml``), where new
    rows below it (its kegiatan, its indikator) go."""


@dataclass(frozen=True)
class Lembar:
    nama: str
    kolom_info: tuple[str, ...]
    kolom_sel: tuple[str, ...]
    baris: tuple[Baris, ...]
    pilihan: tuple[tuple[str, tuple[str, ...]], ...] = ()
    """Columns whose cells take one of a few values (a dropdown): header → values."""
    kunci_dari: tuple[str, ...] = ()
    """Columns whose values, joined by :attr:`kunci_sambung`, make a row's key when its
    Kunci cell is empty (a row typed by hand: ``2025`` and ``IK1.1`` → ``2025/IK1.1``)."""
    kunci_sambung: str = "/"
    jenis: tuple[JenisSel, ...] = ()
    """How each value column is read in a row the sheet does not have yet (a new one)."""
    sembunyi: frozenset[str] = frozenset()
    """Value columns read but not written by the export (a document of a year it does
    not show): a planner may add the column by its header."""
    saran: tuple[tuple[str, str], ...] = ()
    """Descriptive columns → what to do instead of editing them there (said when an
    exported row's cell was changed)."""
    keterangan: tuple[tuple[str, str], ...] = ()
    """Value columns → a note the spreadsheet shows when one of its cells is selected
    (what an empty cell means)."""
    perluas: Callable[[Sequence[str]], Lembar] | None = None
    """The sheet with the columns its header row adds (the headers as written): a
    column typed for a plan not declared yet (``Target Provinsi 2025``)."""

    def cari(self) -> dict[str, Baris]:
        """Every key of the sheet → its row: the rows' own keys, then their other forms
        (one naming two rows, or another row's own key, names none)."""
        out = {b.kunci: b for b in self.baris}
        lain: dict[str, Baris | None] = {}
        for b in self.baris:
            for a in b.alias:
                if a in out:
                    continue
                lain[a] = b if a not in lain or lain[a] is b else None
        out.update({a: b for a, b in lain.items() if b is not None})
        return out


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


def ya_tidak(v: bool | None) -> str | None:
    return None if v is None else YA_TIDAK[0] if v else YA_TIDAK[1]


def tahun_buku(dinas: Dinas) -> tuple[list[int], set[int]]:
    """The years the workbook reads (the Renstra period and every year folder), and
    those the export shows: the year folders and the year after the last one, when the
    Renstra period still has it (the first Renstra year for a folder without any)."""
    periode = dinas.renstra.model.periode
    folder = set(dinas.tahun)
    berikut = max(folder) + 1 if folder else periode.mulai
    tampil = folder | ({berikut} if berikut in periode.tahun else set())
    return sorted(folder | set(periode.tahun)), tampil


def nama_berkas(dinas: Dinas, y: int, jenis: str) -> str:
    """``<tahun>/<jenis>.yaml`` (or the ``.yml`` the dinas wrote)."""
    tahun = dinas.tahun.get(y)
    berkas = getattr(tahun, jenis.replace("-", "_")) if tahun is not None else None
    name = Path(berkas.source.file).name if berkas is not None else f"{jenis}.yaml"
    return f"{y}/{name}"


def _nilai(n: int) -> tuple[JenisSel, ...]:
    satu: tuple[JenisSel, ...] = ("nilai",)
    return satu * n


_DOKUMEN = (("rkt", "RKT"), ("pk", "PK"), ("pk_perubahan", "PK Perubahan"))


def kunci_judul(text: object) -> str:
    """A header as it is compared: spaces collapsed, case ignored."""
    return " ".join(str(text).split()).casefold() if text is not None else ""


JUDUL_PEMBANDING = re.compile(r"Target (.+?)(?: tahun)? ([0-9]{4})", re.IGNORECASE)
"""A Target sheet header naming another plan's target of a year: ``Target RPJMD 2025``
(also ``Target RPJMD tahun 2025``)."""
_BUKAN_PEMBANDING = frozenset({"akhir", "renstra", "rkt", "pk", "pk perubahan"})
"""Names of the sheet's own columns, never read as a plan's (``Target RKT 2025``)."""
MAX_PEMBANDING_BARU = 20
"""Plans one workbook may declare by typing their columns; the columns of more are
unknown columns (a workbook of thousands of such headers makes no more cells to read)."""


@dataclass(frozen=True)
class KolomPembanding:
    """A Target sheet column of one plan's targets of one year (``target_pembanding``)."""

    judul: str
    id: str
    nama: str
    tahun: int
    baru: bool = False
    """A plan not declared in ``renstra.yaml`` yet, named by a header typed in the sheet."""


def id_pembanding(nama: str, ada: Sequence[str]) -> str:
    """The id of a plan declared from the workbook: its name in lower case, every run of
    other characters one ``_`` (``RPJMD`` → ``rpjmd``, ``Provinsi Jawa Tengah`` →
    ``provinsi_jawa_tengah``), numbered when another plan has it (``rpjmd_2``)."""
    huruf = "".join(
        c for c in unicodedata.normalize("NFKD", nama) if not unicodedata.combining(c)
    ).casefold()  # Ñ → n
    dasar = re.sub(r"[^a-z0-9]+", "_", huruf).strip("_")[:56] or "pembanding"
    dipakai = {a.casefold() for a in ada}
    ident, n = dasar, 1
    while ident in dipakai:
        n += 1
        ident = f"{dasar}_{n}"
    return ident


def kolom_pembanding(dinas: Dinas, judul: Sequence[str] = ()) -> list[KolomPembanding]:
    """The Target sheet's columns of other plans' targets: ``Target <nama> <tahun>`` for
    every plan ``renstra.yaml`` declares and every Renstra year (``Target <nama> (<id>)
    <tahun>`` where two plans share a name), then those the headers ``judul`` add: a plan
    named by its id (``Target rpjmd 2025``), or one not declared yet, which a value in
    its column declares (:func:`id_pembanding`)."""
    renstra = dinas.renstra.model
    years = list(renstra.periode.tahun)
    nama = [kunci_judul(p.nama) for p in renstra.pembanding]
    out: list[KolomPembanding] = []
    for p in renstra.pembanding:
        label = p.nama if nama.count(kunci_judul(p.nama)) == 1 else f"{p.nama} ({p.id})"
        out += [KolomPembanding(f"Target {label} {y}", p.id, p.nama, y) for y in years]
    dikenal = {kunci_judul(p.id): p for p in renstra.pembanding}
    dikenal |= {
        kunci_judul(p.nama): p for p in renstra.pembanding if nama.count(kunci_judul(p.nama)) == 1
    }
    ada = {kunci_judul(k.judul) for k in out}
    ids = [p.id for p in renstra.pembanding]
    baru: dict[str, tuple[str, str]] = {}
    for j in judul:
        teks = " ".join(str(j).split())
        m = JUDUL_PEMBANDING.fullmatch(teks)
        if m is None or kunci_judul(teks) in ada:
            continue
        kunci, year = kunci_judul(m.group(1)), int(m.group(2))
        if year not in years or kunci in _BUKAN_PEMBANDING:
            continue  # a year outside the Renstra, or the sheet's own column: not a plan's
        ada.add(kunci_judul(teks))
        ada_p = dikenal.get(kunci)
        if ada_p is not None:  # a declared plan by its id (Target rpjmd 2025)
            out.append(KolomPembanding(teks, ada_p.id, ada_p.nama, year))
            continue
        if kunci not in baru:
            if len(baru) >= MAX_PEMBANDING_BARU:
                continue
            ident = id_pembanding(m.group(1), ids)
            ids.append(ident)
            baru[kunci] = (ident, m.group(1))
        ident, nama_baru = baru[kunci]
        out.append(KolomPembanding(teks, ident, nama_baru, year, baru=True))
    return out


def lembar_target(dinas: Dinas, judul: Sequence[str] = ()) -> Lembar:
    """The Target sheet; ``judul``: the headers of a sheet being read, for the columns
    they add (:func:`kolom_pembanding`)."""
    renstra = dinas.renstra.model
    rf = Path(dinas.renstra.source.file).name
    years = list(renstra.periode.tahun)
    baca, tampil = tahun_buku(dinas)
    dokumen = [(y, key, label) for y in baca for key, label in _DOKUMEN]
    pembanding = kolom_pembanding(dinas, judul)
    kolom = (
        "Uraian Sasaran",
        "Uraian",
        "Satuan",
        "Polaritas",
        "Metode Negatif",
        "Sifat",
        "IKU",
        *(f"Renstra {y}" for y in years),
        "Target akhir",
        *(k.judul for k in pembanding),
        *(f"{label} {y}" for y, _k, label in dokumen),
    )
    jenis: tuple[JenisSel, ...] = (
        "teks",
        "teks",
        "teks",
        "teks",
        "teks",
        "teks",
        "ya_tidak",
        *_nilai(len(years) + 1 + len(pembanding) + len(dokumen)),
    )
    rows: list[Baris] = []
    for i, s in enumerate(renstra.sasaran):
        for j, ind in enumerate(s.indikator):
            dasar = ("sasaran", i, "indikator", j)
            ditulis = ind.model_fields_set
            cells: list[Sel | None] = [
                Sel(rf, ("sasaran", i), ("uraian",), None, s.uraian, "teks"),
                Sel(rf, dasar, ("uraian",), None, ind.uraian, "teks"),
                Sel(rf, dasar, ("satuan",), None, ind.satuan or None, "teks", hapus=True),
                Sel(
                    rf,
                    dasar,
                    ("polaritas",),
                    None,
                    ind.polaritas,
                    "teks",
                    hapus=True,
                    tertulis="polaritas" in ditulis,
                ),
                # Empty: the dinas's profil.metode_negatif (sakip.yaml).
                Sel(rf, dasar, ("metode_negatif",), None, ind.metode_negatif, "teks", hapus=True),
                Sel(rf, dasar, ("sifat",), None, ind.sifat, "teks", hapus=True),
                Sel(
                    rf,
                    dasar,
                    ("iku",),
                    None,
                    ya_tidak(ind.iku),
                    "ya_tidak",
                    hapus=True,
                    tertulis="iku" in ditulis,
                ),
            ]
            cells += [
                Sel(
                    rf,
                    (*dasar, "target", y),
                    (),
                    None,
                    nilai_sel(ind.target.get(y)),
                    "nilai",
                    indikator=ind.id,
                    tahun=y,
                )
                for y in years
            ]
            cells.append(
                Sel(rf, (*dasar, "target_akhir"), (), None, nilai_sel(ind.target_akhir), "nilai")
            )
            # Another plan's target: "-" is "none that year", as in a Renstra year.
            cells += [
                Sel(
                    rf,
                    (*dasar, "target_pembanding", k.id),
                    (k.tahun,),
                    None,
                    nilai_sel(ind.target_pembanding.get(k.id, {}).get(k.tahun)),
                    "nilai",
                    pembanding_baru=(k.id, k.nama) if k.baru else None,
                )
                for k in pembanding
            ]
            for y, key, _label in dokumen:
                tahun = dinas.tahun.get(y)
                doc = getattr(tahun.target.model, key) if tahun and tahun.target else None
                target = doc.indikator.get(ind.id) if doc is not None else None
                cells.append(
                    Sel(
                        nama_berkas(dinas, y, "target"),
                        (key, "indikator", ind.id),
                        ("target",),
                        "target",
                        nilai_sel(target.target) if target is not None else None,
                        "nilai",
                        indikator=ind.id,
                        tahun=y,
                    )
                )
            rows.append(Baris(ind.id, (s.id, ind.id), tuple(cells), berkas=rf, dasar=dasar))
    metode = dinas.identitas.model.profil.metode_negatif
    return Lembar(
        TARGET,
        ("Sasaran", "Indikator"),
        kolom,
        tuple(rows),
        (
            ("Polaritas", POLARITAS),
            ("Metode Negatif", METODE_NEGATIF),
            ("Sifat", SIFAT),
            ("IKU", YA_TIDAK),
        ),
        ("Indikator",),
        jenis=jenis,
        sembunyi=frozenset(f"{label} {y}" for y, _k, label in dokumen if y not in tampil),
        saran=(
            ("Sasaran", _SARAN_ID),
            ("Indikator", _SARAN_ID),
        ),
        keterangan=(
            (
                "Metode Negatif",
                _(
                    "Hanya untuk polaritas negatif. selisih: (2T − R) / T × 100; rasio: T / R "
                    "× 100. Kosong: cara dinas ({metode}, profil.metode_negatif di sakip.yaml)."
                ).format(metode=metode),
            ),
        ),
        perluas=functools.partial(lembar_target, dinas),
    )


_SARAN_ID = "id"
"""A :attr:`Lembar.saran` hint: an id is changed in the YAML with every reference to it."""
_SARAN_TARGET = "target"
"""… : the indikator's name and satuan are changed in the Target sheet."""
_SARAN_KUNCI = "kunci"
"""… : the column follows the row's key."""


def lembar_realisasi(dinas: Dinas) -> Lembar:
    kolom = (
        "Realisasi",
        *(f"Bulan {m}" for m in range(1, 13)),
        *(f"Triwulan {q}" for q in range(1, 5)),
        "Capaian",
        "Alasan",
        "Sumber",
        "Catatan",
    )
    baca, tampil = tahun_buku(dinas)
    rows: list[Baris] = []
    for y in baca:
        tahun = dinas.tahun.get(y)
        berkas = nama_berkas(dinas, y, "realisasi")
        model = tahun.realisasi.model.indikator if tahun and tahun.realisasi else {}
        for s in dinas.renstra.model.sasaran:
            for ind in s.indikator:
                iid = ind.id
                real = model.get(iid)
                dasar = ("indikator", iid)

                sel = functools.partial(Sel, berkas, dasar, singkat="nilai", hapus=True)
                ke = functools.partial(sel, indikator=iid, tahun=y)
                cells = [
                    ke(("nilai",), nilai=nilai_sel(real.nilai if real else None), jenis="nilai")
                ]
                for periode, n in (("bulanan", 12), ("triwulan", 4)):
                    nilai = getattr(real, periode) if real else {}
                    # "-" in a period is a value: reported as nothing (K021).
                    cells += [
                        ke((periode, i), nilai=nilai_sel(nilai.get(i)), jenis="nilai", hapus=False)
                        for i in range(1, n + 1)
                    ]
                cells += [
                    ke(("capaian",), nilai=real.capaian if real else None, jenis="angka"),
                    sel(("alasan",), nilai=real.alasan if real else None, jenis="teks"),
                    sel(("sumber",), nilai=real.sumber if real else None, jenis="teks"),
                    sel(("catatan",), nilai=real.catatan if real else None, jenis="teks"),
                ]
                rows.append(
                    Baris(
                        f"{y}/{iid}",
                        (y, iid, ind.uraian, ind.satuan),
                        tuple(cells),
                        tampil=y in tampil,
                        berkas=berkas,
                        dasar=dasar,
                    )
                )
    return Lembar(
        REALISASI,
        ("Tahun", "Indikator", "Uraian", "Satuan"),
        kolom,
        tuple(rows),
        kunci_dari=("Tahun", "Indikator"),
        jenis=("nilai",) * 17 + ("angka", "teks", "teks", "teks"),
        saran=(
            ("Tahun", _SARAN_KUNCI),
            ("Indikator", _SARAN_KUNCI),
            ("Uraian", _SARAN_TARGET),
            ("Satuan", _SARAN_TARGET),
        ),
    )


def _rupiah(v: int | None) -> NilaiSel:
    return Decimal(v) if v is not None else None


def tanda(unit: object, posisi: int) -> str:
    """An entry's part of the key: its id, else its kode, else its place (1-based)."""
    return bentuk_tanda(unit, posisi)[0]


def bentuk_tanda(unit: object, posisi: int | None) -> list[str]:
    """Every form of an entry's part of the key: its id, its kode, its place (a
    program's place is not one: programs are keyed by id or kode)."""
    out: list[str] = []
    for t in (getattr(unit, "id", None), getattr(unit, "kode", None), posisi):
        text = str(t) if t is not None else ""
        if text and "/" not in text and "#" not in text and text not in out:
            out.append(text)
    return out


def _kunci(y: int, jalur: Sequence[list[str]]) -> tuple[str, tuple[str, ...]]:
    """A row's key (the first form of each part) and its other forms."""
    semua = ["/".join((str(y), *parts)) for parts in itertools.product(*jalur)]
    return semua[0], tuple(semua[1:])


_KOLOM_ANGGARAN = (
    "Uraian",
    "Kode",
    "Sasaran",
    "Penunjang",
    "Pagu",
    "Realisasi",
    *(f"Realisasi Triwulan {q}" for q in range(1, 5)),
    "Sumber Dana",
)


def _baris_anggaran(
    y: int,
    berkas: str,
    kunci: tuple[str, tuple[str, ...]],
    tingkat: str,
    unit: object,
    dasar: YamlPath,
    tampil: bool,
) -> Baris:
    per_triwulan = getattr(unit, "realisasi_triwulan", {})
    ditulis: set[str] = getattr(unit, "model_fields_set", set())
    # A program entry written without id and uraian (kegiatan whose program the source
    # does not name) has no name or kode of its own to change.
    tanpa_nama = tingkat == "program" and str(getattr(unit, "id", "")).startswith(TANPA_PROGRAM)

    def sel(
        sub: YamlPath, nilai: NilaiSel, jenis: JenisSel, hapus: bool = False, tertulis: bool = True
    ) -> Sel:
        return Sel(berkas, dasar, sub, None, nilai, jenis, hapus=hapus, tertulis=tertulis)

    penunjang = getattr(unit, "penunjang", None)
    return Baris(
        kunci[0],
        (y, tingkat),
        (
            None if tanpa_nama else sel(("uraian",), getattr(unit, "uraian", ""), "teks"),
            None if tanpa_nama else sel(("kode",), getattr(unit, "kode", None), "teks", hapus=True),
            sel(("sasaran",), teks_sasaran(getattr(unit, "sasaran", [])), "sasaran", hapus=True),
            None
            if penunjang is None or tanpa_nama
            else sel(
                ("penunjang",),
                ya_tidak(penunjang),
                "ya_tidak",
                hapus=True,
                tertulis="penunjang" in ditulis,
            ),
            *(
                sel((field,), _rupiah(getattr(unit, field, None)), "rupiah", hapus=True)
                for field in ("pagu", "realisasi")
            ),
            *(
                sel(("realisasi_triwulan", q), _rupiah(per_triwulan.get(q)), "rupiah", hapus=True)
                for q in range(1, 5)
            ),
            sel(
                ("sumber_dana",),
                teks_dana(getattr(unit, "sumber_dana", [])),
                "dana",
                hapus=True,
            ),
        ),
        alias=kunci[1],
        tampil=tampil,
        berkas=berkas,
        dasar=dasar,
    )


@dataclass(frozen=True)
class Unit:
    """A program, kegiatan or sub kegiatan of a year, as the sheets key it."""

    tahun: int
    tingkat: str
    kunci: tuple[str, tuple[str, ...]]
    unit: object
    berkas: str
    dasar: YamlPath


def unit_anggaran(dinas: Dinas) -> list[Unit]:
    """Every program, kegiatan and sub kegiatan of every year, in file order."""
    out: list[Unit] = []
    for y, tahun in sorted(dinas.tahun.items()):
        if tahun.anggaran is None:
            continue
        berkas = nama_berkas(dinas, y, "anggaran")
        for p, program in enumerate(tahun.anggaran.model.program):
            pj = [bentuk_tanda(program, None)]
            out.append(Unit(y, "program", _kunci(y, pj), program, berkas, ("program", p)))
            for k, kegiatan in enumerate(program.kegiatan):
                kj = [*pj, bentuk_tanda(kegiatan, k + 1)]
                kd: YamlPath = ("program", p, "kegiatan", k)
                out.append(Unit(y, "kegiatan", _kunci(y, kj), kegiatan, berkas, kd))
                for s, sub in enumerate(kegiatan.sub_kegiatan):
                    sj = [*kj, bentuk_tanda(sub, s + 1)]
                    sd: YamlPath = (*kd, "sub_kegiatan", s)
                    out.append(Unit(y, "sub kegiatan", _kunci(y, sj), sub, berkas, sd))
    return out


def lembar_anggaran(dinas: Dinas) -> Lembar:
    baca, tampil = tahun_buku(dinas)
    units = unit_anggaran(dinas)
    rows: list[Baris] = []
    for y in baca:
        for u in (u for u in units if u.tahun == y):
            rows.append(
                _baris_anggaran(y, u.berkas, u.kunci, u.tingkat, u.unit, u.dasar, y in tampil)
            )
        tahun = dinas.tahun.get(y)
        anggaran = tahun.anggaran.model if tahun and tahun.anggaran else None
        total = anggaran.total if anggaran is not None else None
        kunci = f"{y}/{JUMLAH}"
        if any(r.kunci == kunci for r in rows):
            continue  # a program whose id is JUMLAH: its key wins
        berkas = nama_berkas(dinas, y, "anggaran")
        cells: list[Sel | None] = [None] * len(_KOLOM_ANGGARAN)
        for c, field in ((4, "pagu"), (5, "realisasi")):
            nilai = _rupiah(getattr(total, field)) if total is not None else None
            cells[c] = Sel(berkas, ("total",), (field,), None, nilai, "rupiah", hapus=True)
        rows.append(
            Baris(
                kunci,
                (y, "jumlah"),
                tuple(cells),
                tampil=total is not None and y in tampil,
                berkas=berkas,
                dasar=("total",),
            )
        )
    return Lembar(
        ANGGARAN,
        ("Tahun", "Tingkat"),
        _KOLOM_ANGGARAN,
        tuple(rows),
        (
            ("Sasaran", tuple(s.id for s in dinas.renstra.model.sasaran)),
            ("Penunjang", YA_TIDAK),
        ),
        jenis=("teks", "teks", "sasaran", "ya_tidak", *("rupiah",) * 6, "dana"),
        saran=(("Tahun", _SARAN_KUNCI), ("Tingkat", _SARAN_KUNCI)),
    )


def lembar_indikator_program(dinas: Dinas) -> Lembar:
    """One row per indikator of a program, kegiatan or sub kegiatan (``anggaran.yaml``
    ``indikator``), keyed ``<its Anggaran key>#<number>``: ``2021/P01#1``."""
    _baca, tampil = tahun_buku(dinas)
    kolom = (
        "Uraian",
        "Satuan",
        "Sifat",
        "Target",
        "Realisasi",
        *(f"Triwulan {q}" for q in range(1, 5)),
    )
    rows: list[Baris] = []
    for u in unit_anggaran(dinas):
        for n, ind in enumerate(getattr(u.unit, "indikator", []), 1):
            dasar: YamlPath = (*u.dasar, "indikator", n - 1)

            sel = functools.partial(Sel, u.berkas, dasar, singkat="uraian", hapus=True)
            cells = (
                sel(("uraian",), nilai=ind.uraian, jenis="teks", hapus=False),
                sel(("satuan",), nilai=ind.satuan or None, jenis="teks"),
                sel(("sifat",), nilai=ind.sifat, jenis="teks"),
                sel(("target",), nilai=nilai_sel(ind.target), jenis="nilai", hapus=False),
                sel(("realisasi",), nilai=nilai_sel(ind.realisasi), jenis="nilai"),
                *(
                    sel(
                        ("triwulan", q),
                        nilai=nilai_sel(ind.triwulan.get(q)),
                        jenis="nilai",
                        hapus=False,
                    )
                    for q in range(1, 5)
                ),
            )
            rows.append(
                Baris(
                    f"{u.kunci[0]}#{n}",
                    (u.tahun, u.tingkat, u.kunci[0], getattr(u.unit, "uraian", ""), n),
                    cells,
                    alias=tuple(f"{a}#{n}" for a in u.kunci[1]),
                    tampil=u.tahun in tampil,
                    berkas=u.berkas,
                    dasar=dasar,
                )
            )
    return Lembar(
        INDIKATOR_PROGRAM,
        ("Tahun", "Tingkat", "Kunci Anggaran", "Program/Kegiatan", "No"),
        kolom,
        tuple(rows),
        (("Sifat", SIFAT),),
        ("Kunci Anggaran", "No"),
        kunci_sambung="#",
        jenis=("teks", "teks", "teks", *("nilai",) * 6),
        saran=(
            ("Tahun", _SARAN_KUNCI),
            ("Tingkat", _SARAN_KUNCI),
            ("Kunci Anggaran", _SARAN_KUNCI),
            ("Program/Kegiatan", "anggaran"),
            ("No", _SARAN_KUNCI),
        ),
    )


_KOLOM_RA_ACUAN = ("Sasaran", "Indikator", "Program", "Kegiatan", "Sub Kegiatan")
_FIELD_RA_ACUAN = ("sasaran", "indikator", "program", "kegiatan", "sub_kegiatan")


def nama_tabel(tables: Sequence[object]) -> list[str]:
    """Each rencana aksi table's part of the key: its tingkat, numbered (``eselon_iv-2``)
    when the year has more than one table of that tingkat."""
    count: dict[str, int] = {}
    for tb in tables:
        count[getattr(tb, "tingkat", "")] = count.get(getattr(tb, "tingkat", ""), 0) + 1
    seen: dict[str, int] = {}
    out = []
    for tb in tables:
        t = getattr(tb, "tingkat", "")
        seen[t] = seen.get(t, 0) + 1
        out.append(f"{t}-{seen[t]}" if count[t] > 1 else t)
    return out


def lembar_rencana_aksi(dinas: Dinas) -> Lembar:
    """One row per rencana aksi row: what it measures, its targets per month (or quarter:
    the first four columns), the annual target, the anggaran, and its realisasi per
    period (what the planner enters each quarter; a place after the last one written
    appends)."""
    kolom = (
        *_KOLOM_RA_ACUAN,
        "Uraian",
        "Satuan",
        "Kumulatif",
        "Penanggung Jawab",
        *(f"Periode {i}" for i in range(1, 13)),
        "Target tahunan",
        "Anggaran",
        *(f"Realisasi {i}" for i in range(1, 13)),
    )
    _baca, tampil = tahun_buku(dinas)
    nama_ind = {i.id: i.uraian for _s, i in dinas.renstra.model.indikator()}
    rows: list[Baris] = []
    for y, tahun in sorted(dinas.tahun.items()):
        if tahun.rencana_aksi is None:
            continue
        berkas = nama_berkas(dinas, y, "rencana-aksi")
        tables = tahun.rencana_aksi.model.tabel
        for t, (tabel, nama) in enumerate(zip(tables, nama_tabel(tables), strict=True)):
            for b, row in enumerate(tabel.baris):
                dasar: YamlPath = ("tabel", t, "baris", b)

                sel = functools.partial(Sel, berkas, dasar, singkat=None, hapus=True)
                cells: list[Sel | None] = [
                    sel((f,), nilai=getattr(row, f), jenis="teks") for f in _FIELD_RA_ACUAN
                ]
                cells += [
                    sel(("uraian",), nilai=row.uraian, jenis="teks"),
                    sel(("satuan",), nilai=row.satuan or None, jenis="teks"),
                    sel(("kumulatif",), nilai=ya_tidak(row.kumulatif), jenis="ya_tidak"),
                    sel(("penanggung_jawab",), nilai=row.penanggung_jawab, jenis="teks"),
                ]
                cells += [
                    sel(("target", i), nilai=nilai_sel(row.target[i]), jenis="nilai", hapus=False)
                    if i < len(row.target)
                    else None
                    for i in range(12)
                ]
                cells.append(
                    sel(("target_tahunan",), nilai=nilai_sel(row.target_tahunan), jenis="nilai")
                )
                cells.append(sel(("anggaran",), nilai=_rupiah(row.anggaran), jenis="rupiah"))
                n = JUMLAH_PERIODE[tabel.periode]
                cells += [
                    sel(
                        ("realisasi", Butir(i)),
                        nilai=nilai_sel(row.realisasi[i]) if i < len(row.realisasi) else None,
                        jenis="nilai",
                        hapus=False,
                    )
                    if i < n
                    else None
                    for i in range(12)
                ]
                keterangan = (
                    row.uraian
                    or nama_ind.get(row.indikator or "")
                    or " ".join(
                        x for x in (row.indikator, row.sub_kegiatan, row.kegiatan, row.program) if x
                    )
                )
                rows.append(
                    Baris(
                        f"{y}/{nama}/{b + 1}",
                        (y, tabel.tingkat, tabel.periode, keterangan),
                        tuple(cells),
                        tampil=y in tampil,
                        berkas=berkas,
                        dasar=dasar,
                    )
                )
    return Lembar(
        RENCANA_AKSI,
        ("Tahun", "Tingkat", "Periode", "Keterangan"),
        kolom,
        tuple(rows),
        (("Kumulatif", YA_TIDAK),),
        jenis=(
            *("teks",) * 7,
            "ya_tidak",
            "teks",
            *("nilai",) * 13,
            "rupiah",
            *("nilai",) * 12,
        ),
        saran=(
            ("Tahun", _SARAN_KUNCI),
            ("Tingkat", _SARAN_KUNCI),
            ("Periode", "periode"),
            ("Keterangan", "keterangan"),
        ),
    )


def lembar_masukan(dinas: Dinas) -> Sequence[Lembar]:
    """The sheets of the input workbook, in order (the Petunjuk sheet is text only)."""
    return (
        lembar_target(dinas),
        lembar_realisasi(dinas),
        lembar_anggaran(dinas),
        lembar_indikator_program(dinas),
        lembar_rencana_aksi(dinas),
    )
