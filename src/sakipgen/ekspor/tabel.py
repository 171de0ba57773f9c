"""The table view: one year's computed figures as rows and typed columns.

``export`` writes the tables of :func:`semua_tabel` as a workbook or CSV files
(:mod:`sakipgen.ekspor.berkas_xlsx`, :mod:`sakipgen.ekspor.berkas_csv`); ``show``
prints the two tables of :func:`tabel_layar` in the terminal
(:mod:`sakipgen.laporan.angka`).  Cells hold typed values, never formatted text:
each writer formats a column by its :data:`JenisKolom`.  ``None`` is "no figure"
(printed ``-`` on screen, empty in a file); ``""`` is "nothing belongs here"."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Literal

from sakipgen.format import SPASI, keterangan_dana
from sakipgen.i18n import N_, _
from sakipgen.model.anggaran import Program
from sakipgen.model.folder import Dinas
from sakipgen.model.hasil import SUMBER_TARGET, BarisE81, HasilIndikator, HasilTahun, Pos, Unit
from sakipgen.model.nilai import Nilai
from sakipgen.model.renstra import Indikator
from sakipgen.pipeline import Bundel

JenisKolom = Literal["teks", "rupiah", "persen", "angka", "cacah"]
"""``angka``: a target or realisasi, printed with the decimals it was written with;
``cacah``: a count or a row number."""

SelEkspor = str | int | Decimal | None


@dataclass(frozen=True)
class Kolom:
    judul: str
    jenis: JenisKolom = "teks"


@dataclass
class Tabel:
    nama: str
    """Sheet name (at most 31 characters)."""
    berkas: str
    """CSV file name without ``.csv``."""
    kolom: list[Kolom]
    baris: list[list[SelEkspor]] = field(default_factory=list)
    tebal: set[int] = field(default_factory=set)
    """Rows (0-based) printed bold: totals."""
    inden: dict[int, int] = field(default_factory=dict)
    """Indent level of a row's ``kolom_inden`` cell (kegiatan 1, sub kegiatan 2)."""
    kolom_inden: int | None = None

    def tambah(self, row: Sequence[SelEkspor], *, tebal: bool = False, inden: int = 0) -> None:
        assert len(row) == len(self.kolom)
        if tebal:
            self.tebal.add(len(self.baris))
        if inden:
            self.inden[len(self.baris)] = inden
        self.baris.append(list(row))


BERKAS_CSV = [
    "capaian-indikator",
    "capaian-sasaran",
    "iku",
    "pk-target",
    "pk-program",
    "rencana-aksi",
    "anggaran",
    "anggaran-sasaran",
    "e81",
]


# --- the tables ----------------------------------------------------------------------------


def _nilai(value: Nilai | None, satuan: str = "") -> SelEkspor:
    """A target or realisasi cell: the number when it is one (its unit word, if any, is
    the row's satuan or ``%``), else the text as written; None for ``-``."""
    if value is None or value.jenis == "kosong":
        return None
    if value.jenis == "angka" and value.angka is not None:
        unit = value.satuan.lower()
        if not unit or unit == "%" or unit == satuan.lower():
            return value.angka
    return value.teks


def _banding(hasil: HasilTahun, h: HasilIndikator, satuan: str) -> list[SelEkspor]:
    """The target and the capaian against it of each other plan the year compares
    with (``hasil.pembanding``), None where this indikator has none."""
    milik = {p.id: p for p in h.pembanding}
    out: list[SelEkspor] = []
    for pid, _nama in hasil.pembanding:
        pb = milik.get(pid)
        out += [_nilai(pb.target, satuan), pb.capaian] if pb else [None, None]
    return out


