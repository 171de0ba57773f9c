"""Laporan Monitoring Rencana Aksi: the rencana aksi up to a triwulan (or a month) —
per tingkat (eselon II, III, IV, staf) each row's target and realisasi for the period
and to date, capaian and kategori, what remains of the annual target, and the money
spent; then the rows whose realisasi of a passed period is missing, and the
permasalahan and tindak lanjut per sasaran (``narasi/monitoring/triwulan-<n>/<S>``).

Landscape throughout: the tables are wide.  The figures are the pipeline's
(:mod:`sakipgen.calc.pemantauan`); nothing is computed here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from markupsafe import Markup

from sakipgen.format import angka, persen
from sakipgen.i18n import _
from sakipgen.model.hasil import BarisPemantauan, HasilPemantauan
from sakipgen.pipeline import Bundel
from sakipgen.render.dokumen import DataKurang, Dokumen
from sakipgen.render.paket import Seksi
from sakipgen.render.rencana_aksi import (
    NAMA_TINGKAT,
    TINGKAT,
    BarisCetak,
    PetaAnggaran,
    baris_cetak,
    nama_dinas_lengkap,
    tahun_rencana_aksi,
)
from sakipgen.render.tabel import Kol, Sel
from sakipgen.render.umum import (
    DIUKUR,
    RUMUS_NEGATIF,
    catatan_berlaku,
    judul_pk,
    meta,
    penandatangan,
    periksa_penandatangan,
    rumus_negatif,
    tanggal_laporan,
    tempat_tanggal,
)

BULAN = (
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember",
)  # fmt: skip
ROMAWI_TW = ("I", "II", "III", "IV")


def nama_periode(h: HasilPemantauan) -> str:
    """``Triwulan III`` or ``Bulan Agustus``."""
    if h.triwulan:
        return f"Triwulan {ROMAWI_TW[h.triwulan - 1]}"
    return f"Bulan {BULAN[h.bulan - 1]}"


def nama_berkas(h: HasilPemantauan) -> str:
    """The file name's period part: ``tw3`` or ``b08``."""
    return f"tw{h.triwulan}" if h.triwulan else f"b{h.bulan:02d}"


def _n(v: Decimal | None) -> str:
    return "-" if v is None else angka(v)


def _c(v: Decimal | None) -> str:
    return "-" if v is None else persen(v)


def _rp(v: int | None) -> str:
    return "-" if v is None else angka(v)


@dataclass(frozen=True)
class Kosong:
    """A row whose realisasi of a passed period is missing."""

    tingkat: str
    indikator: str
    periode: str


def _tabel(
    doc: Dokumen, cetak: list[BarisCetak], hasil: list[BarisPemantauan], periode: str, sd: str
) -> Markup:
    """One tingkat: a band row per sasaran, then its rows."""
    kolom = [
        Kol(0.35, "center"), Kol(3.0), Kol(3.0),
        Kol(0.8, "center"),
        Kol(0.75, "center"), Kol(0.75, "center"), Kol(0.7, "center"),
        Kol(0.75, "center"), Kol(0.75, "center"), Kol(0.7, "center"), Kol(0.9, "center"),
        Kol(0.75, "center"),
        Kol(1.1, "right"), Kol(1.1, "right"), Kol(0.65, "center"),
        Kol(1.6),
    ]  # fmt: skip

    def h(text: str, **kw: Any) -> Sel:
        return Sel(text, **kw)

    header = [
        [
            h("No", vmerge="restart"),
            h("Indikator Kinerja (Satuan)", vmerge="restart"),
            h("Program / Kegiatan / Sub Kegiatan", vmerge="restart"),
            h("Target Tahunan", vmerge="restart"),
            h(periode, span=3),
            h(sd, span=4),
            h("Sisa Target", vmerge="restart"),
            h("Anggaran (Rp)", vmerge="restart"),
            h(f"Realisasi Anggaran {sd} (Rp)", vmerge="restart"),
            h("Serapan (%)", vmerge="restart"),
            h("Penanggung Jawab", vmerge="restart"),
        ],
        [
            h("", vmerge="continue"), h("", vmerge="continue"), h("", vmerge="continue"),
            h("", vmerge="continue"),
            h("Target"), h("Realisasi"), h("Capaian (%)"),
            h("Target"), h("Realisasi"), h("Capaian (%)"), h("Kategori"),
            h("", vmerge="continue"), h("", vmerge="continue"), h("", vmerge="continue"),
            h("", vmerge="continue"), h("", vmerge="continue"),
        ],
    ]  # fmt: skip
    body: list[list[Any]] = []
    kelompok: object = None
    for no, (b, r) in enumerate(zip(cetak, hasil, strict=True), 1):
        if b.kelompok[1] != kelompok:
            kelompok = b.kelompok[1]
            if b.sasaran:
                body.append(
                    [Sel(f"Sasaran: {b.sasaran}", span=len(kolom), bold=True, align="left")]
                )
        indikator = f"{b.indikator} ({r.satuan})" if r.satuan else b.indikator
        tanda = " *" if r.kosong else ""
        body.append(
            [
                str(no),
                indikator,
                b.unit,
                _n(r.target_tahunan) + (" †" if r.target_tahunan_dari else ""),
                _n(r.target_periode),
                _n(r.realisasi_periode) + (tanda if r.realisasi_periode is None else ""),
                _c(r.capaian_periode),
                _n(r.target_sd),
                _n(r.realisasi_sd) + tanda,
                _c(r.capaian_sd),
                r.kategori_sd or "-",
                _n(r.sisa),
                _rp(r.anggaran),
                _rp(r.realisasi_anggaran),
                _c(r.serapan),
                b.penanggung_jawab,
            ]
        )
    return doc.tabel(kolom, header, body, kecil=True)


