"""``sakipgen show``: the computed figures of one year, as JSON or as terminal tables.

JSON shape (README "sakipgen show"); every number is a string holding the exact
decimal (``"135.31"``, ``"1727182400"``), ``null`` where there is no figure::

    {"dinas", "tahun", "sumber_target", "capaian", "kategori", "capaian_tahun_lalu",
     "sasaran": [{"id", "uraian", "capaian", "kategori", "capaian_tahun_lalu",
                  "indikator": [{"id", "uraian", "satuan", "target", "realisasi",
                                 "capaian", "kategori", "manual", "capaian_tahun_lalu",
                                 "capaian_target_akhir"}]}],
     "anggaran": {"pagu", "realisasi", "serapan", "efisiensi", "efisiensi_persen",
                  "sasaran": [{"id", "pagu", "realisasi", "serapan",
                               "program": [{"id", "uraian", "pagu", "realisasi", "serapan"}]}]}}
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from sakipgen.calc.anggaran import HasilAnggaran
from sakipgen.calc.tahun import SUMBER_TARGET, HasilTahun
from sakipgen.i18n import _
from sakipgen.model.folder import Dinas
from sakipgen.model.nilai import Nilai


def _s(value: Decimal | int | None) -> str | None:
    return None if value is None else str(value)


def _nilai(value: Nilai | None) -> str | None:
    if value is None or value.jenis == "kosong":
        return None
    if value.jenis == "angka" and value.angka is not None and not value.satuan:
        return str(value.angka)
    return value.teks


def _anggaran(a: HasilAnggaran | None) -> dict[str, Any] | None:
    if a is None:
        return None
    return {
        "pagu": _s(a.total.pagu),
        "realisasi": _s(a.total.realisasi),
        "serapan": _s(a.total.serapan),
        "efisiensi": _s(a.total.efisiensi),
        "efisiensi_persen": _s(a.efisiensi_persen),
        "sasaran": [
            {
                "id": s.sasaran_id,
                "pagu": _s(s.pagu),
                "realisasi": _s(s.realisasi),
                "serapan": _s(s.serapan),
                "program": [
                    {
                        "id": p.program.id,
                        "uraian": p.program.uraian,
                        "pagu": _s(p.pagu),
                        "realisasi": _s(p.realisasi),
                        "serapan": _s(p.serapan),
                    }
                    for p in s.program
                ],
            }
            for s in a.sasaran
        ],
    }


def to_json(dinas: Dinas, hasil: HasilTahun) -> dict[str, Any]:
    return {
        "dinas": dinas.nama,
        "tahun": hasil.tahun,
        "sumber_target": hasil.sumber_target,
        "capaian": _s(hasil.capaian),
        "kategori": hasil.kategori,
        "capaian_tahun_lalu": _s(hasil.capaian_tahun_lalu),
        "sasaran": [
            {
                "id": s.sasaran.id,
                "uraian": s.sasaran.uraian,
                "capaian": _s(s.capaian),
                "kategori": s.kategori,
                "capaian_tahun_lalu": _s(s.capaian_tahun_lalu),
                "indikator": [
                    {
                        "id": h.indikator.id,
                        "uraian": h.indikator.uraian,
                        "satuan": h.indikator.satuan,
                        "target": _nilai(h.target),
                        "realisasi": _nilai(h.realisasi),
                        "capaian": _s(h.capaian),
                        "kategori": h.kategori,
                        "manual": h.manual,
                        "capaian_tahun_lalu": _s(h.capaian_tahun_lalu),
                        "capaian_target_akhir": _s(h.capaian_target_akhir),
                    }
                    for h in s.indikator
                ],
            }
            for s in hasil.sasaran
        ],
        "anggaran": _anggaran(hasil.anggaran),
    }


def render_text(dinas: Dinas, hasil: HasilTahun) -> Any:
    """A rich renderable: capaian table, then the budget table."""
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    from sakipgen.format import nilai, persen, rupiah

    parts: list[Any] = []
    sumber = SUMBER_TARGET.get(hasil.sumber_target or "", "-")
    title = _("{nama} — tahun {tahun} (target: {sumber})").format(
        nama=dinas.nama, tahun=hasil.tahun, sumber=sumber
    )
    t = Table(title=title, show_lines=False, expand=False)
    for col, just in [
        (_("Sasaran / Indikator"), "left"),
        (_("Satuan"), "left"),
        (_("Target"), "right"),
        (_("Realisasi"), "right"),
        (_("Capaian (%)"), "right"),
        (_("Kategori"), "left"),
        (_("Tahun lalu (%)"), "right"),
    ]:
        t.add_column(col, justify=just)  # type: ignore[arg-type]
    for s in hasil.sasaran:
        t.add_row(
            Text(f"{s.sasaran.id}. {s.sasaran.uraian}", style="bold"),
            "",
            "",
            "",
            Text(persen(s.capaian), style="bold"),
            s.kategori or "-",
            persen(s.capaian_tahun_lalu) if s.capaian_tahun_lalu is not None else "",
        )
        for h in s.indikator:
            cap = persen(h.capaian) + (" *" if h.manual else "")
            t.add_row(
                f"  {h.indikator.id} {h.indikator.uraian}",
                h.indikator.satuan,
                nilai(h.target),
                nilai(h.realisasi) if hasil.ada_realisasi else "",
                cap if hasil.ada_realisasi else "",
                (h.kategori or "-") if hasil.ada_realisasi else "",
                persen(h.capaian_tahun_lalu) if h.capaian_tahun_lalu is not None else "",
            )
    parts.append(t)
    if hasil.ada_realisasi:
        parts.append(
            Text(
                _(
                    "Capaian keseluruhan (rata-rata sasaran): {capaian} % "
                    "({kategori}); rata-rata seluruh indikator: "
                    "{rata_rata} %"
                ).format(
                    capaian=persen(hasil.capaian),
                    kategori=hasil.kategori or "-",
                    rata_rata=persen(hasil.rata_rata_indikator),
                ),
                style="bold",
            )
        )
    else:
        parts.append(Text(_("Tahun rencana: belum ada realisasi, hanya target yang ditampilkan.")))
    if any(h.manual for s in hasil.sasaran for h in s.indikator):
        parts.append(
            Text(_("* capaian diisi manual (lihat 'alasan' atau 'sumber' di realisasi.yaml)"))
        )

    a = hasil.anggaran
    if a is not None:
        names = {s.id: s.uraian for s in dinas.renstra.model.sasaran}
        b = Table(title=_("Anggaran {tahun}").format(tahun=hasil.tahun))
        b.add_column(_("Sasaran / Program"))
        b.add_column(_("Pagu (Rp)"), justify="right")
        b.add_column(_("Realisasi (Rp)"), justify="right")
        b.add_column(_("Serapan (%)"), justify="right")
        for pos in a.sasaran:
            label = (
                f"{pos.sasaran_id}. {names.get(pos.sasaran_id, '')}"
                if pos.sasaran_id
                else _("(program tanpa sasaran)")
            )
            b.add_row(
                Text(label, style="bold"),
                rupiah(pos.pagu, ""),
                rupiah(pos.realisasi, ""),
                persen(pos.serapan),
            )
            for p in pos.program:
                b.add_row(
                    f"  {p.program.uraian}",
                    rupiah(p.pagu, ""),
                    rupiah(p.realisasi, ""),
                    persen(p.serapan),
                )
        b.add_row(
            Text(_("JUMLAH"), style="bold"),
            rupiah(a.total.pagu, ""),
            rupiah(a.total.realisasi, ""),
            persen(a.total.serapan),
        )
        parts.append(b)
        if a.total.efisiensi is not None:
            parts.append(
                Text(
                    _("Efisiensi: {efisiensi} ({persen} % dari pagu)").format(
                        efisiensi=rupiah(a.total.efisiensi), persen=persen(a.efisiensi_persen)
                    )
                )
            )
    return Group(*parts)
