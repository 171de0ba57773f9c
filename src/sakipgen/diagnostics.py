"""Diagnostics: what is wrong with a dinas folder, where, and how bad.

Every problem in user data becomes a :class:`Diagnostic` with a stable code from
:data:`RULES`.  Stages collect them and never raise for user data; only the CLI
turns a list of diagnostics into an exit code.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from sakipgen.i18n import _
from sakipgen.teks import bersih_nama, teks_layar


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Rule:
    code: str
    severity: Severity
    title: str


_E, _W = Severity.ERROR, Severity.WARNING

# The catalogue of codes.  Codes are stable: tools and CI configurations refer to
# them, so a code is never reused for a different meaning.
RULES: dict[str, Rule] = {
    r.code: r
    for r in [
        # F: files and folders
        Rule("F001", _E, "berkas wajib tidak ada"),
        Rule("F002", _E, "berkas tidak dapat dibaca"),
        Rule("F003", _E, "berkas terlalu besar"),
        Rule("F004", _E, "berkas bukan teks UTF-8"),
        Rule("F005", _E, "folder bukan folder dinas"),
        Rule("F006", _W, "berkas atau folder tidak dikenal"),
        Rule("F007", _E, "jalur di luar folder dinas"),
        # Y: YAML syntax
        Rule("Y001", _E, "sintaks YAML tidak valid"),
        Rule("Y002", _E, "kunci ganda"),
        Rule("Y003", _E, "struktur YAML terlalu dalam atau alias terlalu banyak"),
        Rule("Y004", _E, "berkas kosong"),
        Rule("Y005", _E, "tag YAML tidak didukung"),
        # S: shape of the data
        Rule("S001", _E, "kunci tidak dikenal"),
        Rule("S002", _E, "isian wajib tidak ada"),
        Rule("S003", _E, "jenis isian salah"),
        Rule("S004", _E, "nilai tidak valid"),
        # N: numbers
        Rule("N001", _E, "angka ambigu (titik ribuan atau desimal?)"),
        Rule("N002", _E, "angka tidak dapat dibaca"),
        Rule("N003", _E, "NaN atau tak hingga tidak diperbolehkan"),
        Rule("N004", _E, "angka terlalu besar"),
        Rule("N005", _E, "rupiah tidak boleh pecahan"),
        Rule("N006", _E, "NIP harus 18 digit"),
        Rule("N007", _E, "pemisah ribuan koma (cara Inggris)"),
        # R: references between files
        Rule("R001", _E, "referensi tidak dikenal"),
        Rule("R002", _E, "id ganda"),
        Rule("R003", _E, "tahun di luar periode Renstra"),
        # C: calculation
        Rule("C001", _E, "capaian tidak dapat dihitung: pembagi nol"),
        Rule("C002", _E, "realisasi tidak ada"),
        Rule("C003", _E, "capaian tidak dapat dihitung dari target/realisasi"),
        Rule("C004", _W, "capaian manual tanpa alasan"),
        Rule("C005", _E, "serapan tidak dapat dihitung: pagu nol"),
        Rule("C006", _E, "bentuk target dan realisasi tidak cocok"),
        Rule("C007", _E, "capaian tidak dapat dihitung: target (atau realisasi rasio) negatif"),
        # K: consistency between files and documents
        Rule("K001", _W, "target PK berbeda dengan target RKT/Renstra"),
        Rule("K002", _W, "sasaran tanpa indikator"),
        Rule("K003", _W, "indikator tanpa target pada tahun itu"),
        Rule("K004", _W, "pagu program di PK berbeda dengan anggaran"),
        Rule("K005", _E, "realisasi anggaran melebihi pagu"),
        Rule("K006", _W, "pagu kegiatan/sub kegiatan tidak sama dengan induknya"),
        Rule("K007", _W, "program tidak melayani sasaran"),
        Rule("K008", _W, "rencana aksi tidak sampai ke target tahunan PK"),
        Rule("K009", _W, "rencana aksi tidak sama dengan target_tahunan barisnya"),
        Rule("K010", _E, "target kumulatif rencana aksi turun"),
        Rule("K011", _E, "satuan cacah dengan angka pecahan"),
        Rule("K012", _W, "persentase di atas 100"),
        Rule("K013", _W, "angka tercetak berbeda dengan hasil hitung"),
        Rule("K014", _W, "tanggal dokumen tidak cocok dengan tahun yang dilaporkannya"),
        Rule("K015", _W, "skala bercelah, atau capaian/serapan tidak masuk pita mana pun"),
        Rule("K016", _W, "capaian di bawah 0"),
        Rule("K017", _W, "realisasi program/kegiatan tidak sama dengan jumlah anaknya"),
        Rule("K018", _W, "realisasi anggaran per triwulan/bulan tidak sama dengan setahunnya"),
        Rule("K019", _W, "realisasi indikator per bulan/triwulan tidak membentuk setahunnya"),
        Rule(
            "K020", _W, "realisasi indikator berbeda dengan tabel pendukung yang mendefinisikannya"
        ),
        Rule("K021", _W, "realisasi periode yang sudah dilaporkan belum diisi"),
        Rule("K022", _W, "realisasi kumulatif rencana aksi turun"),
        Rule("K023", _W, "sumber dana tidak berjumlah sama dengan pagu"),
        Rule("K024", _W, "isian contoh dari sakipgen init belum diganti"),
        Rule("K025", _W, "E.81 tanpa pagu indikatif Renstra"),
        # D: documents
        Rule("D001", _E, "data untuk dokumen tidak lengkap"),
        Rule("D002", _E, "templat dokumen tidak valid"),
        # H: hollow parts of a built document (build)
        Rule("H001", _W, "bagian dokumen kosong"),
        Rule("H002", _W, "kalimat pengantar tanpa isi"),
        Rule("H003", _W, "kolom target sebagian besar kosong"),
        Rule("H004", _W, "penanda tangan tidak diketahui"),
        # T: narrative text
        Rule("T001", _E, "isian angka di narasi tidak valid"),
        # X: input workbooks (sakipgen import)
        Rule("X001", _E, "buku kerja tidak dapat dibaca atau susunannya tidak dikenal"),
        Rule("X002", _W, "sel berisi rumus; dibaca nilai terakhirnya"),
        Rule("X003", _E, "sel digabung (merge) di lembar masukan"),
        Rule("X004", _W, "sel dikosongkan; nilai di YAML tidak dihapus"),
        Rule("X005", _W, "lembar, kolom atau sel diabaikan"),
    ]
}


@dataclass(frozen=True, order=True)
class Location:
    """A place in a file.  ``line`` and ``column`` are 1-based; 0 means unknown."""

    file: str
    line: int = 0
    column: int = 0
    yaml_path: str = ""

    def __str__(self) -> str:
        if self.line:
            return f"{self.file}:{self.line}:{self.column}"
        return self.file


@dataclass(frozen=True)
class Diagnostic:
    location: Location
    code: str
    message: str
    severity: Severity = field(default=Severity.ERROR)

    @classmethod
    def make(cls, location: Location, code: str, message: str) -> Diagnostic:
        # A file name that is not UTF-8 (in the location, or quoted in the message)
        # must not make printing the diagnostic fail.
        where = Location(
            bersih_nama(location.file), location.line, location.column, location.yaml_path
        )
        return cls(where, code, bersih_nama(message), RULES[code].severity)

    def sort_key(self) -> tuple[str, int, int, str, str]:
        loc = self.location
        return (loc.file, loc.line, loc.column, self.code, self.message)

    def text(self) -> str:
        where = f" [{self.location.yaml_path}]" if self.location.yaml_path else ""
        peringatan = _("peringatan")
        sev = "" if self.severity is Severity.ERROR else f" ({peringatan})"
        return f"{self.location}: {self.code}{sev} {self.message}{where}"

    def as_dict(self) -> dict[str, object]:
        return {
            "file": self.location.file,
            "line": self.location.line,
            "column": self.location.column,
            "path": self.location.yaml_path,
            "code": self.code,
            "severity": str(self.severity),
            "message": self.message,
        }


def sorted_unique(diags: Iterable[Diagnostic]) -> list[Diagnostic]:
    """Deterministic order, duplicates removed (the same fact found twice)."""
    return sorted(set(diags), key=Diagnostic.sort_key)


def display_path(path: Path, base: Path | None = None) -> str:
    """A path as the user should see it: relative to the working directory when possible.
    Bytes of a file name that are not UTF-8 are shown as ``\\xNN`` (printing them as
    they are would fail on a UTF-8 terminal)."""
    try:
        shown = str(path.relative_to(base or Path.cwd()))
    except ValueError:
        shown = str(path)
    return bersih_nama(shown)


def sebagai_teks(diags: list[Diagnostic], *, color: bool = False) -> str:
    """One line per diagnostic (clickable ``file:line:col`` in editors and terminals).
    With colour (a terminal, NO_COLOR unset): codes coloured by severity and a blank
    line between files, so each file's problems read as a group.

    File names and messages (which quote ids and text from the YAML) pass through
    :func:`~sakipgen.teks.teks_layar`: a control character in a dinas folder can
    neither drive the terminal nor break a diagnostic into two lines."""

    if not color:
        return "\n".join(teks_layar(d.text()) for d in diags)
    out: list[str] = []
    previous = None
    for d in diags:
        if previous is not None and d.location.file != previous:
            out.append("")
        previous = d.location.file
        paint = "\033[31m" if d.severity is Severity.ERROR else "\033[33m"
        # The colour is added after cleaning: it is the only escape sequence printed.
        line = teks_layar(d.text())
        out.append(line.replace(f" {d.code}", f" {paint}{d.code}\033[0m", 1))
    return "\n".join(out)


def sebagai_json(diags: list[Diagnostic]) -> str:
    return json.dumps([d.as_dict() for d in diags], ensure_ascii=False, indent=2)


def _esc_data(s: str) -> str:
    """A workflow command's message (``@actions/core`` command.ts ``escapeData``)."""
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _esc_property(s: str) -> str:
    """A workflow command property value (command.ts ``escapeProperty``): ``:`` and
    ``,`` too, or a file named ``a,line=1,title=x:y.yaml`` would set other properties
    or end the properties early."""
    return _esc_data(s).replace(":", "%3A").replace(",", "%2C")


def sebagai_github(diags: list[Diagnostic]) -> str:
    """One workflow command per diagnostic.  File and message are also cleaned like the
    text output (:func:`~sakipgen.teks.teks_layar`): the job log renders ANSI escapes."""

    lines = []
    for d in diags:
        kind = "error" if d.severity is Severity.ERROR else "warning"
        loc = d.location
        props = f"file={_esc_property(teks_layar(loc.file))}"
        if loc.line:
            props += f",line={loc.line},col={loc.column}"
        props += f",title={_esc_property(d.code)}"
        lines.append(f"::{kind} {props}::{_esc_data(teks_layar(d.message))}")
    return "\n".join(lines)
