"""``sakipgen diff``'s reporters: the changes as text tables (one per section) and as
JSON (README "sakipgen diff")."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from sakipgen.beda import Nilainya, Perubahan
from sakipgen.i18n import _
from sakipgen.model.nilai import Nilai
from sakipgen.pipeline import Bundel

BAGIAN = [
    ("Sasaran dan indikator", ("sasaran_", "indikator_")),
    ("Target", ("target",)),
    ("Realisasi", ("realisasi", "capaian_manual")),
    ("Anggaran", ("program_", "pagu_", "realisasi_program", "realisasi_total")),
]
"""Sections of the text output, by ``jenis`` prefix (first match wins); the titles are
keys, shown through :func:`judul_bagian`."""


def judul_bagian() -> dict[str, str]:
    """Section title → its text in the active language."""
    return {
        "Sasaran dan indikator": _("Sasaran dan indikator"),
        "Target": _("Target"),
        "Realisasi": _("Realisasi"),
        "Anggaran": _("Anggaran"),
        "Lainnya": _("Lainnya"),
    }


def dokumen() -> dict[str, str]:
    """``dokumen`` → its name in the text output (in the active language)."""
    return {
        "renstra": "Renstra",
        "rkt": "RKT",
        "pk": "PK",
        "pk_perubahan": "PK Perubahan",
        "realisasi": _("Realisasi"),
        "rencana_aksi": _("Rencana Aksi"),
        "anggaran": _("Anggaran"),
    }


def label() -> dict[str, str]:
    """``jenis`` → how the text output names the change (in the active language)."""
    return {
        "sasaran_ditambah": _("sasaran ditambah"),
        "sasaran_dihapus": _("sasaran dihapus"),
        "sasaran_uraian": _("uraian diubah"),
        "indikator_ditambah": _("indikator ditambah"),
        "indikator_dihapus": _("indikator dihapus"),
        "indikator_uraian": _("uraian diubah"),
        "indikator_satuan": _("satuan diubah"),
        "indikator_polaritas": _("polaritas diubah"),
        "indikator_metode_negatif": _("rumus indikator negatif diubah"),
        "indikator_sasaran": _("pindah sasaran"),
        "target_renstra": _("target"),
        "target_akhir": _("target akhir"),
        "target_pembanding": _("target pembanding"),
        "target": _("target"),
        "target_semula": _("target semula"),
        "realisasi": _("realisasi"),
        "capaian_manual": _("capaian manual"),
        "realisasi_periode": _("realisasi periode"),
        "realisasi_rencana_aksi": _("realisasi rencana aksi"),
        "program_ditambah": _("program ditambah"),
        "program_dihapus": _("program dihapus"),
        "program_uraian": _("uraian diubah"),
        "pagu_program": _("pagu"),
        "realisasi_program": _("realisasi"),
        "pagu_total": _("pagu total"),
        "realisasi_total": _("realisasi total"),
    }


_RUPIAH = ("program_ditambah", "program_dihapus", "pagu_", "realisasi_program", "realisasi_total")


def _bagian(p: Perubahan) -> str:
    # Anggaran first: its realisasi_program and realisasi_total also start "realisasi".
    for title, prefixes in sorted(BAGIAN, key=lambda b: b[0] != "Anggaran"):
        if p.jenis.startswith(prefixes):
            return title
    return "Lainnya"


def _tampil(p: Perubahan, value: Nilainya) -> str:
    from sakipgen.format import angka, nilai, rupiah

    if value is None:
        return _("(tidak ada)")
    if isinstance(value, Nilai):
        return nilai(value)
    if isinstance(value, int) and p.jenis.startswith(_RUPIAH):
        return rupiah(value, "")
    if isinstance(value, Decimal):
        return angka(value)
    return str(value)


def _asal(p: Perubahan, dokumen: str | None, names: dict[str, str]) -> str:
    """The document before each value of a change whose two values are from different
    documents (``PK 5,7`` → ``PK Perubahan 5,8``); nothing for any other change."""
    if p.dokumen_lama is None and p.dokumen_baru is None:
        return ""
    doc = dokumen or p.dokumen or ""
    return f"{names.get(doc, doc)} "


def sebagai_teks(changes: Sequence[Perubahan], judul: str) -> Any:
    """A rich renderable: one table per section, then a one-line summary.

    Every cell and title is a :class:`rich.text.Text` of :func:`~sakipgen.teks.teks_layar`
    text: uraian, ids and values come from the YAML of either revision, and neither
    their control characters nor ``[markup]`` may reach the terminal as commands."""
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    from sakipgen.teks import teks_layar

    def t(value: str, style: str = "") -> Text:
        return Text(teks_layar(value), style=style)

    parts: list[Any] = []
    titles = judul_bagian()
    names = dokumen()
    labels = label()
    lama, baru = _("Lama"), _("Baru")
    for title, _prefixes in [*BAGIAN, ("Lainnya", ())]:
        rows = [p for p in changes if _bagian(p) == title]
        if not rows:
            continue
        cols: list[tuple[str, str, list[str]]] = [
            (_("Tahun"), "right", [str(p.tahun) if p.tahun else "" for p in rows]),
            (_("Dokumen"), "left", [names.get(p.dokumen or "", p.dokumen or "") for p in rows]),
            (_("Perubahan"), "left", [labels.get(p.jenis, p.jenis) for p in rows]),
            (_("Id"), "left", [p.id for p in rows]),
            (_("Uraian"), "left", [p.uraian for p in rows]),
            (lama, "right", [_asal(p, p.dokumen_lama, names) + _tampil(p, p.lama) for p in rows]),
            (baru, "right", [_asal(p, p.dokumen_baru, names) + _tampil(p, p.baru) for p in rows]),
        ]
        cols = [c for c in cols if any(c[2]) or c[0] in (lama, baru)]
        table = Table(title=t(titles.get(title, title), "italic"), title_justify="left")
        for name, just, _values in cols:
            table.add_column(t(name), justify=just, overflow="fold")  # type: ignore[arg-type]
        for i in range(len(rows)):
            table.add_row(*(t(c[2][i]) for c in cols))
        parts.append(table)
    summary = (
        _("{jumlah} perubahan {judul}").format(jumlah=len(changes), judul=judul)
        if changes
        else _("Tidak ada perubahan {judul}").format(judul=judul)
    )
    parts.append(t(summary, "bold"))
    return Group(*parts)


def label_revisi(data: Bundel) -> str:
    """The revision as the user named it, with its commit; cleaned for the terminal
    (a branch or tag name may hold any character git allows)."""
    from sakipgen.teks import teks_layar

    if data.revisi is None:
        return _("isi folder saat ini")
    return teks_layar(f"{data.revisi} ({(data.commit or '')[:10]})")


def sebagai_data(
    folder: str, lama: Bundel, baru: Bundel, changes: Sequence[Perubahan]
) -> dict[str, Any]:
    return {
        "dinas": folder,
        "lama": {"revisi": lama.revisi, "commit": lama.commit},
        "baru": {"revisi": baru.revisi, "commit": baru.commit},
        "perubahan": [p.as_dict() for p in changes],
    }
