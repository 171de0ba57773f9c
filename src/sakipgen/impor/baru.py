"""Rows of an input workbook that name no entry yet: new programs, kegiatan and sub
kegiatan (a new year's anggaran), new indikator of them, new rencana aksi rows and
tables.  Each is added to its YAML file as a planner would write it, with the values of
its row; a year without the file gets one.  A key that cannot name a new entry (a
typing slip) is R001 at its cell, with the forms the sheet accepts.

Keys, as the sheets write them (:mod:`sakipgen.model.masukan`):

- Anggaran ``<tahun>/<program>[/<kegiatan>[/<sub kegiatan>]]``, each part an id
  (``P01``, ``K01.1``), a kode (``2.17.02``) or, below a program, a place (``2``); a new
  row needs its Uraian.  A new program keyed by a kode or a place gets the next free
  id ``P<nn>``.
- Indikator Program ``<Anggaran key>#<number>`` (``2026/P01/1#2``), with its Uraian.
- Rencana Aksi ``<tahun>/<tingkat>[-<n>]/<number>`` (``2026/eselon_iii/1``), with its
  Indikator or Uraian; a table the year does not have is made with the Periode
  (``bulanan`` or ``triwulan``) of its rows.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from pydantic_core import PydanticCustomError

from sakipgen.diagnostics import Diagnostic, Location
from sakipgen.i18n import _
from sakipgen.impor.buku import BarisBaru, Hapus, baca_nilai, pilih
from sakipgen.impor.sunting import Isi, Mentah, flow_isi, tambah_semua, teks_blok
from sakipgen.model.folder import Dinas
from sakipgen.model.masukan import (
    ANGGARAN,
    INDIKATOR_PROGRAM,
    PERIODE,
    POLA_KODE,
    REALISASI,
    RENCANA_AKSI,
    SIFAT,
    TARGET,
    YA_TIDAK,
    JenisSel,
    Lembar,
    NilaiSel,
    kunci_judul,
    nama_berkas,
    nama_tabel,
    tahun_buku,
)
from sakipgen.model.rencana_aksi import JUMLAH_PERIODE
from sakipgen.model.sumber import YamlPath

Langkah = Callable[[str], str]
TINGKAT_RA = ("eselon_ii", "eselon_iii", "eselon_iv", "staf")
ANAK = ("kegiatan", "sub_kegiatan")
NAMA_TINGKAT = ("program", "kegiatan", "sub kegiatan")


@dataclass
class Catatan:
    """What the new rows bring: the edits per file, the entries added (as changed
    cells: place, file, what), and the problems."""

    ubah: dict[str, list[Langkah]] = field(default_factory=dict)
    tambah: list[tuple[str, str, str, str]] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    tunda: dict[tuple[str, YamlPath, str, bool], list[dict[str, Isi]]] = field(default_factory=dict)
    """New entries per list (file, path, schema name, flow), added in one edit each."""

    def diag(self, tempat: str, code: str, pesan: str) -> None:
        self.diagnostics.append(Diagnostic.make(Location(tempat), code, pesan))


def rencana_baru(dinas: Dinas, layout: Sequence[Lembar], baru: Sequence[BarisBaru]) -> Catatan:
    catatan = Catatan()
    lembar = {lb.nama: lb for lb in layout}
    for b in baru:
        if b.lembar == TARGET:
            catatan.diag(
                b.tempat,
                "R001",
                _(
                    "kunci '{kunci}' tidak dikenal: baris lembar Target adalah indikator "
                    "renstra.yaml, dengan id indikatornya sebagai kunci (IK1.1); indikator "
                    "baru ditambahkan di renstra.yaml"
                ).format(kunci=b.kunci),
            )
        elif b.lembar == REALISASI:
            mulai, akhir = dinas.renstra.model.periode.mulai, dinas.renstra.model.periode.akhir
            catatan.diag(
                b.tempat,
                "R001",
                _(
                    "kunci '{kunci}' tidak dikenal: kunci lembar Realisasi adalah "
                    "<tahun>/<id indikator> (2021/IK1.1), dengan tahun dalam periode Renstra "
                    "{mulai}-{akhir} atau tahun yang punya folder"
                ).format(kunci=b.kunci, mulai=mulai, akhir=akhir),
            )
    _Anggaran(dinas, lembar[ANGGARAN], lembar[INDIKATOR_PROGRAM], catatan).baca(
        [b for b in baru if b.lembar == ANGGARAN],
        [b for b in baru if b.lembar == INDIKATOR_PROGRAM],
    )
    _rencana_aksi(
        dinas, lembar[RENCANA_AKSI], [b for b in baru if b.lembar == RENCANA_AKSI], catatan
    )
    for (rel, jalur, judul, flow), items in catatan.tunda.items():
        catatan.ubah.setdefault(rel, []).append(
            functools.partial(_tambah_ke, jalur=jalur, items=items, rel=rel, judul=judul, flow=flow)
        )
    return catatan


def _nilai(b: BarisBaru, judul: str, jenis: JenisSel, catatan: Catatan) -> NilaiSel:
    """A new row's cell read as the sheet reads it; None when it is empty, ``-`` or wrong
    (said at the cell)."""
    value, number_format, tempat = b.sel.get(kunci_judul(judul), (None, "", ""))
    if value is None:
        return None
    try:
        v = baca_nilai(value, number_format, jenis, hapus=True)
    except PydanticCustomError as exc:
        catatan.diag(tempat, exc.type, exc.message())
        return None
    if isinstance(v, str) and judul in PILIHAN:
        v = pilih(v, PILIHAN[judul])
    return None if isinstance(v, Hapus) or v == "" else v


PILIHAN = {"Sifat": SIFAT, "Periode": PERIODE}
"""The dropdown columns a new row's cells are read against."""