def tabel_capaian_indikator(hasil: HasilTahun) -> Tabel | None:
    """Every indikator of every sasaran, in the Renstra's order; one without a target this
    year has no figures ("tanpa target tahun ini")."""
    if not any(s.indikator for s in hasil.semua_sasaran):
        return None
    t = Tabel(
        "Capaian Indikator",
        "capaian-indikator",
        [
            Kolom("Kode Sasaran"),
            Kolom("Sasaran"),
            Kolom("Kode Indikator"),
            Kolom("Indikator"),
            Kolom("Satuan"),
            Kolom("Target", "angka"),
            Kolom("Sumber Target"),
            Kolom("Realisasi", "angka"),
            Kolom("Capaian (%)", "persen"),
            Kolom("Kategori"),
            *[Kolom(nama) for nama in hasil.skala_tambahan],
            Kolom("Capaian Tahun Lalu (%)", "persen"),
            Kolom("Capaian thd Target Akhir Renstra (%)", "persen"),
            Kolom("Kategori thd Target Akhir Renstra"),
            *[
                k
                for _pid, nama in hasil.pembanding
                for k in (
                    Kolom(f"Target {nama}", "angka"),
                    Kolom(f"Capaian thd Target {nama} (%)", "persen"),
                )
            ],
            Kolom("Keterangan"),
        ],
    )
    sumber = SUMBER_TARGET.get(hasil.sumber_target or "", "")
    for s in hasil.semua_sasaran:
        for h in s.baris():
            if isinstance(h, Indikator):
                t.tambah(
                    [s.sasaran.id, s.sasaran.uraian, h.id, h.uraian, h.satuan]
                    + [None] * (8 + len(hasil.skala_tambahan) + 2 * len(hasil.pembanding))
                    + ["tanpa target tahun ini"]
                )
                continue
            ket = []
            if h.manual:
                ket.append("capaian diisi manual")
            ket += [x for x in (h.alasan, h.keterangan) if x]
            satuan = h.indikator.satuan
            t.tambah(
                [
                    s.sasaran.id,
                    s.sasaran.uraian,
                    h.indikator.id,
                    h.indikator.uraian,
                    satuan,
                    _nilai(h.target, satuan),
                    sumber,
                    _nilai(h.realisasi, satuan),
                    h.capaian,
                    h.kategori,
                    *h.kategori_tambahan,
                    h.capaian_tahun_lalu,
                    h.capaian_target_akhir,
                    h.kategori_target_akhir,
                    *_banding(hasil, h, satuan),
                    "; ".join(ket) or None,
                ]
            )
    return t


def tabel_capaian_sasaran(hasil: HasilTahun) -> Tabel | None:
    if not hasil.ada_realisasi or not hasil.sasaran:
        return None
    t = Tabel(
        "Capaian Sasaran",
        "capaian-sasaran",
        [
            Kolom("Kode Sasaran"),
            Kolom("Sasaran"),
            Kolom("Jumlah Indikator", "cacah"),
            Kolom("Capaian (%)", "persen"),
            Kolom("Kategori"),
            *[Kolom(nama) for nama in hasil.skala_tambahan],
            Kolom("Capaian Tahun Lalu (%)", "persen"),
        ],
    )
    for s in hasil.semua_sasaran:  # a sasaran with nothing measured: 0, no capaian
        t.tambah(
            [
                s.sasaran.id,
                s.sasaran.uraian,
                len(s.indikator),
                s.capaian,
                s.kategori,
                *s.kategori_tambahan,
                s.capaian_tahun_lalu,
            ]
        )
    t.tambah(
        [
            None,
            "Capaian keseluruhan (rata-rata capaian sasaran)",
            sum(len(s.indikator) for s in hasil.sasaran),
            hasil.capaian,
            hasil.kategori,
            *hasil.kategori_tambahan,
            hasil.capaian_tahun_lalu,
        ],
        tebal=True,
    )
    kosong: list[SelEkspor] = [None] * len(hasil.skala_tambahan)
    t.tambah(
        [
            None,
            "Rata-rata capaian seluruh indikator",
            None,
            hasil.rata_rata_indikator,
            None,
            *kosong,
            None,
        ]
    )
    return t


