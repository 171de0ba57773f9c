"""``sakipgen import``: values from an input workbook back into a dinas's YAML files.

The workbook is read (:mod:`sakipgen.impor.buku`), every cell is compared with the value
it came from (:mod:`sakipgen.model.masukan`), and only the values that differ are set
in the YAML text (:mod:`sakipgen.impor.sunting`), keeping every other byte.  The
changed folder is then loaded and checked in a private copy: if the workbook brings any
error (a problem of the data, or of the workbook itself), nothing is written.  Files
are written together: each is first written beside its target, then all are renamed
into place; should a rename fail, the files already replaced get their old text back.
"""

from __future__ import annotations

import contextlib
import functools
import os
import re
import shutil
import tempfile
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from pydantic_core import PydanticCustomError

from sakipgen.diagnostics import Diagnostic, Location, Severity, display_path
from sakipgen.i18n import _
from sakipgen.impor.buku import Buku, Hapus, NilaiBaca, baca_buku
from sakipgen.impor.sunting import GalatSunting, Isi, Mentah, Ubah, flow_isi, hapus, terapkan
from sakipgen.model.masukan import (
    YA_TIDAK,
    NilaiSel,
    Sel,
    baca_dana,
    baca_sasaran,
    lembar_masukan,
)
from sakipgen.model.sumber import path_text
from sakipgen.pipeline import Bundel, siapkan

__all__ = [
    "Langkah",
    "Rencana",
    "SelBerubah",
    "pindah_lokasi",
    "rencanakan",
    "selesaikan",
    "tulis_rencana",
]


Langkah = Callable[[str], str]
"""One edit of a file's text."""


@dataclass(frozen=True)
class SelBerubah:
    """A cell whose value differs from the YAML's: where it is, where it goes."""

    tempat: str
    berkas: str
    jalur: str
    lama: NilaiSel
    baru: NilaiSel
    indikator: str | None = None
    """The Renstra indikator and year whose target or realisasi the cell holds."""
    tahun: int | None = None
    pembanding_baru: tuple[str, str] | None = None
    """(id, nama) of the plan the value needs declared (:attr:`Sel.pembanding_baru`)."""


@dataclass
class Rencana:
    """What an import would change."""

    berkas: dict[str, tuple[str, str]] = field(default_factory=dict)
    """File (relative, POSIX) → (old text, new text), only files that change."""
    sel: list[SelBerubah] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    sesudah: Bundel | None = None

    @property
    def gagal(self) -> bool:
        return any(d.severity == Severity.ERROR for d in self.diagnostics)


def _sama(lama: NilaiSel, baru: NilaiSel) -> bool:
    if isinstance(lama, Decimal) and isinstance(baru, Decimal):
        return lama == baru
    if isinstance(lama, str) and isinstance(baru, str):
        return lama.strip() == baru.strip()
    return lama is None and baru is None


def _langkah(sel: Sel, baru: NilaiBaca) -> Langkah:
    """The edit that sets (or, for :data:`HAPUS`, removes) one cell's value."""
    if isinstance(baru, Hapus):
        return functools.partial(
            hapus, ubah=Ubah(sel.dasar, sel.sub, "", sel.singkat), berkas=sel.berkas
        )
    assert baru is not None
    value: Decimal | int | str = baru
    if sel.jenis == "rupiah" and isinstance(baru, Decimal):
        value = int(baru)
    elif sel.jenis == "sasaran" and isinstance(baru, str):
        ids = baca_sasaran(baru)
        value = ids[0] if len(ids) == 1 else Mentah(flow_isi(list(ids)))
    elif sel.jenis == "dana" and isinstance(baru, str):
        dana: list[Isi] = [dict(d) for d in baca_dana(baru)]
        value = Mentah(flow_isi(dana))
    elif sel.jenis == "ya_tidak":
        value = Mentah(flow_isi(baru == YA_TIDAK[0]))
    return functools.partial(
        terapkan, ubah=Ubah(sel.dasar, sel.sub, value, sel.singkat), berkas=sel.berkas
    )