def _isi(v: NilaiSel, jenis: JenisSel) -> Isi:
    if jenis == "rupiah" and isinstance(v, Decimal):
        return int(v)
    if jenis == "ya_tidak":
        return v == YA_TIDAK[0]
    assert v is not None
    return v


def _peta(isi: dict[int, Isi]) -> Mentah:
    """A map of numbered periods as one flow mapping: ``{1: 5000000, 2: 7500000}``."""
    return Mentah("{" + ", ".join(f"{k}: {flow_isi(v)}" for k, v in isi.items()) + "}")


def _tambah(
    catatan: Catatan, rel: str, jalur: YamlPath, item: dict[str, Isi], judul: str, *, flow: bool
) -> None:
    """``item`` appended to the list at ``jalur`` (with the others for that list, in one
    edit); a file that is not there (or empty) is made, with a comment saying where it
    came from."""
    catatan.tunda.setdefault((rel, jalur, judul, flow), []).append(item)


def _tambah_ke(
    teks: str, *, jalur: YamlPath, items: list[dict[str, Isi]], rel: str, judul: str, flow: bool
) -> str:
    if teks.strip():
        return tambah_semua(teks, jalur, items, rel, flow=flow)
    # In Indonesian, as every file of the folder, whatever --lang says.
    lines = [
        f"# yaml-language-server: $schema=../schema/{judul}.schema.json",
        f"# {rel}: dibuat 'sakipgen import' dari buku kerja masukan.",
    ]
    isi: dict[str, Isi] = {str(jalur[0]): list(items)}
    return "\n".join([*lines, *teks_blok(isi, 0, flow=flow), ""])


_URUTAN_UNIT = ("id", "kode", "uraian", "sasaran", "penunjang", "indikator", "pagu", "realisasi")


@dataclass
class _Unit:
    """A new program, kegiatan or sub kegiatan: its row, where it goes, its entry."""

    baris: BarisBaru
    tahun: int
    tingkat: int
    bagian: list[str]
    isi: dict[str, Isi]
    anak: list[_Unit] = field(default_factory=list)
    indikator: list[tuple[int, dict[str, Isi]]] = field(default_factory=list)