def tabel_iku(dinas: Dinas) -> Tabel | None:
    renstra = dinas.renstra.model
    rows = [(s, i) for s, i in renstra.indikator() if i.iku]
    if not rows:
        return None
    years = list(renstra.periode.tahun)
    t = Tabel(
        "IKU",
        "iku",
        [
            Kolom("Kode Sasaran"),
            Kolom("Sasaran"),
            Kolom("Kode Indikator"),
            Kolom("Indikator Kinerja Utama"),
            Kolom("Satuan"),
            Kolom("Definisi Operasional/Formula"),
            *[Kolom(f"Target {y}", "angka") for y in years],
            Kolom("Target Akhir Renstra", "angka"),
            Kolom("Penanggung Jawab"),
            Kolom("Sumber Data"),
        ],
    )
    for s, i in rows:
        definisi = "\n".join(x for x in (i.definisi, i.formula) if x)
        t.tambah(
            [
                s.id,
                s.uraian,
                i.id,
                i.uraian,
                i.satuan,
                definisi or None,
                *[_nilai(i.target.get(y), i.satuan) for y in years],
                _nilai(i.target_akhir, i.satuan),
                i.penanggung_jawab,
                i.sumber_data,
            ]
        )
    return t


def tabel_pk(bundel: Bundel, tahun: int, peringatan: list[str]) -> list[Tabel]:
    dinas = bundel.dinas
    assert dinas is not None
    hasil_pk = bundel.pk.get(tahun)
    if hasil_pk is None:
        return []
    if hasil_pk.galat_revisi is not None:
        peringatan.append(
            _(
                "target semula dari revisi_pk tidak dapat dibaca ({exc}); kolom Target Semula "
                "hanya memuat yang tertulis di target.yaml"
            ).format(exc=hasil_pk.galat_revisi)
        )
    found = hasil_pk.target
    anggaran = bundel.hasil[tahun].anggaran
    doc = found.dokumen
    out: list[Tabel] = []
    kolom = [
        Kolom("Kode Sasaran"),
        Kolom("Sasaran"),
        Kolom("Kode Indikator"),
        Kolom("Indikator"),
        Kolom("Satuan"),
    ]
    if found.ada_semula:
        kolom += [Kolom("Target Semula", "angka"), Kolom("Target Perubahan", "angka")]
    else:
        kolom.append(Kolom("Target", "angka"))
    kolom.append(Kolom("Keterangan"))
    t = Tabel("PK Target", "pk-target", kolom)
    for s in dinas.renstra.model.sasaran:
        for i in s.indikator:
            entry = doc.indikator.get(i.id)
            if entry is None:
                continue
            values = [_nilai(entry.target, i.satuan)]
            if found.ada_semula:
                values.insert(0, _nilai(entry.semula, i.satuan))
            ket = "; ".join(x for x in (entry.alasan, entry.catatan) if x) or None
            t.tambah([s.id, s.uraian, i.id, i.uraian, i.satuan, *values, ket])
    if t.baris:
        out.append(t)
    programs = dinas.tahun[tahun].program()
    if programs:
        p = Tabel(
            "PK Program",
            "pk-program",
            [
                Kolom("No", "cacah"),
                Kolom("Id Program"),
                Kolom("Kode Program"),
                Kolom("Program"),
                Kolom("Anggaran (Rp)", "rupiah"),
                Kolom("Sumber Dana"),
            ],
        )
        assert anggaran is not None  # programs come from anggaran.yaml
        for n, prog in enumerate(programs, 1):
            # Plain spaces in a spreadsheet cell (the no-break space is for Word's lines).
            dana = keterangan_dana(prog, anggaran.bagian_dana(prog)).replace(SPASI, " ")
            pagu = hasil_pk.anggaran.pagu(prog.id)
            p.tambah([n, prog.id, prog.kode, prog.uraian, pagu, dana or None])
        jumlah = hasil_pk.anggaran.jumlah
        p.tambah([None, None, None, "JUMLAH", jumlah, None], tebal=True)
        out.append(p)
    return out


