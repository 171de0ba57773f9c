"""Resolve ids between files and check what a single file's schema cannot see.

Every unknown reference is reported at the referring line, with "did you mean".
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic_core import PydanticCustomError

from sakipgen.diagnostics import Diagnostic, Location, display_path
from sakipgen.i18n import _
from sakipgen.load.validate import suggest
from sakipgen.model.nilai import parse_angka
from sakipgen.model.rencana_aksi import JUMLAH_PERIODE

if TYPE_CHECKING:
    from sakipgen.model.folder import Dinas, Narasi, Tahun
    from sakipgen.model.sumber import SourceMap, YamlPath


class _Ids:
    """Ids of one kind with where they were first defined, for duplicate detection."""

    def __init__(self, kind: str, out: list[Diagnostic]) -> None:
        self.kind = kind
        self.out = out
        self.where: dict[str, Location] = {}

    def add(self, ident: str | None, loc: Location) -> None:
        if ident is None:
            return
        if ident in self.where:
            first = self.where[ident]
            self.out.append(
                Diagnostic.make(
                    loc,
                    "R002",
                    _("id {kind} '{ident}' sudah dipakai di baris {baris}").format(
                        kind=self.kind, ident=ident, baris=first.line
                    ),
                )
            )
        else:
            self.where[ident] = loc

    def ref(
        self, ident: str | None, source: SourceMap, path: YamlPath, *, key: bool = False
    ) -> None:
        if ident is None or ident in self.where:
            return
        self.out.append(
            Diagnostic.make(
                source.locate(path, key=key),
                "R001",
                _("{kind} '{ident}' tidak ada").format(kind=self.kind, ident=ident)
                + suggest(ident, list(self.where)),
            )
        )


def periksa_referensi(dinas: Dinas, base: Path) -> list[Diagnostic]:
    out: list[Diagnostic] = []
    rs = dinas.renstra.source
    renstra = dinas.renstra.model
    periode = renstra.periode

    misi = _Ids("misi", out)
    for i, m in enumerate(renstra.misi):
        misi.add(m.id, rs.locate(("misi", i, "id")))
    if renstra.rpjmd:
        for i, m in enumerate(renstra.rpjmd.misi):
            misi.add(m.id, rs.locate(("rpjmd", "misi", i, "id")))
    tujuan = _Ids("tujuan", out)
    for i, t in enumerate(renstra.tujuan):
        tujuan.add(t.id, rs.locate(("tujuan", i, "id")))
        for j, m_id in enumerate(t.misi):
            misi.ref(
                m_id, rs, ("tujuan", i, "misi", j) if len(t.misi) > 1 else ("tujuan", i, "misi")
            )
        for j, it in enumerate(t.indikator):
            _years_in_period(
                it.target, periode.tahun, rs, ("tujuan", i, "indikator", j, "target"), out
            )
    pembanding = _Ids("pembanding", out)
    for i, pb in enumerate(renstra.pembanding):
        pembanding.add(pb.id, rs.locate(("pembanding", i, "id")))
    sasaran = _Ids("sasaran", out)
    indikator = _Ids("indikator", out)
    for i, s in enumerate(renstra.sasaran):
        sasaran.add(s.id, rs.locate(("sasaran", i, "id")))
        tujuan.ref(s.tujuan, rs, ("sasaran", i, "tujuan"))
        misi.ref(s.misi, rs, ("sasaran", i, "misi"))
        for j, ind in enumerate(s.indikator):
            p = ("sasaran", i, "indikator", j)
            indikator.add(ind.id, rs.locate((*p, "id")))
            _years_in_period(ind.target, periode.tahun, rs, (*p, "target"), out)
            for pid, per_tahun in ind.target_pembanding.items():
                jalur = (*p, "target_pembanding", pid)
                if renstra.pembanding:
                    pembanding.ref(pid, rs, jalur, key=True)
                else:
                    out.append(
                        Diagnostic.make(
                            rs.locate(jalur, key=True),
                            "R001",
                            _(
                                "pembanding '{ident}' tidak ada: sebutkan di renstra.yaml, "
                                "misalnya pembanding: [{{id: {ident}, nama: RPJMD}}]"
                            ).format(ident=pid),
                        )
                    )
                _years_in_period(per_tahun, periode.tahun, rs, jalur, out)

    _narasi_refs(dinas.narasi, sasaran, indikator, out)

    for year, tahun in sorted(dinas.tahun.items()):
        if year not in periode.tahun:
            out.append(
                Diagnostic.make(
                    rs.locate(("periode",)),
                    "R003",
                    _("folder tahun {folder} di luar periode Renstra {mulai}-{akhir}").format(
                        folder=display_path(tahun.folder, base),
                        mulai=periode.mulai,
                        akhir=periode.akhir,
                    ),
                )
            )
        _tahun_refs(tahun, sasaran, indikator, dinas.narasi, out)
    return out


def _years_in_period(
    targets: Mapping[int, object],
    years: range,
    source: SourceMap,
    path: YamlPath,
    out: list[Diagnostic],
) -> None:
    for year in targets:
        if year not in years:
            out.append(
                Diagnostic.make(
                    source.locate((*path, str(year)), key=True),
                    "R003",
                    _("target tahun {year} di luar periode Renstra {mulai}-{akhir}").format(
                        year=year, mulai=years.start, akhir=years.stop - 1
                    ),
                )
            )


def _narasi_refs(
    narasi: dict[str, Narasi], sasaran: _Ids, indikator: _Ids, out: list[Diagnostic]
) -> None:
    for key, block in narasi.items():
        kind, _sep, ident = key.partition("/")
        ids = {"indikator": indikator, "sasaran": sasaran}.get(kind)
        if ids is None or not ident or ident in ids.where:
            continue
        out.append(
            Diagnostic.make(
                Location(block.file, 1, 1),
                "R001",
                _("narasi untuk {kind} '{ident}', padahal {kind} itu tidak ada").format(
                    kind=kind, ident=ident
                )
                + suggest(ident, list(ids.where)),
            )
        )


def _sasaran_refs(ids: list[str], path: YamlPath, sasaran: _Ids, src: SourceMap) -> None:
    """The ``sasaran`` of a program, kegiatan or sub kegiatan: one id, or a list."""
    for j, s_id in enumerate(ids):
        sasaran.ref(s_id, src, (*path, "sasaran", j) if len(ids) > 1 else (*path, "sasaran"))


def _tahun_refs(
    tahun: Tahun,
    sasaran: _Ids,
    indikator: _Ids,
    narasi_dinas: dict[str, Narasi],
    out: list[Diagnostic],
) -> None:
    program = _Ids("program", out)
    kegiatan = _Ids("kegiatan", out)
    sub = _Ids("sub kegiatan", out)
    if tahun.anggaran:
        src = tahun.anggaran.source
        for i, p in enumerate(tahun.anggaran.model.program):
            program.add(p.id, src.locate(("program", i, "id")))
            _sasaran_refs(p.sasaran, ("program", i), sasaran, src)
            for j, k in enumerate(p.kegiatan):
                kegiatan.add(k.id, src.locate(("program", i, "kegiatan", j, "id")))
                _sasaran_refs(k.sasaran, ("program", i, "kegiatan", j), sasaran, src)
                for n, sk in enumerate(k.sub_kegiatan):
                    jalur = ("program", i, "kegiatan", j, "sub_kegiatan", n)
                    sub.add(sk.id, src.locate((*jalur, "id")))
                    _sasaran_refs(sk.sasaran, jalur, sasaran, src)

    if tahun.target:
        src = tahun.target.source
        for doc in ("rkt", "pk", "pk_perubahan"):
            td = getattr(tahun.target.model, doc)
            if td is None:
                continue
            for ident in td.indikator:
                indikator.ref(ident, src, (doc, "indikator", ident), key=True)
            for ident in td.program:
                program.ref(ident, src, (doc, "program", ident), key=True)

    if tahun.realisasi:
        src = tahun.realisasi.source
        for ident in tahun.realisasi.model.indikator:
            indikator.ref(ident, src, ("indikator", ident), key=True)

    if tahun.rencana_aksi:
        src = tahun.rencana_aksi.source
        for t, tabel in enumerate(tahun.rencana_aksi.model.tabel):
            n = JUMLAH_PERIODE[tabel.periode]
            for b, row in enumerate(tabel.baris):
                at: tuple[str | int, ...] = ("tabel", t, "baris", b)
                sasaran.ref(row.sasaran, src, (*at, "sasaran"))
                indikator.ref(row.indikator, src, (*at, "indikator"))
                program.ref(row.program, src, (*at, "program"))
                kegiatan.ref(row.kegiatan, src, (*at, "kegiatan"))
                sub.ref(row.sub_kegiatan, src, (*at, "sub_kegiatan"))
                if len(row.target) != n:
                    out.append(
                        Diagnostic.make(
                            src.locate((*at, "target")),
                            "S004",
                            _(
                                'target {periode} harus {n} nilai (tulis "-" untuk periode '
                                "tanpa target), bukan {jumlah}"
                            ).format(periode=tabel.periode, n=n, jumlah=len(row.target)),
                        )
                    )

    for name, berkas in sorted(tahun.tabel.items()):
        _tabel_cells(name, berkas.model, berkas.source, out)
        letak = berkas.model.letak
        if letak is not None and letak not in tahun.narasi and letak not in narasi_dinas:
            out.append(
                Diagnostic.make(
                    berkas.source.locate(("letak",)),
                    "R001",
                    _("letak '{letak}' bukan narasi yang ada (narasi/{letak}.md)").format(
                        letak=letak
                    )
                    + suggest(letak, sorted({*tahun.narasi, *narasi_dinas})),
                )
            )
    _narasi_refs(tahun.narasi, sasaran, indikator, out)


def _tabel_cells(name: str, tabel: object, src: SourceMap, out: list[Diagnostic]) -> None:
    from sakipgen.model.tabel import Tabel

    assert isinstance(tabel, Tabel)
    isian = tabel.kolom_isian()
    ids = {k.id for k in tabel.daun() if k.id}
    for k in tabel.daun():
        for ref in k.jumlah_dari:
            if ref not in ids:
                out.append(
                    Diagnostic.make(
                        src.locate(("kolom",)),
                        "R001",
                        _("kolom '{judul}': jumlah_dari '{ref}' bukan id kolom").format(
                            judul=k.judul, ref=ref
                        )
                        + suggest(ref, sorted(ids)),
                    )
                )
    if tabel.total:
        for j, ref in enumerate(tabel.total.kolom):
            if ref not in ids:
                out.append(
                    Diagnostic.make(
                        src.locate(("total", "kolom", j)),
                        "R001",
                        _("total: '{ref}' bukan id kolom").format(ref=ref)
                        + suggest(ref, sorted(ids)),
                    )
                )
    for r, row in enumerate(tabel.baris):
        if len(row) != len(isian):
            out.append(
                Diagnostic.make(
                    src.locate(("baris", r)),
                    "S004",
                    _("baris berisi {sel} sel, padahal kolom yang diisi ada {kolom}").format(
                        sel=len(row), kolom=len(isian)
                    ),
                )
            )
            continue
        for c, (k, cell) in enumerate(zip(isian, row, strict=True)):
            if k.jenis == "teks" or cell is None or not isinstance(cell, str):
                continue
            try:
                parse_angka(cell)
            except PydanticCustomError as exc:
                code = exc.type if exc.type.startswith("N") else "N002"
                out.append(
                    Diagnostic.make(
                        src.locate(("baris", r, c)),
                        code,
                        _("kolom '{judul}' berisi angka: {pesan}").format(
                            judul=k.judul, pesan=exc.message()
                        ),
                    )
                )