class _Anggaran:
    def __init__(self, dinas: Dinas, lembar: Lembar, lembar_ind: Lembar, catatan: Catatan):
        self.dinas = dinas
        self.lembar = lembar
        self.ada = lembar.cari()
        self.ada_ind = lembar_ind.cari()
        self.catatan = catatan
        self.baca_tahun, _tampil = tahun_buku(dinas)
        self.baru: dict[str, _Unit] = {}
        """New units by every key that names them (typed, with its id or kode)."""

    def bentuk(self) -> str:
        return _(
            "kunci lembar Anggaran: <tahun>/<program>, <tahun>/<program>/<kegiatan> atau "
            "<tahun>/<program>/<kegiatan>/<sub kegiatan>, tiap bagian berupa id, kode atau "
            "nomor urut (2025/P01, 2025/P01/K01.1, 2025/P01/2.17.02.2.01, 2025/P01/1/2); "
            "baris baru memerlukan Uraian"
        )

    def baca(self, rows: Sequence[BarisBaru], rows_ind: Sequence[BarisBaru]) -> None:
        units: list[_Unit] = []
        for b in rows:
            unit = self._unit(b)
            if unit is not None:
                units.append(unit)
        # Parents before children, whatever the order of the rows.
        akar: list[_Unit] = []
        induk_ada: dict[tuple[str, YamlPath], list[_Unit]] = {}
        for unit in sorted(units, key=lambda u: u.tingkat):
            if unit.tingkat == 0:
                akar.append(unit)
                self._kenal(unit)
                continue
            kunci_induk = "/".join((str(unit.tahun), *unit.bagian[:-1]))
            induk = self.baru.get(kunci_induk)
            ada = self.ada.get(kunci_induk)
            if induk is not None and induk.tingkat == unit.tingkat - 1:
                induk.anak.append(unit)
            elif ada is not None and ada.info[1] == NAMA_TINGKAT[unit.tingkat - 1]:
                induk_ada.setdefault((ada.berkas, ada.dasar), []).append(unit)
            else:
                self.catatan.diag(
                    unit.baris.tempat,
                    "X001",
                    _(
                        "baris induk '{induk}' tidak ada: tulis baris {tingkat} itu (dengan "
                        "Uraian) agar '{kunci}' punya tempat"
                    ).format(
                        induk=kunci_induk,
                        tingkat=NAMA_TINGKAT[unit.tingkat - 1],
                        kunci=unit.baris.kunci,
                    ),
                )
                continue
            self._kenal(unit)
        ind_ada = self._indikator(rows_ind)
        for y in sorted({u.tahun for u in akar}):
            rel = nama_berkas(self.dinas, y, "anggaran")
            self._nomori([u for u in akar if u.tahun == y], y)
            for unit in _urut([u for u in akar if u.tahun == y]):
                _tambah(self.catatan, rel, ("program",), self._entri(unit), "anggaran", flow=False)
                self._catat(unit, rel)
        for (rel, dasar), anak in induk_ada.items():
            for unit in _urut(anak):
                jalur = (*dasar, ANAK[unit.tingkat - 1])
                _tambah(self.catatan, rel, jalur, self._entri(unit), "anggaran", flow=False)
                self._catat(unit, rel)
        for (rel, dasar), items in ind_ada.items():
            for _n, item in sorted(items, key=lambda x: x[0]):
                _tambah(self.catatan, rel, (*dasar, "indikator"), item, "anggaran", flow=True)

    def _unit(self, b: BarisBaru) -> _Unit | None:
        parts = b.kunci.split("/")
        if not parts[0].isdigit() or not 2 <= len(parts) <= 4 or not all(parts[1:]):
            self.catatan.diag(
                b.tempat,
                "R001",
                _("kunci '{kunci}' tidak dikenal; {bentuk}").format(
                    kunci=b.kunci, bentuk=self.bentuk()
                ),
            )
            return None
        y = int(parts[0])
        if y not in self.baca_tahun:
            periode = self.dinas.renstra.model.periode
            self.catatan.diag(
                b.tempat,
                "R001",
                _(
                    "kunci '{kunci}': tahun {tahun} di luar periode Renstra {mulai}-{akhir} "
                    "dan tidak punya folder"
                ).format(kunci=b.kunci, tahun=y, mulai=periode.mulai, akhir=periode.akhir),
            )
            return None
        uraian = _nilai(b, "Uraian", "teks", self.catatan)
        if not uraian:
            self.catatan.diag(
                b.tempat,
                "R001",
                _("kunci '{kunci}' tidak dikenal di folder dinas ini; {bentuk}").format(
                    kunci=b.kunci, bentuk=self.bentuk()
                ),
            )
            return None
        tingkat = len(parts) - 2
        tanda = parts[-1]
        isi: dict[str, Isi] = {}
        kode = _nilai(b, "Kode", "teks", self.catatan)
        if POLA_KODE.fullmatch(tanda):
            kode = kode or tanda
        elif not tanda.isdigit():
            isi["id"] = tanda
        if kode:
            isi["kode"] = str(kode)
        isi["uraian"] = str(uraian)
        for judul, key, jenis in (
            ("Sasaran", "sasaran", "sasaran"),
            ("Penunjang", "penunjang", "ya_tidak"),
            ("Pagu", "pagu", "rupiah"),
            ("Realisasi", "realisasi", "rupiah"),
        ):
            if key == "penunjang" and tingkat:
                continue
            v = _nilai(b, judul, jenis, self.catatan)  # type: ignore[arg-type]
            if v is None:
                continue
            if key == "sasaran":
                ids = str(v).replace(",", " ").split()
                isi[key] = ids[0] if len(ids) == 1 else list(ids)
            else:
                isi[key] = _isi(v, jenis)  # type: ignore[arg-type]
        triwulan: dict[int, Isi] = {}
        for q in range(1, 5):
            v = _nilai(b, f"Realisasi Triwulan {q}", "rupiah", self.catatan)
            if v is not None:
                triwulan[q] = _isi(v, "rupiah")
        if triwulan:
            isi["realisasi_triwulan"] = _peta(triwulan)
        dana = _nilai(b, "Sumber Dana", "dana", self.catatan)
        if dana:
            from sakipgen.model.masukan import baca_dana

            isi["sumber_dana"] = [dict(d) for d in baca_dana(str(dana))]
        return _Unit(b, y, tingkat, parts[1:], isi)

    def _kenal(self, unit: _Unit) -> None:
        kunci = "/".join((str(unit.tahun), *unit.bagian))
        self.baru.setdefault(kunci, unit)
        induk = "/".join((str(unit.tahun), *unit.bagian[:-1]))
        for t in (unit.isi.get("id"), unit.isi.get("kode")):
            if isinstance(t, str):
                self.baru.setdefault(f"{induk}/{t}", unit)

    def _nomori(self, programs: list[_Unit], y: int) -> None:
        """A new program keyed by a kode or a place gets the next free ``P<nn>``."""
        tahun = self.dinas.tahun.get(y)
        used = {p.id for p in tahun.program()} if tahun else set()
        used |= {str(u.isi["id"]) for u in programs if "id" in u.isi}
        n = max((int(m.group(1)) for i in used if (m := re.fullmatch(r"P(\d+)", i))), default=0)
        for unit in programs:
            if "id" not in unit.isi:
                n += 1
                unit.isi = {"id": f"P{n:02d}", **unit.isi}

    def _indikator(self, rows: Sequence[BarisBaru]) -> dict[tuple[str, YamlPath], list[Any]]:
        """Each new indikator row, onto its new unit or collected per existing unit."""
        ada: dict[tuple[str, YamlPath], list[Any]] = {}
        for b in rows:
            unit_key, sep, nomor = b.kunci.rpartition("#")
            if not sep or not nomor.isdigit() or int(nomor) < 1:
                self.catatan.diag(
                    b.tempat,
                    "R001",
                    _(
                        "kunci '{kunci}' tidak dikenal: kunci lembar Indikator Program adalah "
                        "<kunci Anggaran>#<nomor> (2025/P01#1, 2025/P01/1#2), atau isi Kunci "
                        "Anggaran dan No"
                    ).format(kunci=b.kunci),
                )
                continue
            uraian = _nilai(b, "Uraian", "teks", self.catatan)
            if not uraian:
                self.catatan.diag(
                    b.tempat,
                    "R001",
                    _(
                        "kunci '{kunci}' tidak dikenal di folder dinas ini; indikator baru "
                        "memerlukan Uraian"
                    ).format(kunci=b.kunci),
                )
                continue
            item: dict[str, Isi] = {"uraian": str(uraian)}
            for judul, key, jenis in (
                ("Satuan", "satuan", "teks"),
                ("Sifat", "sifat", "teks"),
                ("Target", "target", "nilai"),
                ("Realisasi", "realisasi", "nilai"),
            ):
                v = _nilai(b, judul, jenis, self.catatan)  # type: ignore[arg-type]
                if v is not None:
                    item[key] = v
            triwulan: dict[int, Isi] = {
                q: v
                for q in range(1, 5)
                if (v := _nilai(b, f"Triwulan {q}", "nilai", self.catatan)) is not None
            }
            if triwulan:
                item["triwulan"] = _peta(triwulan)
            baru = self.baru.get(unit_key)
            unit = self.ada.get(unit_key)
            if baru is not None:
                baru.indikator.append((int(nomor), item))
                self.catatan.tambah.append(
                    (b.tempat, "", f"{unit_key} indikator", f"indikator {uraian}")
                )
            elif unit is not None and unit.info[1] in NAMA_TINGKAT:
                ada.setdefault((unit.berkas, unit.dasar), []).append((int(nomor), item))
                self.catatan.tambah.append(
                    (b.tempat, unit.berkas, f"{unit_key} indikator", f"indikator {uraian}")
                )
            else:
                self.catatan.diag(
                    b.tempat,
                    "X001",
                    _(
                        "program, kegiatan atau sub kegiatan '{unit}' tidak ada di lembar "
                        "Anggaran maupun di anggaran.yaml"
                    ).format(unit=unit_key),
                )
        return ada

    def _entri(self, unit: _Unit) -> dict[str, Isi]:
        isi = dict(unit.isi)
        if unit.indikator:
            isi["indikator"] = [item for _n, item in sorted(unit.indikator, key=lambda x: x[0])]
        ordered: dict[str, Isi] = {k: isi[k] for k in _URUTAN_UNIT if k in isi}
        ordered |= {k: v for k, v in isi.items() if k not in ordered}
        if unit.anak:
            ordered[ANAK[unit.tingkat]] = [self._entri(a) for a in _urut(unit.anak)]
        return ordered

    def _catat(self, unit: _Unit, rel: str) -> None:
        kunci = "/".join((str(unit.tahun), *unit.bagian))
        self.catatan.tambah.append(
            (unit.baris.tempat, rel, kunci, f"{NAMA_TINGKAT[unit.tingkat]} {unit.isi['uraian']}")
        )
        for a in unit.anak:
            self._catat(a, rel)