TINGKAT = {
    "eselon_ii": "Eselon II",
    "eselon_iii": "Eselon III",
    "eselon_iv": "Eselon IV",
    "staf": "Staf",
}
BULAN = ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"]
TRIWULAN = ["Tw I", "Tw II", "Tw III", "Tw IV"]


def tabel_rencana_aksi(bundel: Bundel, tahun: int) -> Tabel | None:
    dinas = bundel.dinas
    assert dinas is not None
    t_data = dinas.tahun.get(tahun)
    ra = t_data.rencana_aksi.model if t_data and t_data.rencana_aksi else None
    if ra is None:
        return None
    kinds = {tb.periode for tb in ra.tabel}
    periods: list[tuple[str, str]] = []  # (periode, column title)
    if "bulanan" in kinds:
        periods += [("bulanan", b) for b in BULAN]
    if "triwulan" in kinds:
        periods += [("triwulan", w) for w in TRIWULAN]
    t = Tabel(
        "Rencana Aksi",
        "rencana-aksi",
        [
            Kolom("Tingkat"),
            Kolom("Tabel"),
            Kolom("No"),
            Kolom("Kode Sasaran"),
            Kolom("Kode Indikator"),
            Kolom("Program"),
            Kolom("Kegiatan"),
            Kolom("Sub Kegiatan"),
            Kolom("Indikator/Uraian"),
            Kolom("Satuan"),
            *[Kolom(title, "angka") for _periode, title in periods],
            Kolom("Kumulatif"),
            Kolom("Target Setahun", "angka"),
            Kolom("Target Tahunan Tertulis", "angka"),
            Kolom("Anggaran (Rp)", "rupiah"),
            Kolom("Penanggung Jawab"),
        ],
    )
    ringkasan = bundel.rencana_aksi[tahun]
    for ti, tb in enumerate(ra.tabel):
        for bi, b in enumerate(tb.baris):
            found = dinas.indikator.get(b.indikator) if b.indikator else None
            ind = found[1] if found else None
            uraian = b.uraian or (ind.uraian if ind else "")
            satuan = b.satuan or (ind.satuan if ind else "")
            cara = dinas.cara_tahunan(b, tb)
            values = [_nilai(v, satuan) for v in b.target]
            cells: list[SelEkspor] = [
                values.pop(0) if periode == tb.periode else None for periode, _judul in periods
            ]
            t.tambah(
                [
                    TINGKAT.get(tb.tingkat, tb.tingkat),
                    tb.judul,
                    b.no,
                    b.sasaran,
                    b.indikator,
                    b.program,
                    b.kegiatan,
                    b.sub_kegiatan,
                    uraian,
                    satuan or None,
                    *cells,
                    {"akhir": "ya", "jumlah": "tidak", "rata_rata": "rata-rata"}[cara],
                    ringkasan[ti][bi].tahunan,
                    _nilai(b.target_tahunan, satuan),
                    b.anggaran,
                    b.penanggung_jawab,
                ]
            )
    return t if t.baris else None


def _angka_pos(pos: Pos, kategori: bool = False) -> list[SelEkspor]:
    """Pagu, realisasi, serapan (with its kategori when the dinas has a serapan scale),
    efisiensi and efisiensi % of a budget line, as computed."""
    kat: list[SelEkspor] = [pos.kategori_serapan] if kategori else []
    return [pos.pagu, pos.realisasi, pos.serapan, *kat, pos.efisiensi, pos.efisiensi_persen]


_KOLOM_POS: tuple[tuple[str, JenisKolom], ...] = (
    (N_("Pagu (Rp)"), "rupiah"),
    (N_("Realisasi (Rp)"), "rupiah"),
    (N_("Serapan (%)"), "persen"),
    (N_("Efisiensi (Rp)"), "rupiah"),
    (N_("Efisiensi (%)"), "persen"),
)