def rencanakan(
    folder: Path, sebelum: Bundel, path: Path, abaikan: Mapping[str, str] | None = None
) -> Rencana:
    """The changes ``path`` brings to ``folder`` (loaded as ``sebelum``), checked.
    ``abaikan``: sheets not read, each with the reason its warning gives.  Every
    problem is reported, of the workbook and of the folder it would make: cells that
    cannot be read are left out, the others applied in a private copy and checked."""
    from sakipgen.impor.baru import rencana_baru

    rencana = Rencana()
    dinas = sebelum.dinas
    assert dinas is not None
    layout = lembar_masukan(dinas)
    buku: Buku = baca_buku(path, layout, abaikan or {})
    rencana.diagnostics.extend(buku.diagnostics)
    ubah: dict[str, list[Langkah]] = {}
    dipakai: dict[tuple[str, str], tuple[str, NilaiBaca]] = {}
    for tempat, sel, baru in buku.nilai:
        if baru is None:
            continue
        if isinstance(baru, Hapus):
            if sel.nilai is None or not sel.tertulis:
                continue  # nothing there to remove
        elif _sama(sel.nilai, baru):
            continue
        jalur = path_text((*sel.dasar, *sel.sub))
        lain = dipakai.get((sel.berkas, jalur))
        if lain is not None:
            # Several cells stand for one value (a sasaran's name on each of its
            # indikator rows): changed alike, it is one change.
            if not (isinstance(lain[1], Hapus) and isinstance(baru, Hapus)) and not _sama(
                *(None if isinstance(v, Hapus) else v for v in (lain[1], baru))
            ):
                rencana.diagnostics.append(
                    Diagnostic.make(
                        Location(tempat),
                        "X001",
                        _(
                            "sel ini dan {sel} mengisi nilai yang sama ({berkas} {jalur}) "
                            "dengan isi berbeda; samakan isinya"
                        ).format(sel=_sel_saja(lain[0]), berkas=sel.berkas, jalur=jalur),
                    )
                )
            continue
        dipakai[(sel.berkas, jalur)] = (tempat, baru)
        ubah.setdefault(sel.berkas, []).append(_langkah(sel, baru))
        rencana.sel.append(
            SelBerubah(
                tempat,
                sel.berkas,
                jalur,
                sel.nilai,
                None if isinstance(baru, Hapus) else baru,
                sel.indikator,
                sel.tahun,
                sel.pembanding_baru,
            )
        )
    _deklarasi_pembanding(rencana, ubah)
    catatan = rencana_baru(dinas, layout, buku.baru)
    rencana.diagnostics.extend(catatan.diagnostics)
    for rel, langkah in catatan.ubah.items():
        ubah.setdefault(rel, []).extend(langkah)
    for tempat, rel, jalur, teks in catatan.tambah:
        rencana.sel.append(SelBerubah(tempat, rel, jalur, None, teks))
    return selesaikan(folder, sebelum, rencana, ubah)


def _deklarasi_pembanding(rencana: Rencana, ubah: dict[str, list[Langkah]]) -> None:
    """Each plan whose column was typed in the Target sheet (``Target Provinsi 2025``)
    and that a value of it needs, declared in ``renstra.yaml`` ``pembanding`` (added
    before ``sasaran:``, or to the list the file has), one entry per plan."""
    from sakipgen.impor.sunting import tambah_semua

    baru: dict[str, dict[str, tuple[str, str]]] = {}
    for s in list(rencana.sel):
        if s.pembanding_baru is None or s.baru is None:
            continue
        ident, nama = s.pembanding_baru
        if ident not in baru.setdefault(s.berkas, {}):
            baru[s.berkas][ident] = (s.tempat, nama)
            rencana.sel.append(
                SelBerubah(
                    s.tempat, s.berkas, "pembanding", None, flow_isi({"id": ident, "nama": nama})
                )
            )
    for rel, items in baru.items():
        isi: list[dict[str, Isi]] = [{"id": i, "nama": n} for i, (_t, n) in items.items()]
        ubah.setdefault(rel, []).append(
            functools.partial(tambah_semua, jalur=("pembanding",), items=isi, berkas=rel)
        )


def _sel_saja(tempat: str) -> str:
    """``Target!D3`` of ``BUKU.xlsx:Target!D3``."""
    return tempat.rpartition(":")[2]


