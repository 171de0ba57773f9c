"""Figures inside narrative text: ``{{ capaian("IK1.1") }}`` and friends.

Narrative is the dinas's own Markdown; the figures in it come from the data, so a
changed realisasi changes the sentence too.  Placeholders are a deliberately tiny
language (README "Angka di dalam narasi") evaluated here without a template
engine, so a narrative cannot run code and ``check`` stays light::

    {{ name }}   {{ name("ID") }}   {{ name(tahun=2020) }}   {{ name("ID") | lower }}

Every function returns Indonesian-formatted text without "Rp" or "%".
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from sakipgen.calc.tahun import hitung_tahun
from sakipgen.errors import TemuanData
from sakipgen.i18n import _
from sakipgen.model.folder import Dinas
from sakipgen.model.hasil import (
    HasilAnggaran,
    HasilIndikator,
    HasilPembanding,
    HasilSasaran,
    HasilTahun,
)
from sakipgen.model.nilai import Nilai

MAKS_ISIAN = 500
"""Longest expression between ``{{`` and ``}}``: the longest real one is well under 100
characters, and a cap keeps the evaluation of an untrusted narrative's placeholders
cheap (and ``int()`` of a year far below Python's 4300-digit limit)."""
_CALL = re.compile(r"^\s*([A-Za-z_][A-Za-z0-9_]*)\s*(?:\((.*)\))?\s*$", re.S)
_ARG = re.compile(
    r"""\s*(?:(?P<kw>[A-Za-z_]+)\s*=\s*)?(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)'|(?P<int>\d+))\s*(?:,|$)"""
)
_FILTERS: dict[str, Callable[[str], str]] = {
    "lower": str.lower,
    "upper": str.upper,
    "title": str.title,
    "capitalize": str.capitalize,
}


class NarasiError(TemuanData):
    """A placeholder that cannot be filled (reported as T001 at its line and column)."""

    def __init__(self, message: str) -> None:
        super().__init__("T001", message)


def _fmt(value: Decimal | int | None, places: int | None = None) -> str:
    from sakipgen.format import angka

    if value is None:
        raise NarasiError(_("angkanya belum ada untuk tahun ini"))
    return angka(value, places)


def _fmt_nilai(value: Nilai | None) -> str:
    from sakipgen.format import nilai

    if value is None or value.jenis == "kosong":
        raise NarasiError(_("nilainya belum diisi"))
    return nilai(value, satuan=False)


def _tren(now: Decimal | None, before: Decimal | None) -> str:
    if now is None or before is None:
        raise NarasiError(_("capaian tahun ini atau tahun lalu belum ada"))
    return "kenaikan" if now > before else "penurunan" if now < before else "tetap"


@dataclass
class Konteks:
    """What placeholders of one year can refer to.  ``semua`` holds the other years'
    results when the caller has them (the pipeline does); a year missing there is
    computed when a placeholder asks for it."""

    dinas: Dinas
    hasil: HasilTahun
    semua: Mapping[int, HasilTahun] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._anggaran: dict[int, HasilAnggaran | None] = {
            y: h.anggaran for y, h in self.semua.items()
        }
        self._anggaran[self.hasil.tahun] = self.hasil.anggaran

    def _ind(self, ident: str) -> HasilIndikator:
        for s in self.hasil.sasaran:
            for h in s.indikator:
                if h.indikator.id == ident:
                    return h
        if ident in self.dinas.indikator:
            raise NarasiError(
                _("indikator '{ident}' tidak diukur pada tahun {tahun}").format(
                    ident=ident, tahun=self.hasil.tahun
                )
            )
        raise NarasiError(_("indikator '{ident}' tidak ada di renstra.yaml").format(ident=ident))

    def _sas(self, ident: str) -> HasilSasaran:
        for s in self.hasil.sasaran:
            if s.sasaran.id == ident:
                return s
        if ident in self.dinas.sasaran:
            raise NarasiError(
                _("sasaran '{ident}' tidak diukur pada tahun {tahun}").format(
                    ident=ident, tahun=self.hasil.tahun
                )
            )
        raise NarasiError(_("sasaran '{ident}' tidak ada di renstra.yaml").format(ident=ident))

    def _banding(self, ident: str, pid: str) -> HasilPembanding:
        """The indikator's target of the year in the plan ``pid`` (renstra.yaml
        ``pembanding``)."""
        h = self._ind(ident)
        for p in h.pembanding:
            if p.id == pid:
                return p
        known = [p.id for p in self.dinas.renstra.model.pembanding]
        if pid not in known:
            raise NarasiError(
                _("pembanding '{pid}' tidak ada di renstra.yaml{daftar}").format(
                    pid=pid,
                    daftar=_(" (yang ada: {nama})").format(nama=", ".join(known)) if known else "",
                )
            )
        raise NarasiError(
            _("indikator '{ident}' tidak punya target {pid} untuk tahun {tahun}").format(
                ident=ident, pid=pid, tahun=self.hasil.tahun
            )
        )

    def _kat(self, found: HasilIndikator | HasilSasaran | HasilTahun, skala: object) -> str:
        """The kategori on ``skala`` (the ``nama`` of one of ``profil.skala_tambahan``),
        else on the dinas's own scale."""
        if skala is None:
            return found.kategori or _fmt(None)
        names = self.hasil.skala_tambahan
        if skala not in names:
            raise NarasiError(
                _("skala '{skala}' tidak ada di sakip.yaml profil.skala_tambahan{daftar}").format(
                    skala=skala,
                    daftar=_(" (yang ada: {nama})").format(nama=", ".join(names)) if names else "",
                )
            )
        return found.kategori_tambahan[names.index(str(skala))] or _fmt(None)

    def _ang(self, tahun: int | None) -> HasilAnggaran:
        # Only an absent year means the document's: `tahun or …` made tahun=0 this year.
        year = self.hasil.tahun if tahun is None else tahun
        if not isinstance(year, int):  # tahun="2020": a string never equals a year key
            raise NarasiError(_("tulis tahun sebagai angka tanpa tanda kutip, misalnya tahun=2020"))
        if year not in self._anggaran and year not in self.dinas.tahun:
            raise NarasiError(
                _("tidak ada folder tahun {tahun}; yang ada: {daftar}").format(
                    tahun=year, daftar=", ".join(str(t) for t in sorted(self.dinas.tahun))
                )
            )
        if year not in self._anggaran:
            self._anggaran[year] = (
                hitung_tahun(self.dinas, year, pembanding=False)[0].anggaran
                if year in self.dinas.tahun
                else None
            )
        found = self._anggaran[year]
        if found is None:
            raise NarasiError(_("tidak ada anggaran.yaml untuk tahun {tahun}").format(tahun=year))
        return found

    def _pos_sasaran(self, ident: str) -> tuple[int | None, int | None, Decimal | None]:
        for s in self._ang(None).sasaran:
            if s.sasaran_id == ident:
                return s.pagu, s.realisasi, s.serapan
        raise NarasiError(
            _("tidak ada program untuk sasaran '{ident}' di anggaran.yaml").format(ident=ident)
        )

    def _sumber(self, nama: str) -> str:
        tahun = self.dinas.tahun.get(self.hasil.tahun)
        items = tahun.anggaran.model.sumber_dana if tahun and tahun.anggaran else []
        for sd in items:
            if sd.sumber == nama and sd.jumlah is not None:
                return _fmt(sd.jumlah)
        raise NarasiError(
            _("sumber dana '{nama}' tidak ada (dengan jumlah) di anggaran.yaml").format(nama=nama)
        )

    def _belanja(self, jenis: str) -> str:
        tahun = self.dinas.tahun.get(self.hasil.tahun)
        items = tahun.anggaran.model.belanja if tahun and tahun.anggaran else []
        for b in items:
            if b.jenis == jenis:
                return _fmt(b.jumlah)
        raise NarasiError(_("belanja '{jenis}' tidak ada di anggaran.yaml").format(jenis=jenis))

    def _hitung(self, what: str) -> str:
        tahun = self.dinas.tahun.get(self.hasil.tahun)
        program = tahun.program() if tahun else []
        if what == "program":
            return str(len(program))
        kegiatan = [k for p in program for k in p.kegiatan]
        if what == "kegiatan":
            return str(len(kegiatan))
        return str(sum(len(k.sub_kegiatan) for k in kegiatan))

    def functions(self) -> dict[str, Callable[..., str]]:
        h = self.hasil
        return {
            "tahun": lambda: str(h.tahun),
            "tahun_lalu": lambda: str(h.tahun - 1),
            "target": lambda i: _fmt_nilai(self._ind(i).target),
            "realisasi": lambda i: _fmt_nilai(self._ind(i).realisasi),
            "capaian": lambda i: _fmt(self._ind(i).capaian, 2),
            "kategori": lambda i, skala=None: self._kat(self._ind(i), skala),
            "capaian_lalu": lambda i: _fmt(self._ind(i).capaian_tahun_lalu, 2),
            "capaian_akhir": lambda i: _fmt(self._ind(i).capaian_target_akhir, 2),
            "target_pembanding": lambda i, p: _fmt_nilai(self._banding(i, p).target),
            "capaian_pembanding": lambda i, p: _fmt(self._banding(i, p).capaian, 2),
            "kategori_akhir": lambda i: self._ind(i).kategori_target_akhir or _fmt(None),
            "tren": lambda i: _tren(self._ind(i).capaian, self._ind(i).capaian_tahun_lalu),
            "capaian_sasaran": lambda i: _fmt(self._sas(i).capaian, 2),
            "kategori_sasaran": lambda i, skala=None: self._kat(self._sas(i), skala),
            "capaian_lalu_sasaran": lambda i: _fmt(self._sas(i).capaian_tahun_lalu, 2),
            "tren_sasaran": lambda i: _tren(self._sas(i).capaian, self._sas(i).capaian_tahun_lalu),
            "capaian_total": lambda: _fmt(h.capaian, 2),
            "kategori_total": lambda skala=None: self._kat(h, skala),
            "pagu": lambda tahun=None: _fmt(self._ang(tahun).total.pagu),
            "realisasi_anggaran": lambda tahun=None: _fmt(self._ang(tahun).total.realisasi),
            "serapan": lambda tahun=None: _fmt(self._ang(tahun).total.serapan, 2),
            "efisiensi": lambda tahun=None: _fmt(self._ang(tahun).total.efisiensi),
            "efisiensi_persen": lambda tahun=None: _fmt(self._ang(tahun).efisiensi_persen, 2),
            "pagu_sasaran": lambda i: _fmt(self._pos_sasaran(i)[0]),
            "realisasi_sasaran": lambda i: _fmt(self._pos_sasaran(i)[1]),
            "serapan_sasaran": lambda i: _fmt(self._pos_sasaran(i)[2], 2),
            # Computed in calc.anggaran from pagu and realisasi, never 100 − rounded serapan;
            # _pos_sasaran first, for its message about an unknown sasaran.
            "efisiensi_persen_sasaran": lambda i: _fmt(
                self._pos_sasaran(i)
                and next(s for s in self._ang(None).sasaran if s.sasaran_id == i).efisiensi_persen,
                2,
            ),
            "sumber_dana": self._sumber,
            "belanja": self._belanja,
            "jumlah_program": lambda: self._hitung("program"),
            "jumlah_kegiatan": lambda: self._hitung("kegiatan"),
            "jumlah_sub_kegiatan": lambda: self._hitung("sub"),
        }


@dataclass(frozen=True)
class Masalah:
    line: int
    column: int
    message: str


def _evaluate(expr: str, functions: dict[str, Callable[..., str]]) -> str:
    import difflib

    head, *filters = expr.split("|")
    m = _CALL.match(head)
    if not m:
        raise NarasiError(
            _(
                "'{{{{{expr}}}}}' bukan isian yang dikenal; contoh: {{{{ capaian(\"IK1.1\") }}}}"
            ).format(expr=expr)
        )
    name, argtext = m.group(1), m.group(2)
    if name not in functions:
        close = difflib.get_close_matches(name, list(functions), n=1)
        hint = _("; mungkin maksudnya '{nama}'?").format(nama=close[0]) if close else ""
        raise NarasiError(_("'{name}' tidak dikenal{hint}").format(name=name, hint=hint))
    args: list[object] = []
    kwargs: dict[str, object] = {}
    # Matched in place from pos: slicing off each argument copied the rest every time.
    text = (argtext or "").strip()
    pos = 0
    while pos < len(text):
        a = _ARG.match(text, pos)
        if not a or a.end() == pos:
            raise NarasiError(
                _(
                    "argumen '{rest}' tidak valid: tulis id dalam tanda kutip, misalnya \"IK1.1\""
                ).format(rest=text[pos:])
            )
        value: object = a.group("dq") if a.group("dq") is not None else a.group("sq")
        if a.group("int") is not None:
            value = int(a.group("int"))
        if a.group("kw"):
            kwargs[a.group("kw")] = value
        else:
            args.append(value)
        pos = a.end()
        while pos < len(text) and text[pos].isspace():
            pos += 1
    try:
        out = functions[name](*args, **kwargs) if (argtext is not None) else functions[name]()
    except TypeError as exc:
        raise NarasiError(
            _("'{name}' dipanggil dengan argumen yang salah").format(name=name)
        ) from exc
    except NarasiError as exc:
        shown = f"{name}({argtext.strip()})" if argtext is not None else name
        raise NarasiError(f"{shown}: {exc}") from exc
    for f in filters:
        fname = f.strip()
        if fname not in _FILTERS:
            raise NarasiError(
                _("filter '{fname}' tidak dikenal (pilih: {pilihan})").format(
                    fname=fname, pilihan=", ".join(_FILTERS)
                )
            )
        out = _FILTERS[fname](out)
    return out


def isi(teks: str, functions: dict[str, Callable[..., str]]) -> tuple[str, list[Masalah]]:
    """Replace every placeholder; problems are returned with their line and column.

    A placeholder is ``{{`` up to the first ``}}`` after it, as the regex ``\\{\\{(.*?)\\}\\}``
    (DOTALL) found them, but scanned with ``str.find`` so that the time is linear: the regex
    searched to the end again from every ``{{`` that has no ``}}`` after it.  Once none
    follows, no later ``{{`` can have one either.  Line and column are counted on from the
    previous problem for the same reason, and a repeated expression is evaluated once
    (``functions`` depend on the data only).
    """
    problems: list[Masalah] = []
    out: list[str] = []
    done: dict[str, tuple[bool, str]] = {}  # expression → (filled in, text or problem)
    pos = 0
    line, line_start, counted = 1, 0, 0  # `line` is the line of `counted`, starting at `line_start`
    while (start := teks.find("{{", pos)) >= 0:
        end = teks.find("}}", start + 2)
        if end < 0:
            break
        out.append(teks[pos:start])
        if end - start - 2 > MAKS_ISIAN:
            ok, value = (
                False,
                _("isian terlalu panjang ({panjang} karakter; paling banyak {batas})").format(
                    panjang=end - start - 2, batas=MAKS_ISIAN
                ),
            )
        else:
            expr = teks[start + 2 : end]
            if expr not in done:
                try:
                    done[expr] = (True, _evaluate(expr, functions))
                except NarasiError as exc:
                    done[expr] = (False, str(exc))
            ok, value = done[expr]
        if ok:
            out.append(value)
        else:
            line += teks.count("\n", counted, start)
            last = teks.rfind("\n", counted, start)
            if last >= 0:
                line_start = last + 1
            counted = start
            problems.append(Masalah(line, start - line_start + 1, value))
            out.append(teks[start : end + 2])
        pos = end + 2
    out.append(teks[pos:])
    return "".join(out), problems