def _urut(units: list[_Unit]) -> list[_Unit]:
    """Siblings in the order of their rows; numbered by place (``…/1``, ``…/2``): by
    that number."""
    if all(u.bagian[-1].isdigit() for u in units):
        return sorted(units, key=lambda u: int(u.bagian[-1]))
    return list(units)


_URUTAN_RA = (
    "sasaran",
    "indikator",
    "program",
    "kegiatan",
    "sub_kegiatan",
    "uraian",
    "satuan",
    "kumulatif",
    "target",
    "target_tahunan",
    "anggaran",
    "penanggung_jawab",
    "realisasi",
)


def _rencana_aksi(
    dinas: Dinas, lembar: Lembar, rows: Sequence[BarisBaru], catatan: Catatan
) -> None:
    baca_tahun, _tampil = tahun_buku(dinas)
    bentuk = _(
        "kunci lembar Rencana Aksi: <tahun>/<tingkat>/<nomor baris> (2025/eselon_iii/1; "
        "tingkat eselon_ii, eselon_iii, eselon_iv atau staf, eselon_iv-2 untuk tabel kedua "
        "tingkat itu); baris baru memerlukan Indikator atau Uraian"
    )
    # (year, table name) → (existing table index or None, periode, rows (number, entry))
    tabel: dict[tuple[int, str], list[Any]] = {}
    for b in rows:
        parts = b.kunci.split("/")
        m = re.fullmatch(r"([a-z_]+?)(?:-(\d+))?", parts[1]) if len(parts) == 3 else None
        if (
            m is None
            or not parts[0].isdigit()
            or not parts[2].isdigit()
            or int(parts[2]) < 1
            or m.group(1) not in TINGKAT_RA
        ):
            catatan.diag(
                b.tempat,
                "R001",
                _("kunci '{kunci}' tidak dikenal; {bentuk}").format(kunci=b.kunci, bentuk=bentuk),
            )
            continue
        y = int(parts[0])
        if y not in baca_tahun:
            renstra = dinas.renstra.model.periode
            catatan.diag(
                b.tempat,
                "R001",
                _(
                    "kunci '{kunci}': tahun {tahun} di luar periode Renstra {mulai}-{akhir} "
                    "dan tidak punya folder"
                ).format(kunci=b.kunci, tahun=y, mulai=renstra.mulai, akhir=renstra.akhir),
            )
            continue
        tahun = dinas.tahun.get(y)
        tables = tahun.rencana_aksi.model.tabel if tahun and tahun.rencana_aksi else []
        names = nama_tabel(tables)
        tingkat, k = m.group(1), int(m.group(2) or 1)
        sama = [i for i, tb in enumerate(tables) if tb.tingkat == tingkat]
        ada: int | None = None
        if parts[1] in names:
            ada = names.index(parts[1])
        elif len(sama) == 1 and k == 1:
            ada = sama[0]  # "eselon_iv-1" for the year's only eselon_iv table
        elif not m.group(2) and sama:
            catatan.diag(
                b.tempat,
                "R001",
                _(
                    "kunci '{kunci}': tahun {tahun} punya {n} tabel {tingkat}; tulis "
                    "{tingkat}-1, {tingkat}-2 … untuk tabelnya"
                ).format(kunci=b.kunci, tahun=y, n=len(sama), tingkat=tingkat),
            )
            continue
        elif k <= len(sama):
            ada = sama[k - 1]
        nomor = int(parts[2])
        periode_sel = _nilai(b, "Periode", "teks", catatan)
        periode: str
        if ada is not None:
            periode = tables[ada].periode
            if periode_sel and periode_sel != periode:
                catatan.diag(
                    b.tempat,
                    "X005",
                    _(
                        "tabel {tabel} {tahun} adalah tabel {periode}; kolom Periode diabaikan"
                    ).format(tabel=parts[1], tahun=y, periode=periode),
                )
        else:
            periode = str(periode_sel or PERIODE[0])
            if periode not in PERIODE:
                catatan.diag(
                    b.sel.get(kunci_judul("Periode"), (None, "", b.tempat))[2],
                    "S004",
                    _("Periode tabel rencana aksi: bulanan atau triwulan, bukan '{nilai}'").format(
                        nilai=periode
                    ),
                )
                continue
        row = _baris_ra(b, JUMLAH_PERIODE[periode], catatan)
        if row is None:
            catatan.diag(
                b.tempat,
                "R001",
                _("kunci '{kunci}' tidak dikenal di folder dinas ini; {bentuk}").format(
                    kunci=b.kunci, bentuk=bentuk
                ),
            )
            continue
        entry = tabel.setdefault(
            (y, parts[1] if ada is None else names[ada]), [ada, periode, tingkat, k, []]
        )
        entry[4].append((nomor, row, b))
    for (y, _nama), (ada, periode, tingkat, _k, baris) in sorted(
        tabel.items(), key=lambda kv: (kv[0][0], kv[1][0] is not None, kv[1][2], kv[1][3])
    ):
        rel = nama_berkas(dinas, y, "rencana-aksi")
        baris.sort(key=lambda x: x[0])
        for _n, _row, b in baris:
            catatan.tambah.append((b.tempat, rel, b.kunci, _("baris rencana aksi")))
        if ada is not None:
            for _n, row, _b in baris:
                _tambah(catatan, rel, ("tabel", ada, "baris"), row, "rencana-aksi", flow=False)
        else:
            item: dict[str, Isi] = {"tingkat": tingkat, "periode": periode}
            item["baris"] = [row for _n, row, _b in baris]
            _tambah(catatan, rel, ("tabel",), item, "rencana-aksi", flow=False)