def selesaikan(
    folder: Path, sebelum: Bundel, rencana: Rencana, ubah: Mapping[str, Sequence[Langkah]]
) -> Rencana:
    """Apply each file's text edits in order, then check the folder as it would be."""
    for rel, edits in ubah.items():
        target = folder / rel
        try:
            lama = target.read_text(encoding="utf-8") if target.exists() else ""
        except (OSError, UnicodeDecodeError) as exc:
            rencana.diagnostics.append(Diagnostic.make(Location(str(target)), "F002", str(exc)))
            continue
        teks = lama
        for edit in edits:
            try:
                teks = edit(teks)
            except GalatSunting as exc:
                rencana.diagnostics.append(
                    Diagnostic.make(Location(str(target)), exc.code, exc.message)
                )
                break
        if teks != lama:
            rencana.berkas[rel] = (lama, teks)
    if not rencana.berkas:
        return rencana
    # Checked even when the workbook has errors: every problem is told at once.
    rencana.sesudah = _periksa(folder, sebelum, rencana)
    return rencana


def _periksa(folder: Path, sebelum: Bundel, rencana: Rencana) -> Bundel:
    """Load and check the folder as it would be, in a private copy; an error the folder
    did not have before is the import's, reported at the real file's line."""
    with tempfile.TemporaryDirectory(prefix="sakipgen-impor-") as tmp:
        salinan = Path(tmp) / folder.resolve().name
        shutil.copytree(
            folder,
            salinan,
            symlinks=True,
            ignore=shutil.ignore_patterns("build", ".git"),
        )
        for rel, (_lama, baru) in rencana.berkas.items():
            (salinan / rel).parent.mkdir(parents=True, exist_ok=True)
            (salinan / rel).write_text(baru, encoding="utf-8", newline="")
        sesudah = siapkan(salinan)
    before = {(d.code, d.message) for d in sebelum.diagnostics}
    for d in sesudah.diagnostics:
        if d.severity == Severity.ERROR and (d.code, d.message) not in before:
            d = pindah_lokasi(d, salinan, folder)
            teks = _bukan_angka(d, rencana.sel) if d.code == "C003" else []
            rencana.diagnostics.extend(teks or [_di_sel(d, rencana.sel)])
    return sesudah


def _bukan_angka(d: Diagnostic, sel: Sequence[SelBerubah]) -> list[Diagnostic]:
    """A capaian that cannot be computed (C003) because a cell of the workbook holds a
    text where a number was meant ("tiga puluh" in a target cell): told at that cell,
    in a planner's words.  Empty when no changed cell of that indikator and year holds
    such a text (a "WTP" target of the YAML: the usual message)."""
    from sakipgen.model.nilai import parse_nilai

    loc = d.location
    ident = loc.yaml_path.removeprefix("indikator.") if loc.yaml_path else ""
    tahun = Path(loc.file).parent.name
    out = []
    for s in sel:
        if s.indikator != ident or str(s.tahun) != tahun or not isinstance(s.baru, str):
            continue
        try:
            teks = parse_nilai(s.baru).jenis == "teks"
        except PydanticCustomError:
            continue
        if teks:
            out.append(
                Diagnostic(
                    Location(s.tempat, yaml_path=f"{loc}: {loc.yaml_path}"),
                    d.code,
                    _(
                        "'{nilai}' bukan angka, jadi capaian {indikator} {tahun} tidak dapat "
                        'dihitung: ketik angkanya (misalnya 30 atau 43,30), atau "-" bila tidak '
                        "ada; target berupa teks (seperti WTP) memerlukan Capaian dan Alasan di "
                        "lembar Realisasi"
                    ).format(nilai=s.baru, indikator=ident, tahun=tahun),
                    d.severity,
                )
            )
    return out


