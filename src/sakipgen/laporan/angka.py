"""``sakipgen show``'s reporters: the computed figures of one year, as JSON or as terminal tables.

JSON shape (README "sakipgen show"); every number is a string holding the exact
decimal (``"135.31"``, ``"1727182400"``), ``null`` where there is no figure::

    {"dinas", "tahun", "sumber_target", "capaian", "rata_rata_indikator", "kategori",
     "kategori_tambahan", "capaian_tahun_lalu",
     "sasaran": [{"id", "uraian", "capaian", "kategori", "kategori_tambahan",
                  "capaian_tahun_lalu",
                  "indikator": [{"id", "uraian", "satuan", "target", "realisasi",
                                 "capaian", "kategori", "kategori_tambahan", "manual",
                                 "capaian_tahun_lalu", "capaian_target_akhir",
                                 "kategori_target_akhir",
                                 "pembanding": [{"id", "nama", "target", "capaian"}]}]}],
     "anggaran": {"pagu", "realisasi", "serapan", "kategori_serapan", "efisiensi",
                  "efisiensi_persen",
                  "sasaran": [{"id", "pagu", "realisasi", "serapan", "kategori_serapan",
                               "efisiensi", "efisiensi_persen",
                               "program": [{"id", "uraian", "pagu", "realisasi", "serapan",
                                            "kategori_serapan", "efisiensi",
                                            "efisiensi_persen",
                                            "kegiatan": [{"id", "kode", "uraian", "pagu", …,
                                                          "sub_kegiatan": [{…}]}]}]}]}}

``kategori_serapan`` is the serapan's band on ``profil.skala_serapan`` (null without
one); ``kategori_tambahan`` the capaian's kategori on each of ``profil.skala_tambahan``,
by its ``nama`` (``{}`` without one); ``pembanding`` each other plan's target of the
year (``renstra.yaml`` ``target_pembanding``) with the capaian against it (``[]``
without one).  ``efisiensi`` is pagu − realisasi (rupiah);
``efisiensi_persen`` is (pagu − realisasi) / pagu × 100 rounded once, for the total,
each sasaran and each program alike (never 100 − the rounded serapan).

The text output shows user text (names, ids, uraian, satuan, text targets) through
:func:`sakipgen.teks.teks_layar` and only as :class:`rich.text.Text`, so neither a
control character nor ``[markup]`` in the YAML reaches the terminal as a command.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from sakipgen.ekspor.tabel import JenisKolom, SelEkspor, Tabel, tabel_layar
from sakipgen.format import angka, nilai, tanggal
from sakipgen.i18n import _
from sakipgen.model.folder import Dinas
from sakipgen.model.hasil import (
    SUMBER_TARGET,
    HasilAnggaran,
    HasilE81,
    HasilIndikator,
    HasilPeriode,
    HasilTahun,
    Pos,
    PosBagian,
    TargetBerlaku,
    TidakDinilai,
)
from sakipgen.model.nilai import Nilai
from sakipgen.model.renstra import Indikator
from sakipgen.teks import teks_layar


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
        "kategori_serapan": pos.kategori_serapan,
        "efisiensi": _s(pos.efisiensi),
        "efisiensi_persen": _s(pos.efisiensi_persen),
    }


def _unit(b: PosBagian) -> dict[str, Any]:
    """A kegiatan or sub kegiatan under a sasaran: its id and kode (null when not
    written), uraian, and its figures there (its own, else its children's sum; its part
    when units below it serve another sasaran)."""
    unit = b.unit
    return {"id": unit.id, "kode": unit.kode, "uraian": unit.uraian, **_angka_pos(b)}


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
                    {
                        "id": p.program.id,
                        "uraian": p.program.uraian,
                        **_angka_pos(p),
                        "kegiatan": [
                            {**_unit(k), "sub_kegiatan": [_unit(sk) for sk in k.anak]}
                            for k in p.kegiatan
                        ],
                    }
                    for p in s.program
                ],
            }
            for s in a.sasaran
        ],
    }


def _indikator(x: HasilIndikator | Indikator, nama: tuple[str, ...]) -> dict[str, Any]:
    """One indikator of a sasaran; one without a target this year has no figures
    (``nama``: the year's further scales, the keys of ``kategori_tambahan``)."""
    if isinstance(x, Indikator):
        return {
            "id": x.id,
            "uraian": x.uraian,
            "satuan": x.satuan,
            **dict.fromkeys(("target", "realisasi", "capaian", "kategori")),
            "kategori_tambahan": dict.fromkeys(nama),
            "manual": False,
            **dict.fromkeys(
                ("capaian_tahun_lalu", "capaian_target_akhir", "kategori_target_akhir")
            ),
            "pembanding": [],
        }
    return {
        "id": x.indikator.id,
        "uraian": x.indikator.uraian,
        "satuan": x.indikator.satuan,
        "target": _nilai(x.target),
        "realisasi": _nilai(x.realisasi),
        "capaian": _s(x.capaian),
        "kategori": x.kategori,
        "kategori_tambahan": dict(zip(nama, x.kategori_tambahan, strict=True)),
        "manual": x.manual,
        "capaian_tahun_lalu": _s(x.capaian_tahun_lalu),
        "capaian_target_akhir": _s(x.capaian_target_akhir),
        "kategori_target_akhir": x.kategori_target_akhir,
        "pembanding": [
            {"id": p.id, "nama": p.nama, "target": _nilai(p.target), "capaian": _s(p.capaian)}
            for p in x.pembanding
        ],
    }


def sebagai_data(dinas: Dinas, hasil: HasilTahun) -> dict[str, Any]:
    nama = hasil.skala_tambahan
    return {
        "dinas": dinas.nama,
        "tahun": hasil.tahun,
        "sumber_target": hasil.sumber_target,
        "capaian": _s(hasil.capaian),
        "rata_rata_indikator": _s(hasil.rata_rata_indikator),
        "kategori": hasil.kategori,
        "kategori_tambahan": dict(zip(nama, hasil.kategori_tambahan, strict=True)),
        "capaian_tahun_lalu": _s(hasil.capaian_tahun_lalu),
        "sasaran": [
            {
                "id": s.sasaran.id,
                "uraian": s.sasaran.uraian,
                "capaian": _s(s.capaian),
                "kategori": s.kategori,
                "kategori_tambahan": dict(zip(nama, s.kategori_tambahan, strict=True)),
                "capaian_tahun_lalu": _s(s.capaian_tahun_lalu),
                "indikator": [_indikator(x, nama) for x in s.baris()],
            }
            for s in hasil.semua_sasaran
        ],
        "anggaran": _anggaran(hasil.anggaran),
    }


def teks_sel(value: SelEkspor, jenis: JenisKolom) -> str:
    """A cell of the table view as the terminal shows it: Indonesian number formats,
    ``-`` for no figure."""
    from sakipgen.format import angka, persen

    if value is None:
        return "-"
    if isinstance(value, str):
        return value
    if jenis == "persen":
        return persen(Decimal(value))
    if jenis == "cacah":
        return str(value)
    return angka(value, 0 if jenis == "rupiah" else None)


def _rich(tabel: Tabel, judul: str) -> Any:
    """One table of the view as a rich table; user text only as :class:`Text`."""
    from rich.table import Table
    from rich.text import Text

    from sakipgen.teks import teks_layar

    def t(value: object, style: str = "") -> Text:
        # Text, never a str: rich would read "[bold]" or ":smile:" in a str as markup.
        return Text(teks_layar(value), style=style)

    out = Table(title=t(judul, "italic"), show_lines=False, expand=False)
    for k in tabel.kolom:
        out.add_column(t(k.judul), justify="left" if k.jenis == "teks" else "right")
    for i, row in enumerate(tabel.baris):
        style = "bold" if i in tabel.tebal else ""
        cells = [teks_sel(v, k.jenis) for k, v in zip(tabel.kolom, row, strict=True)]
        if tabel.kolom_inden is not None:
            cells[tabel.kolom_inden] = "  " * tabel.inden.get(i, 0) + cells[tabel.kolom_inden]
        out.add_row(*(t(c, style) for c in cells))
    return out


def sebagai_teks(dinas: Dinas, hasil: HasilTahun) -> Any:
    """A rich renderable: the capaian table, then the budget table, of the table view
    that ``export`` writes too (:func:`sakipgen.ekspor.tabel.tabel_layar`)."""
    from rich.console import Group
    from rich.text import Text

    from sakipgen.format import persen, rupiah
    from sakipgen.teks import teks_layar

    def t(value: object, style: str = "") -> Text:
        return Text(teks_layar(value), style=style)

    capaian, *anggaran = tabel_layar(dinas, hasil)
    sumber = SUMBER_TARGET.get(hasil.sumber_target or "", "-")
    title = _("{nama} — tahun {tahun} (target: {sumber})").format(
        nama=dinas.nama, tahun=hasil.tahun, sumber=sumber
    )
    parts: list[Any] = [_rich(capaian, title)]
    if hasil.ada_realisasi:
        parts.append(
            t(
                _(
                    "Capaian keseluruhan (rata-rata sasaran): {capaian} % "
                    "({kategori}); rata-rata seluruh indikator: "
                    "{rata_rata} %"
                ).format(
                    capaian=persen(hasil.capaian),
                    kategori=" / ".join(
                        x or "-" for x in (hasil.kategori, *hasil.kategori_tambahan)
                    ),
                    rata_rata=persen(hasil.rata_rata_indikator),
                ),
                "bold",
            )
        )
    else:
        parts.append(t(_("Tahun rencana: belum ada realisasi, hanya target yang ditampilkan.")))
    if any(h.manual for s in hasil.sasaran for h in s.indikator):
        parts.append(
            t(_("manual: capaian diisi manual (lihat 'alasan' atau 'sumber' di realisasi.yaml)"))
        )
    a = hasil.anggaran
    for tabel in anggaran:
        parts.append(_rich(tabel, tabel.nama))
    if a is not None and a.total.efisiensi is not None:
        parts.append(
            t(
                _("Efisiensi: {efisiensi} ({persen} % dari pagu)").format(
                    efisiensi=rupiah(a.total.efisiensi), persen=persen(a.total.efisiensi_persen)
                )
            )
        )
    return Group(*parts)


def _sebab(daftar: tuple[TidakDinilai, ...]) -> list[dict[str, Any]]:
    return [{"sebab": t.sebab, "tahun": list(t.tahun), "pesan": t.pesan()} for t in daftar]


def e81_data(h: HasilE81 | None) -> dict[str, Any] | None:
    """The E.81 up to the triwulan: its means and predikat, how many rows they grade,
    and each row not graded (or counted elsewhere) with why."""
    if h is None:
        return None
    return {
        "triwulan": h.triwulan,
        "rata_rata_k": _s(h.rata_k),
        "rata_rata_rp": _s(h.rata_rp),
        "predikat_k": h.predikat_k,
        "predikat_rp": h.predikat_rp,
        "dinilai_k": list(h.dinilai_k),
        "dinilai_rp": list(h.dinilai_rp),
        "tidak_dinilai": [
            {
                "no": b.label,
                "tingkat": b.tingkat,
                "uraian": b.uraian,
                "indikator": b.indikator,
                "ulang": b.ulang or None,
                "k": _sebab(b.tanpa_k),
                "rp": _sebab(b.tanpa_rp),
            }
            for b in h.baris
            if b.tanpa_k or b.tanpa_rp or b.ulang
        ],
    }


def _berlaku_data(b: TargetBerlaku | None) -> dict[str, Any]:
    return {
        "sumber_target": b.sumber if b else None,
        "pk_perubahan": (
            {
                "tanggal": b.tanggal_perubahan.isoformat() if b.tanggal_perubahan else None,
                "berlaku": not b.perubahan_menunggu,
            }
            if b is not None and b.ada_perubahan
            else None
        ),
    }


def periode_data(dinas: Dinas, hasil: HasilPeriode, e81: HasilE81 | None = None) -> dict[str, Any]:
    """``show --triwulan --format json``: exact decimals as strings, null where there is
    no figure; ``terisi`` is [periods written, periods up to the month]."""
    return {
        "dinas": dinas.nama,
        "tahun": hasil.tahun,
        "bulan": hasil.bulan,
        "triwulan": hasil.triwulan,
        **_berlaku_data(hasil.berlaku),
        "indikator": [
            {
                "sasaran": i.sasaran_id,
                "id": i.indikator.id,
                "uraian": i.indikator.uraian,
                "satuan": i.indikator.satuan,
                "sifat": i.indikator.sifat,
                "target": _nilai(i.target),
                "realisasi": _nilai(i.realisasi),
                "capaian": _s(i.capaian),
                "terisi": list(i.periode),
                "catatan": i.catatan,
            }
            for i in hasil.indikator
        ],
        "anggaran": [
            {
                "tingkat": a.tingkat,
                "id": a.ident,
                "uraian": a.uraian,
                "pagu": _s(a.pagu),
                "realisasi": _s(a.realisasi),
                "serapan": _s(a.serapan),
            }
            for a in hasil.anggaran
        ],
        "e81": e81_data(e81),
    }


def _berlaku_teks(b: TargetBerlaku | None) -> str:
    """Which document's targets are measured, and why not the year's PK Perubahan."""
    if b is None:
        return ""
    teks = _("Target yang diukur: {dokumen}").format(dokumen=SUMBER_TARGET.get(b.sumber or "", "-"))
    if b.perubahan_menunggu and b.tanggal_perubahan is not None:
        teks += _("; PK Perubahan ({tanggal}) belum berlaku pada akhir periode ini").format(
            tanggal=tanggal(b.tanggal_perubahan)
        )
    elif b.perubahan_menunggu:
        teks += _(
            "; PK Perubahan belum bertanggal (dokumen.yaml pk_perubahan.tanggal): dianggap "
            "berlaku mulai akhir tahun"
        )
    return teks


def e81_teks(h: HasilE81) -> list[Any]:
    """The E.81's means and predikat, then the rows not graded, grouped by why."""
    from rich.table import Table
    from rich.text import Text

    def t(value: object) -> Text:
        return Text(teks_layar("" if value is None else str(value)))

    tabel = Table(title=t(_("E.81 s.d. triwulan {n}").format(n=h.triwulan)), title_justify="left")
    for kolom in ("", _("Kinerja (K)"), _("Anggaran (Rp)")):
        tabel.add_column(kolom, justify="right" if kolom else "left")
    tabel.add_row(
        t(_("Rata-rata capaian (%)")),
        t(angka(h.rata_k) if h.rata_k is not None else "-"),
        t(angka(h.rata_rp) if h.rata_rp is not None else "-"),
    )
    tabel.add_row(t(_("Predikat")), t(h.predikat_k or "-"), t(h.predikat_rp or "-"))
    tabel.add_row(
        t(_("Baris yang dinilai")),
        t(_("{n} dari {m}").format(n=h.dinilai_k[0], m=h.dinilai_k[1])),
        t(_("{n} dari {m}").format(n=h.dinilai_rp[0], m=h.dinilai_rp[1])),
    )
    out: list[Any] = [tabel]
    for judul, rp in ((_("Kinerja tidak dinilai"), False), (_("Anggaran tidak dinilai"), True)):
        sebab: dict[str, list[str]] = {}
        for b in h.baris:
            if not b.ulang:
                for x in b.tanpa_rp if rp else b.tanpa_k:
                    sebab.setdefault(x.pesan(), []).append(b.label)
        for pesan, nomor in sebab.items():
            out.append(t(f"{judul} — {pesan}: {', '.join(nomor)}"))
    for b in h.baris:
        if b.ulang and b.pertama:
            out.append(
                t(
                    _("{nomor} {uraian}: dihitung sekali, di {ulang}").format(
                        nomor=b.nomor, uraian=b.uraian, ulang=b.ulang
                    )
                )
            )
    return out


def periode_teks(dinas: Dinas, hasil: HasilPeriode, e81: HasilE81 | None = None) -> list[Any]:
    """``show --triwulan``: the indikator table, then the budget table, then the
    E.81 of the quarters up to then."""
    from rich.table import Table
    from rich.text import Text

    def t(value: object, style: str = "") -> Text:
        return Text(teks_layar("" if value is None else str(value)), style=style)

    sampai = (
        _("s.d. triwulan {n}").format(n=hasil.triwulan)
        if hasil.triwulan is not None
        else _("s.d. bulan {n}").format(n=hasil.bulan)
    )
    judul = f"{dinas.nama} {hasil.tahun}, {sampai}"
    ind = Table(title=t(judul), title_justify="left")
    for kolom, kanan in (
        (_("Indikator"), False),
        (_("Target setahun"), True),
        (_("Realisasi {sampai}").format(sampai=sampai), True),
        (_("Capaian thd target setahun (%)"), True),
        (_("Periode terisi"), True),
        (_("Catatan"), False),
    ):
        ind.add_column(kolom, justify="right" if kanan else "left")
    for i in hasil.indikator:
        ind.add_row(
            t(f"{i.indikator.id} {i.indikator.uraian}"),
            t(nilai(i.target) if i.target is not None else "-"),
            t(nilai(i.realisasi) if i.realisasi is not None else "-"),
            t(angka(i.capaian) if i.capaian is not None else "-"),
            t(f"{i.periode[0]}/{i.periode[1]}"),
            t(i.catatan or ""),
        )
    ang = Table(title=t(_("Anggaran {sampai}").format(sampai=sampai)), title_justify="left")
    for kolom, kanan in (
        (_("Program / kegiatan / sub kegiatan"), False),
        (_("Pagu (Rp)"), True),
        (_("Realisasi (Rp)"), True),
        (_("Serapan (%)"), True),
    ):
        ang.add_column(kolom, justify="right" if kanan else "left")
    for a in hasil.anggaran:
        pad = {"program": 0, "kegiatan": 2, "sub_kegiatan": 4}[a.tingkat]
        ang.add_row(
            t(" " * pad + f"{a.ident} {a.uraian}"),
            t(angka(a.pagu) if a.pagu is not None else "-"),
            t(angka(a.realisasi) if a.realisasi is not None else "-"),
            t(angka(a.serapan) if a.serapan is not None else "-"),
        )
    out: list[Any] = [ind]
    berlaku = _berlaku_teks(hasil.berlaku)
    if berlaku:
        out.append(t(berlaku))
    if hasil.anggaran:
        out.append(ang)
    if e81 is not None:
        out += e81_teks(e81)
    return out
