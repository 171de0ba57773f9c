"""Rencana Kinerja Tahunan (RKT): cover, the narrative the dinas wrote, visi and misi,
tujuan → sasaran → indikator with the year's targets, the "Formulir Rencana Kinerja
Tahunan Tingkat OPD", the rencana anggaran, and the evaluation of the previous year.

Two layouts, chosen from the narrative files that exist (``<tahun>/narasi/rkt/``):

* ``bab`` — KATA PENGANTAR, DAFTAR ISI, BAB I Pendahuluan (1.1–1.4), BAB II RKT
  (2.1 evaluasi tahun lalu, 2.2 RKT tahun ini), BAB III Penutup and LAMPIRAN, as in the
  Sinjai RKT 2018.  Files: ``kata-pengantar``, ``bab1/{latar-belakang,landasan-hukum,
  maksud-tujuan,sistematika}``, ``bab2/{evaluasi-<tahun lalu>,sasaran-strategik,
  indikator-target}``, ``bab3/penutup``.
* ``ringkas`` — one titled page with sections a.–e. and the formulir, as in the Blora
  RKT 2020.  Files: ``pengertian``, ``penetapan-sasaran``, ``indikator-kinerja``,
  ``penetapan-target``, ``rencana-kinerja``.

With no RKT narrative at all the ``bab`` layout is used; every section a dinas has not
written gets the template's standard wording.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from markupsafe import Markup

from sakipgen.format import nilai, rupiah
from sakipgen.i18n import _
from sakipgen.model.anggaran import IndikatorKegiatan, Kegiatan
from sakipgen.model.folder import Dinas
from sakipgen.model.hasil import HasilTahun
from sakipgen.model.renstra import Indikator, Sasaran
from sakipgen.model.tahun import TargetIndikator
from sakipgen.pipeline import Bundel
from sakipgen.render import xml
from sakipgen.render.dokumen import DataKurang, Dokumen
from sakipgen.render.tabel import Kol, Sel, merge_column
from sakipgen.render.umum import (
    dengan_catatan_negatif,
    dengan_satuan,
    meta,
    pct,
    penandatangan,
    periksa_penandatangan,
    tempat_tanggal,
)

NARASI_BAB = (
    "kata-pengantar",
    "bab1/latar-belakang",
    "bab1/landasan-hukum",
    "bab1/maksud-tujuan",
    "bab1/sistematika",
    "bab2/evaluasi",
    "bab2/sasaran-strategik",
    "bab2/indikator-target",
    "bab3/penutup",
)
NARASI_RINGKAS = (
    "pengertian",
    "penetapan-sasaran",
    "indikator-kinerja",
    "penetapan-target",
    "rencana-kinerja",
)
SUMBER = {"rkt": "RKT", "pk": "Perjanjian Kinerja", "renstra": "Renstra"}


def target_rkt(dinas: Dinas, tahun: int) -> tuple[str, dict[str, TargetIndikator]] | None:
    """The year's planned targets: ``target.yaml`` ``rkt``, else ``pk``, else the Renstra
    target of the year.  Entries written ``-`` (not planned that year) are left out."""
    t = dinas.tahun.get(tahun)
    model = t.target.model if t and t.target else None
    for name in ("rkt", "pk"):
        doc = getattr(model, name) if model is not None else None
        if doc is not None and doc.indikator:
            return name, {k: v for k, v in doc.indikator.items() if v.target.jenis != "kosong"}
    plan = {
        i.id: TargetIndikator(target=i.target[tahun])
        for _, i in dinas.renstra.model.indikator()
        if tahun in i.target and i.target[tahun].jenis != "kosong"
    }
    return ("renstra", plan) if plan else None


@dataclass(frozen=True)
class BarisSasaran:
    sasaran: Sasaran
    indikator: list[tuple[Indikator, TargetIndikator]]


def _rencana(dinas: Dinas, targets: dict[str, TargetIndikator]) -> list[BarisSasaran]:
    out = []
    for sas in dinas.renstra.model.sasaran:
        items = [(i, targets[i.id]) for i in sas.indikator if i.id in targets]
        if items:
            out.append(BarisSasaran(sas, items))
    return out


def narasi_evaluasi(doc: Dokumen, tahun: int) -> str | None:
    """``rkt/bab2/evaluasi-<tahun lalu>`` (as Sinjai names it), else ``rkt/bab2/evaluasi``."""
    for name in (f"rkt/bab2/evaluasi-{tahun - 1}", "rkt/bab2/evaluasi"):
        if doc.ada_narasi(name):
            return name
    return None


def tata_letak(doc: Dokumen, tahun: int) -> str:
    if narasi_evaluasi(doc, tahun) or any(doc.ada_narasi(f"rkt/{n}") for n in NARASI_BAB):
        return "bab"
    if any(doc.ada_narasi(f"rkt/{n}") for n in NARASI_RINGKAS):
        return "ringkas"
    return "bab"


def _baris_indikator(items: list[IndikatorKegiatan]) -> tuple[str, str]:
    """Indikator and target cells of a program or kegiatan (one line per indikator)."""
    return (
        "\n".join(i.uraian for i in items),
        "\n".join(dengan_satuan(i.target, i.satuan) if i.target else "-" for i in items),
    )


def konteks(bundel: Bundel, tahun: int, doc: Dokumen) -> dict[str, Any]:
    dinas = bundel.dinas
    assert dinas is not None
    anggaran = bundel.hasil[tahun].anggaran
    found = target_rkt(dinas, tahun)
    if found is None:
        raise DataKurang(
            _(
                "tidak ada target tahun {tahun}: isi 'rkt' di {tahun}/target.yaml "
                "atau target tahun itu di renstra.yaml"
            ).format(tahun=tahun)
        )
    sumber, targets = found
    rencana = _rencana(dinas, targets)
    if not rencana:
        raise DataKurang(
            _("target tahun {tahun} tidak menunjuk indikator Renstra mana pun").format(tahun=tahun)
        )
    renstra = dinas.renstra.model
    ident = dinas.identitas.model
    m = meta(dinas, tahun, "rkt")
    t = dinas.tahun.get(tahun)
    programs = t.program() if t else []
    layout = tata_letak(doc, tahun)

    lalu: HasilTahun | None = None
    if (tahun - 1) in dinas.tahun:
        lalu = bundel.hasil[tahun - 1]
        if not lalu.ada_realisasi or not lalu.sasaran:
            lalu = None

    # --- tables ----------------------------------------------------------------------

    def tabel_formulir() -> Markup:
        """No | Sasaran Strategis | Indikator Kinerja | Satuan | Target, (1)…(5)."""
        rows: list[list[object]] = []
        group: list[int] = []
        for no, b in enumerate(rencana, 1):
            for k, (ind, entry) in enumerate(b.indikator):
                rows.append(
                    [
                        Sel(f"{no}.", align="center"),
                        b.sasaran.uraian,
                        f"{k + 1}. {ind.uraian}",
                        Sel(ind.satuan or "-", align="center"),
                        Sel(nilai(entry.target, satuan=False), align="center"),
                    ]
                )
                group.append(len(b.indikator) if k == 0 else 0)
        merge_column(rows, 0, group)
        merge_column(rows, 1, group)
        return doc.tabel(
            [Kol(0.8, "center"), Kol(3.6), Kol(4.2), Kol(1.6, "center"), Kol(1.8, "center")],
            [["No.", "SASARAN STRATEGIS", "INDIKATOR KINERJA", "SATUAN", "TARGET"]],
            rows,
        )

    def tabel_rkt() -> Markup:
        """Lampiran form: No | Sasaran Strategis | Indikator Kinerja | Target (with unit)."""
        rows: list[list[object]] = []
        group: list[int] = []
        for no, b in enumerate(rencana, 1):
            many = len(b.indikator) > 1
            for k, (ind, entry) in enumerate(b.indikator):
                rows.append(
                    [
                        Sel(f"{no}.", align="center"),
                        b.sasaran.uraian,
                        f"- {ind.uraian}" if many else ind.uraian,
                        Sel(dengan_satuan(entry.target, ind.satuan), align="center"),
                    ]
                )
                group.append(len(b.indikator) if k == 0 else 0)
        merge_column(rows, 0, group)
        merge_column(rows, 1, group)
        return doc.tabel(
            [Kol(0.8, "center"), Kol(4.2), Kol(4.8), Kol(1.8, "center")],
            [["No", "SASARAN STRATEGIS", "INDIKATOR KINERJA", "TARGET"]],
            rows,
        )

    tujuan_ids = {tj.id for tj in renstra.tujuan}
    ada_tujuan = any(b.sasaran.tujuan in tujuan_ids for b in rencana)

    def tabel_tujuan() -> Markup:
        """Tujuan | Indikator Tujuan | Sasaran | Indikator Sasaran | Target (Sinjai Tabel 2.4)."""
        order: list[tuple[str, str, list[BarisSasaran]]] = []
        for tj in renstra.tujuan:
            members = [b for b in rencana if b.sasaran.tujuan == tj.id]
            if not members:
                continue
            lines = []
            for ind_t in tj.indikator:
                text = ind_t.uraian
                if tahun in ind_t.target:
                    text += f" ({dengan_satuan(ind_t.target[tahun], ind_t.satuan)})"
                lines.append(text)
            if len(lines) > 1:
                lines = [f"{i}. {x}" for i, x in enumerate(lines, 1)]
            order.append((tj.uraian, "\n".join(lines) or "-", members))
        rest = [b for b in rencana if b.sasaran.tujuan not in tujuan_ids]
        if rest:
            order.append(("-", "-", rest))
        rows: list[list[object]] = []
        g_tujuan: list[int] = []
        g_sasaran: list[int] = []
        for uraian, indikator_tujuan, members in order:
            n_tujuan = sum(len(b.indikator) for b in members)
            first_t = True
            for b in members:
                many = len(b.indikator) > 1
                for k, (ind, entry) in enumerate(b.indikator):
                    rows.append(
                        [
                            uraian,
                            indikator_tujuan,
                            b.sasaran.uraian,
                            f"{k + 1}. {ind.uraian}" if many else ind.uraian,
                            Sel(dengan_satuan(entry.target, ind.satuan), align="center"),
                        ]
                    )
                    g_tujuan.append(n_tujuan if first_t else 0)
                    g_sasaran.append(len(b.indikator) if k == 0 else 0)
                    first_t = False
        merge_column(rows, 0, g_tujuan)
        merge_column(rows, 1, g_tujuan)
        merge_column(rows, 2, g_sasaran)
        return doc.tabel(
            [Kol(2.4), Kol(2.2), Kol(2.6), Kol(3.2), Kol(2.6, "center")],
            [
                [
                    "TUJUAN",
                    "INDIKATOR TUJUAN",
                    "SASARAN",
                    "INDIKATOR SASARAN",
                    f"TARGET KINERJA INDIKATOR SASARAN PADA TAHUN {tahun}",
                ]
            ],
            rows,
            nomor_kolom=False,
        )

    def pagu_kegiatan(unit: Kegiatan) -> int | None:
        assert anggaran is not None  # programs come from anggaran.yaml
        return anggaran.pos(unit).pagu

    pagu = bundel.anggaran_rkt[tahun]
    ada_kegiatan = any(p.kegiatan for p in programs)

    def tabel_anggaran() -> Markup:
        """Program → indikator, target, pagu → kegiatan → indikator, target, pagu; totals."""
        rows: list[list[object]] = []
        group: list[int] = []
        for i, p in enumerate(programs, 1):
            ind, tgt = _baris_indikator(p.indikator)
            head: list[object] = [
                Sel(p.nomor or str(i), align="center"),
                p.uraian,
                ind or "-",
                Sel(tgt or "-", align="center"),
                Sel(rupiah(pagu.pagu(p.id), prefix=""), align="right"),
            ]
            if not ada_kegiatan:
                rows.append(head)
                continue
            kegiatan: list[Kegiatan | None] = [*p.kegiatan] or [None]
            for k, keg in enumerate(kegiatan):
                row = list(head) if k == 0 else [Sel("", vmerge="continue")] * 5
                if keg is None:
                    row += ["-", "-", Sel("-", align="center"), Sel("-", align="right")]
                else:
                    k_ind, k_tgt = _baris_indikator(keg.indikator)
                    row += [
                        keg.uraian,
                        k_ind or "-",
                        Sel(k_tgt or "-", align="center"),
                        Sel(rupiah(pagu_kegiatan(keg), prefix=""), align="right"),
                    ]
                rows.append(row)
                group.append(len(kegiatan) if k == 0 else 0)
        if ada_kegiatan:
            for col in range(5):
                merge_column(rows, col, group)
        total = Sel(rupiah(pagu.jumlah, prefix=""), bold=True, align="right")
        if not ada_kegiatan:
            return doc.tabel(
                [Kol(0.7, "center"), Kol(4.0), Kol(3.6), Kol(1.6, "center"), Kol(2.2, "right")],
                [["No", "Program", "Indikator Kinerja", "Target", "Pagu Indikatif (Rp)"]],
                rows,
                nomor_kolom=False,
                footer=[[Sel("JUMLAH", span=4, bold=True, align="center"), total]],
                kecil=True,
            )
        cont = Sel("", vmerge="continue")
        return doc.tabel(
            [
                Kol(0.6, "center"),
                Kol(3.0),
                Kol(2.8),
                Kol(1.6, "center"),
                Kol(1.9, "right"),
                Kol(3.0),
                Kol(3.0),
                Kol(1.6, "center"),
                Kol(1.8, "right"),
            ],
            [
                [
                    Sel("No", vmerge="restart"),
                    Sel("Program", vmerge="restart"),
                    Sel("Indikator Kinerja", vmerge="restart"),
                    Sel("Target", vmerge="restart"),
                    Sel("Pagu Indikatif (Rp)", vmerge="restart"),
                    Sel("Kinerja", span=4),
                ],
                [
                    cont,
                    cont,
                    cont,
                    cont,
                    cont,
                    "Kegiatan",
                    "Indikator Kinerja",
                    "Target/ Satuan",
                    "Pagu Indikatif (Rp)",
                ],
            ],
            rows,
            nomor_kolom=False,
            footer=[
                [
                    Sel("JUMLAH", span=4, bold=True, align="center"),
                    total,
                    Sel("", span=3),
                    Sel(rupiah(pagu.jumlah_kegiatan, prefix=""), bold=True, align="right"),
                ]
            ],
            kecil=True,
        )

    def tabel_evaluasi() -> Markup:
        """No | Indikator Sasaran | Akhir Renstra | Target | Realisasi | % ; the mean last.
        Another plan's target of last year (``target_pembanding``) adds its target and
        the % against it beside them, outside the mean."""
        assert lalu is not None
        banding = lalu.pembanding
        rows: list[list[object]] = []
        no = 0
        for s in lalu.sasaran:
            for h in s.indikator:
                no += 1
                milik = {p.id: p for p in h.pembanding}
                kolom_banding: list[object] = []
                for pid, _nama in banding:
                    pb = milik.get(pid)
                    kolom_banding += [
                        Sel(nilai(pb.target, satuan=False) if pb else "-", align="center"),
                        Sel(pct(pb.capaian) if pb else "-", align="center"),
                    ]
                rows.append(
                    [
                        Sel(f"{no}.", align="center"),
                        h.indikator.uraian,
                        Sel(nilai(h.indikator.target_akhir, satuan=False), align="center"),
                        Sel(nilai(h.target, satuan=False), align="center"),
                        Sel(nilai(h.realisasi, satuan=False), align="center"),
                        Sel(pct(h.capaian), align="center"),
                        *kolom_banding,
                    ]
                )
        cont = Sel("", vmerge="continue")
        table = doc.tabel(
            [
                Kol(0.7, "center"),
                Kol(4.2),
                Kol(1.5, "center"),
                Kol(1.3, "center"),
                Kol(1.6, "center"),
                Kol(1.3, "center"),
                *[Kol(1.3, "center") for _b in banding for _kolom in (0, 1)],
            ],
            [
                [
                    Sel("No.", vmerge="restart"),
                    Sel("Indikator Sasaran", vmerge="restart"),
                    Sel(f"Akhir Renstra {renstra.periode.akhir}", vmerge="restart"),
                    Sel(f"Tahun {tahun - 1}", span=3),
                    *[Sel(nama, span=2) for _pid, nama in banding],
                ],
                [cont, cont, cont, "Target", "Realisasi", "%", *["Target", "%"] * len(banding)],
            ],
            rows,
            nomor_kolom=False,
            # The comparison columns need the small table text to keep numbers whole.
            kecil=bool(banding),
            footer=[
                [
                    Sel("Rata-rata capaian Kinerja", span=5, bold=True, align="center"),
                    Sel(pct(lalu.rata_rata_indikator), bold=True, align="center"),
                    *[Sel("") for _b in banding for _kolom in (0, 1)],
                ]
            ],
        )
        return dengan_catatan_negatif(
            doc, dinas, table, (h.indikator for s in lalu.sasaran for h in s.indikator)
        )

    tabel: dict[str, Callable[[], Markup]] = {
        "formulir": tabel_formulir,
        "rkt": tabel_rkt,
        "tujuan": tabel_tujuan,
        "anggaran": tabel_anggaran,
        "evaluasi": tabel_evaluasi,
    }
    rata_lalu: Decimal | None = lalu.rata_rata_indikator if lalu else None
    periksa_penandatangan(doc, dinas, m, tahun, "rkt", pihak_kedua=False)
    return {
        "judul": m.judul or f"Rencana Kinerja Tahunan {dinas.nama} Tahun {tahun}",
        "jenis_dokumen": "rkt",
        "tata_letak": layout,
        "tahun_lalu": tahun - 1,
        "tahun_susun": m.tanggal.year if m.tanggal else tahun - 1,
        "sumber_target": SUMBER[sumber],
        "renstra": renstra,
        "visi_misi": visi_misi(dinas),
        "penandatangan": penandatangan(dinas, m),
        "tempat_tanggal": tempat_tanggal(dinas, m, tahun - 1),
        "alamat": alamat(dinas),
        "tabel": tabel,
        "ada_tujuan": ada_tujuan,
        "ada_anggaran": bool(programs),
        "anggaran_lanskap": ada_kegiatan,
        "total_pagu": rupiah(pagu.jumlah),
        "ada_evaluasi": lalu is not None,
        "rata_rata_lalu": pct(rata_lalu),
        "narasi_evaluasi": narasi_evaluasi(doc, tahun),
        "opd": f"{ident.dinas.nama} {ident.pemda}".upper(),
        "p_ikut": p_ikut,
    }


def p_ikut(teks: str, *, bold: bool = False, align: str | None = None) -> Markup:
    """A paragraph kept on the page of what follows (the formulir's title lines)."""
    return xml.para(xml.run(teks, bold=bold), style="Normal", align=align, keep_next=True)


def visi_misi(dinas: Dinas) -> str:
    """Markdown stating the Renstra's visi and misi (or, without them, the RPJMD's that
    the dinas supports); empty when neither is recorded."""
    r = dinas.renstra.model
    pemda = dinas.identitas.model.pemda
    nama = f"{dinas.nama} {pemda}"
    periode = f"{r.periode.mulai}-{r.periode.akhir}"
    parts: list[str] = []
    huruf = "abcdefghijklmnopqrstuvwxyz"
    if r.visi:
        parts.append(
            f"Visi {nama} yang tertuang dalam Rencana Strategis (Renstra) Tahun {periode} "
            f"adalah **“{r.visi}”**."
        )
        if r.misi:
            parts.append(f"Untuk mewujudkan visi tersebut, {nama} menetapkan misi sebagai berikut:")
            parts.append("\n".join(f"{huruf[i % 26]}. {x.uraian}" for i, x in enumerate(r.misi)))
    elif r.rpjmd and r.rpjmd.visi:
        parts.append(f"{nama} mendukung visi RPJMD {pemda}, yaitu **“{r.rpjmd.visi}”**.")
        if r.rpjmd.misi:
            parts.append("Misi RPJMD yang didukung:")
            parts.append(
                "\n".join(f"{huruf[i % 26]}. {x.uraian}" for i, x in enumerate(r.rpjmd.misi))
            )
    return "\n\n".join(parts)


def alamat(dinas: Dinas) -> list[str]:
    """Address lines of the cover (from the kop surat); empty without one."""
    k = dinas.identitas.model.kop
    if k is None:
        return []
    lines = [k.alamat + (f" {k.kota}" if k.kota and k.kota not in k.alamat else "")]
    contact = " ".join(
        x
        for x in [f"Telp. {k.telepon}" if k.telepon else "", f"Fax. {k.faks}" if k.faks else ""]
        if x
    )
    if contact:
        lines.append(contact)
    return lines