def _di_sel(d: Diagnostic, sel: Sequence[SelBerubah]) -> Diagnostic:
    """An error of the changed folder told at the cell whose value caused it (K011 for
    13244,5 unit is the Realisasi cell's), the YAML place in its brackets; unchanged
    when no changed cell wrote that value.  Where several changed cells are inside the
    entry it is told at (S004 at an indikator whose Uraian and Metode Negatif both
    changed), the cell of the key the message names first."""
    loc = d.location
    path = _kanon(loc.yaml_path)

    def cocok(s: SelBerubah) -> bool:
        same_file = loc.file == s.berkas or loc.file.endswith("/" + s.berkas)
        jalur = _kanon(s.jalur)
        return (
            same_file
            and bool(path)
            and (jalur == path or jalur.startswith(path + ".") or path.startswith(jalur + "."))
        )

    found = [s for s in sel if cocok(s)]
    if len(found) > 1:
        found = [s for s in found if _kanon(s.jalur) == path] or _disebut(d.message, path, found)
    if len(found) != 1:  # none, or several cells behind one place: the YAML says it best
        return d
    tempat = found[0].tempat
    return Diagnostic(
        Location(tempat, yaml_path=f"{loc}: {loc.yaml_path}"), d.code, d.message, d.severity
    )


def _kanon(jalur: str) -> str:
    """A YAML path as it is compared: list places and number keys alike (the sheets
    write ``target[2021]``, the checks ``target.2021``)."""
    return re.sub(r"\[([^\]]*)\]", r".\1", jalur).lstrip(".")


def _disebut(pesan: str, path: str, found: Sequence[SelBerubah]) -> list[SelBerubah]:
    """Of cells inside the entry at ``path``, the one whose key (the first part after
    ``path``) the message names first; none when it names none of them."""
    kini: list[tuple[int, SelBerubah]] = []
    for s in found:
        key = _kanon(s.jalur).removeprefix(path + ".").split(".")[0]
        m = re.search(rf"(?<![\w.]){re.escape(key)}(?![\w])", pesan)
        if m is not None:
            kini.append((m.start(), s))
    if not kini:
        return []
    first = min(i for i, _s in kini)
    return [s for i, s in kini if i == first]


def pindah_lokasi(d: Diagnostic, dari: Path, ke: Path) -> Diagnostic:
    """A diagnostic found in a private copy (``dari``), told at the real folder ``ke``
    (its location and any path its message quotes, as the user sees paths)."""
    shown = display_path(ke)
    awalan = sorted({str(dari), display_path(dari)}, key=len, reverse=True)

    def ganti(text: str) -> str:
        for a in awalan:
            text = text.replace(a, shown)
        return text

    loc = d.location
    return Diagnostic(
        Location(ganti(loc.file), loc.line, loc.column, ganti(loc.yaml_path)),
        d.code,
        ganti(d.message),
        d.severity,
    )


def tulis_rencana(folder: Path, rencana: Rencana) -> list[Path]:
    """Write every changed file, all or none (see the module's note)."""
    from sakipgen.write import mode_berkas, tautan_di_jalur

    staged: list[tuple[Path, Path, str]] = []
    dibuat: list[Path] = []
    """Folders made for new files (a new year's), removed again when writing fails."""
    berhasil = False
    try:
        for rel, (lama, baru) in rencana.berkas.items():
            target = folder / rel
            alasan = tautan_di_jalur(folder, target)
            if alasan is not None:
                raise OSError(alasan)
            baru_dir = [p for p in (target.parent, *target.parent.parents) if not p.exists()]
            target.parent.mkdir(parents=True, exist_ok=True)
            dibuat.extend(reversed(baru_dir))
            fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
            staged.append((Path(tmp), target, lama))
            with open(fd, "w", encoding="utf-8", newline="") as fh:
                fh.write(baru)
                fh.flush()
                os.fsync(fh.fileno())
            # mkstemp makes 0600: keep the mode of the file replaced (a new one: as usual)
            os.chmod(tmp, mode_berkas(target))
        done: list[tuple[Path, str, bool]] = []
        try:
            for tmp_path, target, lama in staged:
                existed = target.exists()
                tmp_path.replace(target)
                done.append((target, lama, existed))
        except OSError:
            for target, lama, existed in reversed(done):
                with contextlib.suppress(OSError):
                    if existed:
                        target.write_text(lama, encoding="utf-8", newline="")
                    else:
                        target.unlink()
            raise
        berhasil = True
    finally:
        for tmp_path, _target, _lama in staged:
            with contextlib.suppress(OSError):
                tmp_path.unlink()
        if not berhasil:
            for d in reversed(dibuat):
                with contextlib.suppress(OSError):
                    d.rmdir()  # only when empty: nothing else was put there
    return [folder / rel for rel in rencana.berkas]
