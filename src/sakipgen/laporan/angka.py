"""``sakipgen show``'s reporters: the computed figures of one year, as JSON or as terminal tables.

JSON shape (README "sakipgen show"); every number is a string holding the exact
decimal (``"135.31"``, ``"1727182400"``), ``null`` where there is no figure::

    {"dinas", "tahun", "sumber_target", "capaian", "kategori", "capaian_tahun_lalu",
     "sasaran": [{"id", "uraian", "capaian", "kategori", "capaian_tahun_lalu",
                  "indikator": [{"id", "uraian", "satuan", "target", "realisasi",
                                 "capaian", "kategori", "manual", "capaian_tahun_lalu",
                                 "capaian_target_akhir"}]}],
     "anggaran": {"pagu", "realisasi", "serapan", "efisiensi", "efisiensi_persen",
                  "sasaran": [{"id", "pagu", "realisasi", "serapan", "efisiensi",
                               "efisiensi_persen",
                               "program": [{"id", "uraian", "pagu", "realisasi", "serapan",
                                            "efisiensi", "efisiensi_persen"}]}]}}

``efisiensi`` is pagu − realisasi (rupiah); ``efisiensi_persen`` is
(pagu − realisasi) / pagu × 100 rounded once, for the total, each sasaran and each
program alike (never 100 − the rounded serapan).

The text output shows user text (names, ids, uraian, satuan, text targets) through
:func:`sakipgen.teks.teks_layar` and only as :class:`rich.text.Text`, so neither a
control character nor ``[markup]`` in the YAML reaches the terminal as a command.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from sakipgen.i18n import _
from sakipgen.model.folder import Dinas
from sakipgen.model.hasil import SUMBER_TARGET, HasilAnggaran, HasilTahun, Pos
from sakipgen.model.nilai import Nilai


def _s(value: Decimal | int | None) -> str | None:
    return None if value is None else str(value)


def _nilai(value: Nilai | None) -> str | None:
    if value is None or value.jenis == "kosong":
        return None
    if value.jenis == "angka" and value.angka is not None and not value.satuan:
        return str(value.angka)
    return value.teks


def _angka_pos(pos: Pos) -> dict[str, Any]:
    return {
        "pagu": _s(pos.pagu),
        "realisasi": _s(pos.realisasi),
        "serapan": _s(pos.serapan),
        "efisiensi": _s(pos.efisiensi),
        "efisiensi_persen": _s(pos.efisiensi_persen),
    }


def _anggaran(a: HasilAnggaran | None) -> dict[str, Any] | None:
    if a is None:
        return None
    return {
        **_angka_pos(a.total),
        "sasaran": [
            {
                "id": s.sasaran_id,
                **_angka_pos(s),
                "program": [
                    {"id": p.program.id, "uraian": p.program.uraian, **_angka_pos(p)}
                    for p in s.program
                ],
            }
            for s in a.sasaran
        ],
    }


def sebagai_data(dinas: Dinas, hasil: HasilTahun) -> dict[str, Any]:
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


def sebagai_teks(dinas: Dinas, hasil: HasilTahun) -> Any:
    """A rich renderable: capaian table, then the budget table."""
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    from sakipgen.format import nilai, persen, rupiah
    from sakipgen.teks import teks_layar

    def t(value: object, style: str = "") -> Text:
        # Text, never a str: rich would read "[bold]" or ":smile:" in a str as markup.
        return Text(teks_layar(value), style=style)

    parts: list[Any] = []
    sumber = SUMBER_TARGET.get(hasil.sumber_target or "", "-")
    title = _("{nama} — tahun {tahun} (target: {sumber})").format(
        nama=dinas.nama, tahun=hasil.tahun, sumber=sumber
    )
    table = Table(title=t(title, "italic"), show_lines=False, expand=False)
    for col, just in [
        (_("Sasaran / Indikator"), "left"),
        (_("Satuan"), "left"),
        (_("Target"), "right"),
        (_("Realisasi"), "right"),
        (_("Capaian (%)"), "right"),
        (_("Kategori"), "left"),
        (_("Tahun lalu (%)"), "right"),
    ]:
        table.add_column(t(col), justify=just)  # type: ignore[arg-type]
    for s in hasil.sasaran:
        table.add_row(
            t(f"{s.sasaran.id}. {s.sasaran.uraian}", "bold"),
            t(""),
            t(""),
            t(""),
            t(persen(s.capaian), "bold"),
            t(s.kategori or "-"),
            t(persen(s.capaian_tahun_lalu) if s.capaian_tahun_lalu is not None else ""),
        )
        for h in s.indikator:
            cap = persen(h.capaian) + (" *" if h.manual else "")
            table.add_row(
                t(f"  {h.indikator.id} {h.indikator.uraian}"),
                t(h.indikator.satuan),
                t(nilai(h.target)),
                t(nilai(h.realisasi) if hasil.ada_realisasi else ""),
                t(cap if hasil.ada_realisasi else ""),
                t((h.kategori or "-") if hasil.ada_realisasi else ""),
                t(persen(h.capaian_tahun_lalu) if h.capaian_tahun_lalu is not None else ""),
            )
    parts.append(table)
    if hasil.ada_realisasi:
        parts.append(
            t(
                _(
                    "Capaian keseluruhan (rata-rata sasaran): {capaian} % "
                    "({kategori}); rata-rata seluruh indikator: "
                    "{rata_rata} %"
                ).format(
                    capaian=persen(hasil.capaian),
                    kategori=hasil.kategori or "-",
                    rata_rata=persen(hasil.rata_rata_indikator),
                ),
                "bold",
            )
        )
    else:
        parts.append(t(_("Tahun rencana: belum ada realisasi, hanya target yang ditampilkan.")))
    if any(h.manual for s in hasil.sasaran for h in s.indikator):
        parts.append(
            t(_("* capaian diisi manual (lihat 'alasan' atau 'sumber' di realisasi.yaml)"))
        )

    a = hasil.anggaran
    if a is not None:
        names = {s.id: s.uraian for s in dinas.renstra.model.sasaran}
        b = Table(title=t(_("Anggaran {tahun}").format(tahun=hasil.tahun), "italic"))
        b.add_column(t(_("Sasaran / Program")))
        for col in (
            _("Pagu (Rp)"),
            _("Realisasi (Rp)"),
            _("Serapan (%)"),
            _("Efisiensi (Rp)"),
            _("Efisiensi (%)"),
        ):
            b.add_column(t(col), justify="right")

        def angka(pos: Pos, style: str = "") -> list[Text]:
            return [
                t(rupiah(pos.pagu, ""), style),
                t(rupiah(pos.realisasi, ""), style),
                t(persen(pos.serapan), style),
                t(rupiah(pos.efisiensi, ""), style),
                t(persen(pos.efisiensi_persen), style),
            ]

        for pos in a.sasaran:
            label = (
                f"{pos.sasaran_id}. {names.get(pos.sasaran_id, '')}"
                if pos.sasaran_id
                else _("(program tanpa sasaran)")
            )
            b.add_row(t(label, "bold"), *angka(pos))
            for p in pos.program:
                b.add_row(t(f"  {p.program.uraian}"), *angka(p))
        b.add_row(t(_("JUMLAH"), "bold"), *angka(a.total, "bold"))
        parts.append(b)
        if a.total.efisiensi is not None:
            parts.append(
                t(
                    _("Efisiensi: {efisiensi} ({persen} % dari pagu)").format(
                        efisiensi=rupiah(a.total.efisiensi), persen=persen(a.total.efisiensi_persen)
                    )
                )
            )
    return Group(*parts)