def _kolom_pos(judul: Callable[[str], str] = str, kategori: bool = False) -> list[Kolom]:
    """The columns of :func:`_angka_pos`: headers in Indonesian in files, translated
    on screen (``judul=_``)."""
    out = [Kolom(judul(j), jenis) for j, jenis in _KOLOM_POS]
    if kategori:
        out.insert(3, Kolom(judul(N_("Kategori Serapan"))))
    return out


def _ada_skala_serapan(dinas: Dinas) -> bool:
    return dinas.identitas.model.profil.skala_serapan is not None


def tabel_anggaran(dinas: Dinas, hasil: HasilTahun) -> list[Tabel]:
    a = hasil.anggaran
    if a is None:
        return []
    kat = _ada_skala_serapan(dinas)
    kolom = [
        Kolom("Tingkat"),
        Kolom("Id"),
        Kolom("Kode"),
        Kolom("Uraian"),
        Kolom("Sasaran"),
        *_kolom_pos(kategori=kat),
    ]
    t = Tabel("Anggaran", "anggaran", kolom, kolom_inden=3)

    def row(level: str, unit: Unit, inden: int, sasaran: str | None) -> None:
        t.tambah(
            [level, unit.id, unit.kode, unit.uraian, sasaran, *_angka_pos(a.pos(unit), kat)],
            inden=inden,
        )

    programs: Sequence[Program] = [pp.program for pp in a.program]
    for prog in programs:
        row("Program", prog, 0, ", ".join(prog.sasaran) or None)
        # A kegiatan or sub kegiatan shows the sasaran it names itself (issue 13:
        # "sasaran at every level"); blank where it serves its parent's.
        for k in prog.kegiatan:
            row("Kegiatan", k, 1, ", ".join(k.sasaran) or None)
            for sk in k.sub_kegiatan:
                row("Sub Kegiatan", sk, 2, ", ".join(sk.sasaran) or None)
    total = a.total
    t.tambah(
        [
            None,
            None,
            None,
            "JUMLAH",
            None,
            *_angka_pos(total, kat),
        ],
        tebal=True,
    )
    out = [t]
    if a.sasaran:
        names = dinas.sasaran
        s = Tabel(
            "Anggaran per Sasaran",
            "anggaran-sasaran",
            [
                Kolom("Kode Sasaran"),
                Kolom("Sasaran"),
                Kolom("Jumlah Program", "cacah"),
                *kolom[5:],
            ],
        )
        for pos in a.sasaran:
            label = names[pos.sasaran_id].uraian if pos.sasaran_id in names else None
            s.tambah(
                [
                    pos.sasaran_id,
                    label or "(program tanpa sasaran)",
                    len(pos.program),
                    *_angka_pos(pos, kat),
                ]
            )
        s.tambah(
            [
                None,
                "JUMLAH",
                len(a.program),
                *_angka_pos(total, kat),
            ],
            tebal=True,
        )
        out.append(s)
    return out


# --- what show prints ---------------------------------------------------------------------