def konteks(bundel: Bundel, tahun: int, doc: Dokumen) -> dict[str, Any]:
    dinas, t, ra = tahun_rencana_aksi(bundel, tahun)
    h = bundel.pemantauan.get(tahun)
    if h is None:
        raise DataKurang(
            _(
                "belum ada realisasi per bulan atau triwulan tahun {tahun} (realisasi.yaml "
                "bulanan/triwulan, realisasi baris rencana aksi, atau realisasi anggaran "
                "per periode)"
            ).format(tahun=tahun)
        )
    m = meta(dinas, tahun, "monitoring")
    # Landscape from the first page: the tables are wide, the text is short.
    doc.seksi = Seksi(lanskap=True, nomor="decimal")
    nama_dinas = nama_dinas_lengkap(dinas)
    periode = nama_periode(h)
    rentang = (
        f"{BULAN[h.bulan_awal - 1]} – {BULAN[h.bulan - 1]} {tahun}"
        if h.bulan_awal != h.bulan
        else f"{BULAN[h.bulan - 1]} {tahun}"
    )
    sd = f"s.d. {periode}"
    target = t.target.model if t.target else None
    perubahan = target is not None and target.ada_pk_perubahan
    dari_pk = False
    ang = PetaAnggaran(t.program(), bundel.hasil[tahun].anggaran)
    ringkasan = bundel.rencana_aksi[tahun]

    tabel: list[tuple[str, Callable[[], Markup]]] = []
    kosong: list[Kosong] = []
    tertinggal: dict[str, list[str]] = {}
    urut = sorted(enumerate(ra.tabel), key=lambda x: TINGKAT.index(x[1].tingkat))
    for ti, tb in urut:
        cetak = baris_cetak(dinas, tb, ang, ringkasan[ti])
        hasil = list(h.tabel[ti])
        label = "Bulan" if tb.periode == "bulanan" else "Triwulan"
        for b, r, row in zip(cetak, hasil, tb.baris, strict=True):
            if r.kosong:
                kosong.append(
                    Kosong(
                        NAMA_TINGKAT[tb.tingkat],
                        b.indikator,
                        f"{label} " + ", ".join(str(p) for p in r.kosong),
                    )
                )
            dari_pk = dari_pk or r.target_tahunan_dari is not None
            found = dinas.indikator.get(row.indikator or "")
            sid = row.sasaran or (found[0].id if found else None)
            if sid and r.capaian_sd is not None and r.capaian_sd < 100:
                tertinggal.setdefault(sid, []).append(f"{b.indikator} ({persen(r.capaian_sd)}%)")

        def build(cetak: list[BarisCetak] = cetak, hasil: list[BarisPemantauan] = hasil) -> Markup:
            return _tabel(doc, cetak, hasil, periode, sd)

        judul = f"Rencana Aksi {NAMA_TINGKAT[tb.tingkat]}"
        tabel.append((judul, build))

    slug = f"monitoring/triwulan-{h.triwulan}" if h.triwulan else f"monitoring/bulan-{h.bulan}"
    sasaran = []
    for s in dinas.renstra.model.sasaran:
        nama = f"{slug}/{s.id}"
        if not doc.ada_narasi(nama):
            doc.peringatan(
                "H001",
                _(
                    "monitoring {tahun}: permasalahan dan tindak lanjut sasaran {sasaran} belum "
                    "ditulis ({tahun}/narasi/{nama}.md)"
                ).format(tahun=tahun, sasaran=s.id, nama=nama),
            )
        sasaran.append(
            {"id": s.id, "uraian": s.uraian, "narasi": nama, "tertinggal": tertinggal.get(s.id, [])}
        )
    periksa_penandatangan(doc, dinas, m, tahun, "monitoring", pihak_kedua=False)
    pada = tanggal_laporan(m, h.triwulan, h.bulan)
    berlaku = h.berlaku
    pk = judul_pk(berlaku, perubahan)
    catatan_pk = catatan_berlaku(berlaku, periode, tahun)
    if dari_pk and berlaku is not None:
        catatan_pk = (
            f"† Target tahunan menurut {DIUKUR.get(berlaku.sumber or '', 'PK')} Tahun {tahun}, "
            f"yang berlaku pada akhir "
            f"{periode}; angka tahunan baris rencana aksinya berbeda. Target per periode "
            "tetap menurut rencana aksi. " + catatan_pk
        ).strip()
    return {
        "judul": m.judul or f"Laporan Monitoring Rencana Aksi {periode} Tahun {tahun}",
        "jenis_dokumen": "monitoring",
        "akhiran": nama_berkas(h),
        "periode": periode,
        "rentang": rentang,
        "sd": sd,
        "judul_pk": pk,
        "catatan_pk": catatan_pk,
        "nama_dinas": nama_dinas,
        "pejabat": penandatangan(dinas, m),
        "tempat_tanggal": tempat_tanggal(dinas, m, tahun, pada),
        "tanggal_dokumen": pada,
        "tabel": tabel,
        "kosong": kosong,
        "daftar_kosong": "\n".join(
            f"{i}. {k.tingkat}: {k.indikator} — {k.periode}" for i, k in enumerate(kosong, 1)
        ),
        "sasaran": sasaran,
        # The negative formula of the rows' indikator (the dinas's when none is negative).
        "rumus_negatif": rumus_negatif(
            dinas,
            (
                dinas.indikator[b.indikator][1]
                for tb in ra.tabel
                for b in tb.baris
                if b.indikator in dinas.indikator
            ),
        )
        or RUMUS_NEGATIF[dinas.identitas.model.profil.metode_negatif],
    }
