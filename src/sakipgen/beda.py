"""``sakipgen diff``: what changed in a dinas's plan data between two git revisions.

Both sides are bundles of the pipeline (:func:`sakipgen.pipeline.siapkan_revisi` reads
a revision through :mod:`sakipgen.load.revisi`; the working tree is
:func:`sakipgen.pipeline.siapkan`), loaded and checked like ``sakipgen check``; their
*models* are compared — not the YAML text, so reformatting, comments and key order
are not changes, and ``32`` against ``32.0`` is the same target.

Every change is one :class:`Perubahan`.  The JSON shape (README "sakipgen diff")::

    {"dinas": "examples/blora",
     "lama": {"revisi": "HEAD~1", "commit": "<40 hex>"},
     "baru": {"revisi": null, "commit": null},          # null: the working tree
     "perubahan": [{"jenis": "target", "tahun": 2021, "dokumen": "pk",
                    "lokasi": "2021/target.yaml", "id": "IK1.1",
                    "uraian": "Persentase koperasi sehat", "lama": "32", "baru": "35",
                    "dokumen_lama": "pk", "dokumen_baru": "pk"}]}

``lama``/``baru`` are strings (a target or realisasi as written, a rupiah amount as
its digits, a capaian as its exact decimal), ``null`` where the item does not exist
on that side.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sakipgen.diagnostics import Diagnostic
from sakipgen.model.anggaran import Program
from sakipgen.model.folder import Dinas
from sakipgen.model.hasil import Pos
from sakipgen.model.nilai import Nilai
from sakipgen.model.tahun import TargetDokumen, pasangan_target
from sakipgen.pipeline import Bundel

Nilainya = Nilai | int | Decimal | str | None
"""A compared value: a target or realisasi, a rupiah amount, a capaian, or a text."""


# --- comparing two models -----------------------------------------------------------------


@dataclass(frozen=True)
class Perubahan:
    """One change.  ``jenis`` (stable names, README "sakipgen diff"):

    ``sasaran_ditambah``, ``sasaran_dihapus``, ``sasaran_uraian``; ``indikator_ditambah``,
    ``indikator_dihapus``, ``indikator_uraian``, ``indikator_satuan``,
    ``indikator_polaritas``, ``indikator_metode_negatif`` (the formula of a negative
    indikator, its own or the dinas's), ``indikator_sasaran`` (moved to another sasaran);
    ``target_renstra`` (a Renstra year target), ``target_akhir``, ``target_pembanding``
    (another plan's target of a year, its uraian ending with the plan's nama); ``target`` and
    ``target_semula`` (``dokumen`` rkt, pk or pk_perubahan); ``realisasi``,
    ``capaian_manual``, ``realisasi_periode`` (a month or quarter of realisasi.yaml);
    ``realisasi_rencana_aksi`` (a period of a rencana aksi row, ``dokumen``
    rencana_aksi); ``program_ditambah``, ``program_dihapus``, ``program_uraian``,
    ``pagu_program`` (``dokumen`` anggaran, or the PK/RKT's own pagu), ``realisasi_program``,
    ``pagu_total``, ``realisasi_total``.
    """

    jenis: str
    tahun: int | None
    dokumen: str | None
    lokasi: str
    """The file, relative to the dinas folder: ``renstra.yaml``, ``2021/target.yaml``."""
    id: str
    uraian: str
    lama: Nilainya
    baru: Nilainya
    dokumen_lama: str | None = None
    """The document ``lama`` is from, when not ``dokumen``: a new PK Perubahan's target
    is compared with the target it replaces (``pk``, ``rkt`` or ``renstra``)."""
    dokumen_baru: str | None = None
    """The document ``baru`` is from, when not ``dokumen`` (a PK Perubahan entry removed:
    the target measured again)."""

    def as_dict(self) -> dict[str, Any]:
        return {
            "jenis": self.jenis,
            "tahun": self.tahun,
            "dokumen": self.dokumen,
            "lokasi": self.lokasi,
            "id": self.id,
            "uraian": self.uraian,
            "lama": teks_json(self.lama),
            "baru": teks_json(self.baru),
            "dokumen_lama": self.dokumen_lama or self.dokumen,
            "dokumen_baru": self.dokumen_baru or self.dokumen,
        }


def teks_json(value: Nilainya) -> str | None:
    if value is None:
        return None
    if isinstance(value, Nilai):
        return value.teks
    return str(value)


def sama(a: Nilainya, b: Nilainya) -> bool:
    """Equal as data: numbers by value (``32`` and ``32.0``), text ignoring spacing."""
    if a is None or b is None:
        return a is b
    if isinstance(a, Nilai) and isinstance(b, Nilai):
        if a.jenis == "angka" and b.jenis == "angka":
            return a.angka == b.angka and a.satuan.lower() == b.satuan.lower()
        return a.jenis == b.jenis and " ".join(a.teks.split()) == " ".join(b.teks.split())
    if isinstance(a, Nilai) or isinstance(b, Nilai):
        return False
    return a == b


def bandingkan(lama: Bundel, baru: Bundel) -> list[Perubahan]:
    """Every change from ``lama`` to ``baru`` (two bundles of the pipeline, both
    loaded): Renstra first, then year by year."""
    a, b = lama.dinas, baru.dinas
    assert a is not None and b is not None
    out: list[Perubahan] = []
    out += _renstra(a, b)
    for tahun in sorted(set(a.tahun) | set(b.tahun)):
        out += _target(a, b, tahun)
        out += _realisasi(a, b, tahun)
        out += _rencana_aksi(a, b, tahun)
        out += _anggaran(lama, baru, tahun)
    return out


def _urutan(lama: Dinas, baru: Dinas) -> list[str]:
    """Indikator ids in the new Renstra's order, then those only the old one has."""
    ids = list(baru.indikator)
    return ids + [i for i in lama.indikator if i not in baru.indikator]


def _uraian_indikator(lama: Dinas, baru: Dinas, ident: str) -> str:
    found = baru.indikator.get(ident) or lama.indikator.get(ident)
    return found[1].uraian if found else ""


def _renstra(lama: Dinas, baru: Dinas) -> list[Perubahan]:
    out: list[Perubahan] = []
    loc = "renstra.yaml"

    def add(
        jenis: str, ident: str, uraian: str, a: Nilainya, b: Nilainya, tahun: int | None = None
    ) -> None:
        out.append(Perubahan(jenis, tahun, "renstra", loc, ident, uraian, a, b))

    old_s, new_s = lama.sasaran, baru.sasaran
    for sid, s in new_s.items():
        if sid not in old_s:
            add("sasaran_ditambah", sid, s.uraian, None, s.uraian)
        elif not sama(old_s[sid].uraian, s.uraian):
            add("sasaran_uraian", sid, s.uraian, old_s[sid].uraian, s.uraian)
    for sid, s in old_s.items():
        if sid not in new_s:
            add("sasaran_dihapus", sid, s.uraian, s.uraian, None)

    old_i, new_i = lama.indikator, baru.indikator
    for iid in _urutan(lama, baru):
        if iid not in old_i:
            add("indikator_ditambah", iid, new_i[iid][1].uraian, None, new_i[iid][1].uraian)
            continue
        if iid not in new_i:
            add("indikator_dihapus", iid, old_i[iid][1].uraian, old_i[iid][1].uraian, None)
            continue
        (sa, a), (sb, b) = old_i[iid], new_i[iid]
        if sa.id != sb.id:
            add("indikator_sasaran", iid, b.uraian, sa.id, sb.id)
        for field, jenis in (
            ("uraian", "indikator_uraian"),
            ("satuan", "indikator_satuan"),
            ("polaritas", "indikator_polaritas"),
        ):
            va, vb = getattr(a, field), getattr(b, field)
            if " ".join(va.split()) != " ".join(vb.split()):
                add(jenis, iid, b.uraian, va, vb)
        # The formula of a negative indikator: its own, else the dinas's.
        ma = lama.identitas.model.profil.metode_untuk(a.metode_negatif)
        mb = baru.identitas.model.profil.metode_untuk(b.metode_negatif)
        if b.polaritas == "negatif" and a.polaritas == "negatif" and ma != mb:
            add("indikator_metode_negatif", iid, b.uraian, ma, mb)

    nama = {p.id: p.nama for p in (*lama.renstra.model.pembanding, *baru.renstra.model.pembanding)}
    for iid in _urutan(lama, baru):
        a_ind = old_i[iid][1] if iid in old_i else None
        b_ind = new_i[iid][1] if iid in new_i else None
        uraian = _uraian_indikator(lama, baru, iid)
        ta = a_ind.target if a_ind else {}
        tb = b_ind.target if b_ind else {}
        for y in sorted(set(ta) | set(tb)):
            if not sama(ta.get(y), tb.get(y)):
                add("target_renstra", iid, uraian, ta.get(y), tb.get(y), y)
        aa = a_ind.target_akhir if a_ind else None
        ab = b_ind.target_akhir if b_ind else None
        if not sama(aa, ab):
            add("target_akhir", iid, uraian, aa, ab)
        pa = a_ind.target_pembanding if a_ind else {}
        pb = b_ind.target_pembanding if b_ind else {}
        for pid in dict.fromkeys([*pa, *pb]):
            ya, yb = pa.get(pid, {}), pb.get(pid, {})
            for y in sorted(set(ya) | set(yb)):
                if not sama(ya.get(y), yb.get(y)):
                    apa = f"{uraian} ({nama.get(pid, pid)})"
                    add("target_pembanding", iid, apa, ya.get(y), yb.get(y), y)
    return out


def _target(lama: Dinas, baru: Dinas, tahun: int) -> list[Perubahan]:
    out: list[Perubahan] = []
    ta, tb = lama.tahun.get(tahun), baru.tahun.get(tahun)
    ma = ta.target.model if ta and ta.target else None
    mb = tb.target.model if tb and tb.target else None
    loc = f"{tahun}/target.yaml"
    order = _urutan(lama, baru)
    for doc in ("rkt", "pk", "pk_perubahan"):
        da: TargetDokumen | None = getattr(ma, doc) if ma else None
        db: TargetDokumen | None = getattr(mb, doc) if mb else None
        for iid, ea, eb in pasangan_target(da, db, order):
            uraian = _uraian_indikator(lama, baru, iid)
            va, vb = (ea.target if ea else None), (eb.target if eb else None)
            dari_a = dari_b = None
            if doc == "pk_perubahan" and (ea is None) != (eb is None):
                # An entry new in the PK Perubahan amends the target measured before it
                # (PK 5,7 → PK Perubahan 5,8), and one removed gives that target back.
                if ea is None:
                    dari_a, va = _sebelum_perubahan(lama, tahun, iid)
                else:
                    dari_b, vb = _sebelum_perubahan(baru, tahun, iid)
            if not sama(va, vb):
                out.append(
                    Perubahan("target", tahun, doc, loc, iid, uraian, va, vb, dari_a, dari_b)
                )
            sa, sb = (ea.semula if ea else None), (eb.semula if eb else None)
            if dari_a is not None and sama(sb, va):
                continue  # the new entry's semula is the target it replaces, shown above
            if not sama(sa, sb):
                out.append(Perubahan("target_semula", tahun, doc, loc, iid, uraian, sa, sb))
        pa = da.program if da else {}
        pb = db.program if db else {}
        for pid in dict.fromkeys([*pb, *pa]):
            if pa.get(pid) != pb.get(pid):
                name = _uraian_program(lama, baru, tahun, pid)
                out.append(
                    Perubahan("pagu_program", tahun, doc, loc, pid, name, pa.get(pid), pb.get(pid))
                )
    return out


def _sebelum_perubahan(dinas: Dinas, tahun: int, iid: str) -> tuple[str | None, Nilai | None]:
    """The document and target of an indikator as measured without a PK Perubahan
    entry: the year's PK, else its RKT, else the Renstra target of the year."""
    t = dinas.tahun.get(tahun)
    model = t.target.model if t and t.target else None
    for doc in ("pk", "rkt"):
        found: TargetDokumen | None = getattr(model, doc) if model else None
        if found is not None and iid in found.indikator:
            return doc, found.indikator[iid].target
    ind = dinas.indikator.get(iid)
    if ind is not None and tahun in ind[1].target:
        return "renstra", ind[1].target[tahun]
    return None, None


def _uraian_program(lama: Dinas, baru: Dinas, tahun: int, pid: str) -> str:
    for d in (baru, lama):
        t = d.tahun.get(tahun)
        for p in t.program() if t else []:
            if p.id == pid:
                return p.uraian
    return ""


def _realisasi(lama: Dinas, baru: Dinas, tahun: int) -> list[Perubahan]:
    out: list[Perubahan] = []
    ta, tb = lama.tahun.get(tahun), baru.tahun.get(tahun)
    ra = ta.realisasi.model.indikator if ta and ta.realisasi else {}
    rb = tb.realisasi.model.indikator if tb and tb.realisasi else {}
    loc = f"{tahun}/realisasi.yaml"
    order = _urutan(lama, baru)
    ids = [i for i in order if i in ra or i in rb]
    ids += [i for i in [*rb, *ra] if i not in ids]
    for iid in dict.fromkeys(ids):
        ea, eb = ra.get(iid), rb.get(iid)
        uraian = _uraian_indikator(lama, baru, iid)
        va, vb = (ea.nilai if ea else None), (eb.nilai if eb else None)
        if not sama(va, vb):
            out.append(Perubahan("realisasi", tahun, "realisasi", loc, iid, uraian, va, vb))
        ca, cb = (ea.capaian if ea else None), (eb.capaian if eb else None)
        if ca != cb:
            out.append(Perubahan("capaian_manual", tahun, "realisasi", loc, iid, uraian, ca, cb))
        # During the year: each month or quarter entered or corrected.
        for kunci, nama in (("bulanan", "bulan"), ("triwulan", "triwulan")):
            pa = getattr(ea, kunci) if ea else {}
            pb = getattr(eb, kunci) if eb else {}
            for k in sorted(set(pa) | set(pb)):
                if not sama(pa.get(k), pb.get(k)):
                    out.append(
                        Perubahan(
                            "realisasi_periode", tahun, "realisasi", loc, iid,
                            f"{uraian} — {nama} {k}", pa.get(k), pb.get(k),
                        )
                    )  # fmt: skip
    return out


def _rencana_aksi(lama: Dinas, baru: Dinas, tahun: int) -> list[Perubahan]:
    """Each period of a rencana aksi row's realisasi entered or corrected (rows matched
    by their place: table, then row)."""
    out: list[Perubahan] = []
    ta, tb = lama.tahun.get(tahun), baru.tahun.get(tahun)
    ra = ta.rencana_aksi.model.tabel if ta and ta.rencana_aksi else []
    rb = tb.rencana_aksi.model.tabel if tb and tb.rencana_aksi else []
    loc = f"{tahun}/rencana-aksi.yaml"
    for tabel_a, tabel_b in zip(ra, rb, strict=False):
        nama = "bulan" if tabel_b.periode == "bulanan" else "triwulan"
        for i, (a, b) in enumerate(zip(tabel_a.baris, tabel_b.baris, strict=False)):
            ident = b.no or b.indikator or f"{tabel_b.tingkat}/{i + 1}"
            uraian = b.uraian or _uraian_indikator(lama, baru, b.indikator or "")
            for k in range(max(len(a.realisasi), len(b.realisasi))):
                va = a.realisasi[k] if k < len(a.realisasi) else None
                vb = b.realisasi[k] if k < len(b.realisasi) else None
                if not sama(va, vb):
                    out.append(
                        Perubahan(
                            "realisasi_rencana_aksi", tahun, "rencana_aksi", loc, ident,
                            f"{uraian} — {nama} {k + 1}", va, vb,
                        )
                    )  # fmt: skip
    return out


def _anggaran(bundel_lama: Bundel, bundel_baru: Bundel, tahun: int) -> list[Perubahan]:
    out: list[Perubahan] = []
    lama, baru = bundel_lama.dinas, bundel_baru.dinas
    assert lama is not None and baru is not None
    ta, tb = lama.tahun.get(tahun), baru.tahun.get(tahun)
    aa = ta.anggaran.model if ta and ta.anggaran else None
    ab = tb.anggaran.model if tb and tb.anggaran else None
    if aa is None and ab is None:
        return out
    loc = f"{tahun}/anggaran.yaml"
    pa = {p.id: p for p in aa.program} if aa else {}
    pb = {p.id: p for p in ab.program} if ab else {}

    def add(jenis: str, ident: str, uraian: str, a: Nilainya, b: Nilainya) -> None:
        out.append(Perubahan(jenis, tahun, "anggaran", loc, ident, uraian, a, b))

    def pos(bundel: Bundel, p: Program) -> Pos:
        found = bundel.hasil[tahun].anggaran
        assert found is not None  # the program comes from this year's anggaran.yaml
        return found.pos(p)

    for pid, p in pb.items():
        if pid not in pa:
            add("program_ditambah", pid, p.uraian, None, pos(bundel_baru, p).pagu)
            continue
        old = pa[pid]
        pos_a, pos_b = pos(bundel_lama, old), pos(bundel_baru, p)
        if " ".join(old.uraian.split()) != " ".join(p.uraian.split()):
            add("program_uraian", pid, p.uraian, old.uraian, p.uraian)
        if pos_a.pagu != pos_b.pagu:
            add("pagu_program", pid, p.uraian, pos_a.pagu, pos_b.pagu)
        if pos_a.realisasi != pos_b.realisasi:
            add("realisasi_program", pid, p.uraian, pos_a.realisasi, pos_b.realisasi)
    for pid, p in pa.items():
        if pid not in pb:
            add("program_dihapus", pid, p.uraian, pos(bundel_lama, p).pagu, None)
    tot_a = aa.total if aa else None
    tot_b = ab.total if ab else None
    if (tot_a.pagu if tot_a else None) != (tot_b.pagu if tot_b else None):
        add("pagu_total", "total", "", tot_a.pagu if tot_a else None, tot_b.pagu if tot_b else None)
    ra = tot_a.realisasi if tot_a else None
    rb = tot_b.realisasi if tot_b else None
    if ra != rb:
        add("realisasi_total", "total", "", ra, rb)
    return out


def kesalahan(data: Sequence[Bundel]) -> list[Diagnostic]:
    """The errors (not warnings) of either side; any makes ``diff`` exit 1."""
    return [x for d in data for x in d.galat]