def tabel_layar(dinas: Dinas, hasil: HasilTahun) -> list[Tabel]:
    """``show``'s two tables, in the active language: capaian (sasaran, with their
    indikator indented below them) and, when the year has a budget, anggaran (sasaran,
    with their programs indented, and the JUMLAH).  Before realisasi (a plan year)
    the realisasi, capaian and kategori cells hold ``""``."""
    ada = hasil.ada_realisasi
    manual = any(h.manual for s in hasil.sasaran for h in s.indikator)
    ket = [Kolom(_("Ket."))] if manual else []  # no empty column
    c = Tabel(
        _("Capaian"),
        "layar-capaian",
        [
            Kolom(_("Sasaran / Indikator")),
            Kolom(_("Satuan")),
            Kolom(_("Target"), "angka"),
            Kolom(_("Realisasi"), "angka"),
            Kolom(_("Capaian (%)"), "persen"),
            Kolom(_("Kategori")),
            *[Kolom(nama) for nama in hasil.skala_tambahan],
            Kolom(_("Tahun lalu (%)"), "persen"),
            *[
                k
                for _pid, nama in hasil.pembanding
                for k in (
                    Kolom(_("Target {nama}").format(nama=nama), "angka"),
                    Kolom(_("thd {nama} (%)").format(nama=nama), "persen"),
                )
            ],
            *ket,
        ],
        kolom_inden=0,
    )
    for s in hasil.semua_sasaran:
        lalu = s.capaian_tahun_lalu if s.capaian_tahun_lalu is not None else ""
        c.tambah(
            [f"{s.sasaran.id}. {s.sasaran.uraian}", "", "", "", s.capaian, s.kategori]
            + list(s.kategori_tambahan)
            + [lalu]
            + [""] * (2 * len(hasil.pembanding) + len(ket)),
            tebal=True,
        )
        for h in s.baris():
            if isinstance(h, Indikator):
                # No target this year: listed, without figures.
                c.tambah(
                    [f"{h.id} {h.uraian}", h.satuan, None, "", "", ""]
                    + [""] * (len(hasil.skala_tambahan) + 1 + 2 * len(hasil.pembanding) + len(ket)),
                    inden=1,
                )
                continue
            satuan = h.indikator.satuan
            c.tambah(
                [
                    f"{h.indikator.id} {h.indikator.uraian}",
                    satuan,
                    _nilai(h.target, satuan),
                    _nilai(h.realisasi, satuan) if ada else "",
                    h.capaian if ada else "",
                    h.kategori if ada else "",
                    *[k if ada else "" for k in h.kategori_tambahan],
                    h.capaian_tahun_lalu if h.capaian_tahun_lalu is not None else "",
                    *[x if x is not None or ada else "" for x in _banding(hasil, h, satuan)],
                ]
                + [_("manual") if h.manual else ""] * len(ket),
                inden=1,
            )
    out = [c]
    a = hasil.anggaran
    if a is not None:
        kat = _ada_skala_serapan(dinas)
        b = Tabel(
            _("Anggaran {tahun}").format(tahun=hasil.tahun),
            "layar-anggaran",
            [Kolom(_("Sasaran / Program")), *_kolom_pos(_, _ada_skala_serapan(dinas))],
            kolom_inden=0,
        )
        names = dinas.sasaran
        for pos in a.sasaran:
            uraian = names[pos.sasaran_id].uraian if pos.sasaran_id in names else ""
            label = (
                f"{pos.sasaran_id}. {uraian}" if pos.sasaran_id else _("(program tanpa sasaran)")
            )
            b.tambah([label, *_angka_pos(pos, kat)], tebal=True)
            for p in pos.program:
                b.tambah([p.program.uraian, *_angka_pos(p, kat)], inden=1)
        b.tambah([_("JUMLAH"), *_angka_pos(a.total, kat)], tebal=True)
        out.append(b)
    return out