def _baris_ra(b: BarisBaru, n: int, catatan: Catatan) -> dict[str, Isi] | None:
    """A new rencana aksi row's entry (None when it names neither an indikator nor its
    own uraian)."""
    isi: dict[str, Isi] = {}
    for judul, key in (
        ("Sasaran", "sasaran"),
        ("Indikator", "indikator"),
        ("Program", "program"),
        ("Kegiatan", "kegiatan"),
        ("Sub Kegiatan", "sub_kegiatan"),
        ("Uraian", "uraian"),
        ("Satuan", "satuan"),
        ("Penanggung Jawab", "penanggung_jawab"),
    ):
        v = _nilai(b, judul, "teks", catatan)
        if v:
            isi[key] = v
    if "indikator" not in isi and "uraian" not in isi:
        return None
    kumulatif = _nilai(b, "Kumulatif", "ya_tidak", catatan)
    if kumulatif is not None:
        isi["kumulatif"] = _isi(kumulatif, "ya_tidak")
    target: list[Isi] = []
    realisasi: list[Isi] = []
    for i in range(1, 13):
        t = _nilai(b, f"Periode {i}", "nilai", catatan)
        r = _nilai(b, f"Realisasi {i}", "nilai", catatan)
        if i > n:
            for judul, v in ((f"Periode {i}", t), (f"Realisasi {i}", r)):
                if v is not None:
                    catatan.diag(
                        b.sel[kunci_judul(judul)][2],
                        "X005",
                        _("tabel triwulan hanya punya periode 1-4; sel ini diabaikan"),
                    )
            continue
        target.append(t if t is not None else "-")
        if r is not None:
            realisasi += ["-"] * (i - 1 - len(realisasi)) + [r]
    isi["target"] = target
    for judul, key, jenis in (
        ("Target tahunan", "target_tahunan", "nilai"),
        ("Anggaran", "anggaran", "rupiah"),
    ):
        v = _nilai(b, judul, jenis, catatan)  # type: ignore[arg-type]
        if v is not None:
            isi[key] = _isi(v, jenis)  # type: ignore[arg-type]
    if realisasi:
        isi["realisasi"] = realisasi
    return {k: isi[k] for k in _URUTAN_RA if k in isi}