def tabel_e81(bundel: Bundel, tahun: int) -> Tabel | None:
    """The E.81 form (Permendagri 86/2017) as a sheet: its columns (1)-(15), each
    figure column split into kinerja (K) and rupiah (Rp)."""
    h = bundel.e81.get(tahun)
    if h is None:
        return None
    pasangan = [
        "(5) Target Renstra akhir periode",
        "(6) Realisasi Renstra s.d. tahun lalu",
        "(7) Target Renja tahun ini",
        "(8) Realisasi triwulan I",
        "(9) Realisasi triwulan II",
        "(10) Realisasi triwulan III",
        "(11) Realisasi triwulan IV",
        "(12) Realisasi Renja yang dievaluasi",
        "(13) Realisasi Renstra s.d. tahun ini",
    ]
    kolom = [
        Kolom("(1) No"),
        Kolom("(2) Sasaran"),
        Kolom("(3) Program/Kegiatan"),
        Kolom("(4) Indikator"),
        Kolom("Satuan"),
    ]
    for judul in pasangan:
        kolom += [Kolom(f"{judul} K", "angka"), Kolom(f"{judul} Rp", "rupiah")]
    kolom += [
        Kolom("(14) Capaian Renstra s.d. tahun ini K (%)", "persen"),
        Kolom("(14) Capaian Renstra s.d. tahun ini Rp (%)", "persen"),
        Kolom("(15) Unit PD penanggung jawab"),
        Kolom("Keterangan"),
    ]
    out = Tabel("E.81", "e81", kolom)
    for b in h.baris:
        row: list[SelEkspor] = [
            b.nomor,
            b.uraian if b.tingkat == "sasaran" else "",
            "" if b.tingkat == "sasaran" else b.uraian,
            b.indikator,
            b.satuan,
        ]
        for x in (b.target_renstra, b.realisasi_lalu, b.target_tahun, *b.triwulan,
                  b.realisasi_tahun, b.realisasi_renstra):  # fmt: skip
            row += [x.k, x.rp if b.pertama else ""]
        row += [b.capaian_k, b.capaian_rp if b.pertama else "", b.unit, _keterangan_e81(b)]
        out.tambah(row, tebal=b.tingkat == "sasaran" and b.pertama)
    out.tambah(
        ["", "Rata-rata capaian kinerja (%)", "", "", "", *[""] * 18, h.rata_k, h.rata_rp, "",
         f"dinilai: kinerja {h.dinilai_k[0]} dari {h.dinilai_k[1]} baris, anggaran "
         f"{h.dinilai_rp[0]} dari {h.dinilai_rp[1]}"],
        tebal=True,
    )  # fmt: skip
    out.tambah(
        ["", "Predikat kinerja", "", "", "", *[""] * 18, h.predikat_k or "",
         h.predikat_rp or "", "", ""],
        tebal=True,
    )  # fmt: skip
    return out


def _keterangan_e81(b: BarisE81) -> str:
    """Why a row's column (14) is empty, and where a program listed twice counts."""
    parts = []
    if b.ulang:
        parts.append(f"dihitung sekali, di {b.ulang}")
    if b.tanpa_k:
        parts.append("(14) K tidak dinilai: " + "; ".join(t.teks() for t in b.tanpa_k))
    if b.tanpa_rp:
        parts.append("(14) Rp tidak dinilai: " + "; ".join(t.teks() for t in b.tanpa_rp))
    return ". ".join(parts)


def semua_tabel(bundel: Bundel, tahun: int) -> tuple[list[Tabel], list[str]]:
    """Every table the year has data for, and warnings (active language) for the user.
    The bundle comes from the pipeline with ``Pilihan(dokumen=True)``."""
    dinas = bundel.dinas
    assert dinas is not None
    hasil = bundel.hasil[tahun]
    peringatan: list[str] = []
    tables: list[Tabel | None] = [
        tabel_capaian_indikator(hasil),
        tabel_capaian_sasaran(hasil),
        tabel_iku(dinas),
        *tabel_pk(bundel, tahun, peringatan),
        tabel_rencana_aksi(bundel, tahun),
        *tabel_anggaran(dinas, hasil),
        tabel_e81(bundel, tahun),
    ]
    return [t for t in tables if t is not None], peringatan


def tanggal_data(dinas: Dinas, tahun: int) -> date:
    """The latest date in the year's ``dokumen.yaml``, else 1 January of the year."""
    t = dinas.tahun.get(tahun)
    found: list[date] = []
    if t and t.dokumen:
        for name in type(t.dokumen.model).model_fields:
            doc = getattr(t.dokumen.model, name)
            if doc is not None and doc.tanggal is not None:
                found.append(doc.tanggal)
    return max(found) if found else date(tahun, 1, 1)
