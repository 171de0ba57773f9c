"""``sakipgen init``: scaffold a new dinas folder that passes ``sakipgen check`` as written.

The files come from the templates in ``templates/init/`` (package data, like the
document templates): YAML and Markdown with Indonesian comments, rendered by Jinja
with ``[[ … ]]`` delimiters so that YAML flow mappings and narrative placeholders
(``{{ tahun }}``) pass through untouched.  Every value a user types is inserted as a
YAML scalar that reads back unchanged (quoted when needed), so a name such as
``Dinas: Koperasi # UKM`` cannot break a file.  The folder also gets ``schema/`` with
the JSON Schemas its files name in their first line, so an editor checks them when
the folder is opened on its own.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from importlib.resources import files
from pathlib import Path
from typing import Any

from sakipgen.errors import GalatPemakaian
from sakipgen.i18n import _

BAWAAN_PEMDA = "Kabupaten Contoh"
BAWAAN_DINAS = "Dinas Contoh"
LAMA_RENSTRA = 5
"""A Renstra covers five years; ``--start`` alone implies ``end = start + 4``."""

TAHUN_MIN, TAHUN_MAKS = 1945, 2100

# Template → path in the new folder ("{tahun}" is the year folder).
BERKAS: dict[str, str] = {
    "sakip.yaml.j2": "sakip.yaml",
    "renstra.yaml.j2": "renstra.yaml",
    "target.yaml.j2": "{tahun}/target.yaml",
    "realisasi.yaml.j2": "{tahun}/realisasi.yaml",
    "anggaran.yaml.j2": "{tahun}/anggaran.yaml",
    "dokumen.yaml.j2": "{tahun}/dokumen.yaml",
    "narasi.md.j2": "narasi/lkjip/bab2/iku.md",
}

Tanya = Callable[[str, Any], Any]
"""Ask the user: ``tanya(pertanyaan, bawaan)`` returns an answer of the default's type."""


class InitError(GalatPemakaian):
    """A request ``init`` refuses (the message is for the user, in the active language)."""


@dataclass(frozen=True)
class Isian:
    """What the new folder is about."""

    pemda: str
    dinas: str
    mulai: int
    akhir: int
    tahun: int


# --- collecting the answers -------------------------------------------------------------


def _periksa_teks(nama: str, nilai: str) -> str:
    teks = " ".join(nilai.split()) if "\n" not in nilai else ""
    if not teks:
        raise InitError(_("{nama} tidak boleh kosong dan harus satu baris").format(nama=nama))
    if any(ord(c) < 32 for c in teks) or "{{" in teks or "}}" in teks:
        raise InitError(
            _("{nama} '{nilai}' memuat karakter yang tidak dapat dipakai").format(
                nama=nama, nilai=nilai
            )
        )
    return teks


def _periksa_tahun(nama: str, nilai: int) -> int:
    if not TAHUN_MIN <= nilai <= TAHUN_MAKS:
        raise InitError(
            _("{nama} {nilai} bukan tahun yang wajar (misalnya 2025)").format(
                nama=nama, nilai=nilai
            )
        )
    return nilai


def lengkapi(
    *,
    pemda: str | None,
    dinas: str | None,
    mulai: int | None,
    akhir: int | None,
    tahun: int | None,
    tanya: Tanya | None,
    hari_ini: date,
) -> tuple[Isian, list[str]]:
    """Fill in what the flags left out: by asking (``tanya``, on a terminal) or with
    defaults.  Returns the answers and, without ``tanya``, the defaults used (for the
    message that says which)."""
    bawaan: list[str] = []

    def ambil(nilai: Any, pertanyaan: str, default: Any, label: str) -> Any:
        if nilai is not None:
            return nilai
        if tanya is not None:
            return tanya(pertanyaan, default)
        bawaan.append(f'{label} "{default}"' if isinstance(default, str) else f"{label} {default}")
        return default

    pemda = _periksa_teks("pemda", ambil(pemda, _("Pemerintah daerah"), BAWAAN_PEMDA, "--pemda"))
    dinas = _periksa_teks("dinas", ambil(dinas, _("Nama dinas"), BAWAAN_DINAS, "--dinas"))
    if mulai is None and akhir is not None:
        awal_bawaan = akhir - (LAMA_RENSTRA - 1)
    else:
        awal_bawaan = tahun if tahun is not None else hari_ini.year
    mulai = _periksa_tahun(
        _("tahun mulai"), ambil(mulai, _("Tahun mulai Renstra"), awal_bawaan, "--start")
    )
    akhir = _periksa_tahun(
        _("tahun akhir"),
        ambil(akhir, _("Tahun akhir Renstra"), mulai + LAMA_RENSTRA - 1, "--end"),
    )
    if akhir < mulai:
        raise InitError(
            _("tahun akhir Renstra {akhir} lebih awal dari tahun mulai {mulai}").format(
                akhir=akhir, mulai=mulai
            )
        )
    tahun_bawaan = hari_ini.year if mulai <= hari_ini.year <= akhir else mulai
    tahun = _periksa_tahun(
        _("tahun"), ambil(tahun, _("Tahun data pertama"), tahun_bawaan, "--year")
    )
    if not mulai <= tahun <= akhir:
        raise InitError(
            _("tahun {tahun} di luar periode Renstra {mulai}–{akhir}").format(
                tahun=tahun, mulai=mulai, akhir=akhir
            )
        )
    return Isian(pemda, dinas, mulai, akhir, tahun), bawaan


def periksa_folder(folder: Path, *, force: bool) -> None:
    """Refuse a folder that already holds something, unless ``force``."""
    if folder.exists() and not folder.is_dir():
        raise InitError(_("'{folder}' sudah ada dan bukan folder").format(folder=folder))
    if folder.is_dir() and any(folder.iterdir()) and not force:
        raise InitError(
            _(
                "folder '{folder}' sudah berisi berkas; 'sakipgen init' tidak menimpa data yang "
                "ada. Pilih folder baru atau kosong, atau tambahkan --force untuk menimpa berkas "
                "contoh (berkas lain dibiarkan)."
            ).format(folder=folder)
        )


# --- writing the folder ----------------------------------------------------------------


def skalar_yaml(teks: str) -> str:
    """``teks`` as a YAML scalar for a block mapping value: plain when it reads back as
    the same text, otherwise double-quoted (a JSON string is a valid YAML one)."""
    from ruamel.yaml import YAML
    from ruamel.yaml.error import YAMLError

    try:
        data = YAML(typ="safe", pure=True).load(f"k: {teks}\n")
    except (YAMLError, ValueError):
        data = None
    if isinstance(data, dict) and data.get("k") == teks and type(data["k"]) is str:
        return teks
    return json.dumps(teks, ensure_ascii=False)


def _tanpa_awalan(pemda: str) -> tuple[str, str]:
    """``Kabupaten Blora`` → (``Bupati``, ``Blora``): the head of the pemda and its name."""
    for awalan, kepala in (
        ("Kabupaten ", "Bupati"),
        ("Kab. ", "Bupati"),
        ("Kota ", "Wali Kota"),
        ("Provinsi ", "Gubernur"),
    ):
        if pemda.lower().startswith(awalan.lower()) and pemda[len(awalan) :].strip():
            return kepala, pemda[len(awalan) :].strip()
    return "Kepala Daerah", pemda


def _deret(awal: int, akhir: int, tahun: list[int]) -> dict[int, int]:
    """Targets moving evenly from ``awal`` to ``akhir`` over the years, in whole numbers
    (never a fraction a count unit would reject, never an ambiguous ``6.825``)."""
    if len(tahun) == 1:
        return {tahun[0]: akhir}
    langkah = Decimal(akhir - awal) / (len(tahun) - 1)
    return {
        t: int((awal + langkah * i).quantize(Decimal(1), rounding=ROUND_HALF_UP))
        for i, t in enumerate(tahun)
    }


def _peta(nilai: dict[int, int]) -> str:
    return "{" + ", ".join(f"{k}: {v}" for k, v in nilai.items()) + "}"


def _per_triwulan(jumlah: int) -> dict[int, int]:
    """A year's count spread over its four quarters, adding up to it (9 → 3, 2, 2, 2)."""
    bagi, sisa = divmod(jumlah, 4)
    return {tw: bagi + (1 if tw <= sisa else 0) for tw in range(1, 5)}


def konteks(isian: Isian) -> dict[str, Any]:
    """The values the templates fill in."""
    kepala_daerah, nama_daerah = _tanpa_awalan(isian.pemda)
    tahun = list(range(isian.mulai, isian.akhir + 1))
    ik11 = _deret(80, 90, tahun)  # Persentase layanan tepat waktu (positif)
    ik12 = _deret(10, 2, tahun)  # Jumlah pengaduan tidak ditindaklanjuti (negatif)
    t = isian.tahun
    return {
        "pemda": isian.pemda,
        "dinas": isian.dinas,
        "ibukota": nama_daerah,
        "atasan_jabatan": f"{kepala_daerah} {nama_daerah}",
        "kepala_jabatan": f"Kepala {isian.dinas} {isian.pemda}",
        "mulai": isian.mulai,
        "akhir": isian.akhir,
        "tahun": t,
        "tahun_baseline": isian.mulai - 1,
        "target_ik11": _peta(ik11),
        "target_ik12": _peta(ik12),
        # Pagu indikatif of the Renstra: the year's anggaran.yaml pagu every year.
        "pagu_p01": _peta(dict.fromkeys(tahun, 500000000)),
        "pagu_k011": _peta(dict.fromkeys(tahun, 300000000)),
        "pagu_k012": _peta(dict.fromkeys(tahun, 200000000)),
        "akhir_ik11": ik11[isian.akhir],
        "akhir_ik12": ik12[isian.akhir],
        "pk_ik11": ik11[t],
        "pk_ik12": ik12[t],
        "real_ik11": ik11[t] + 2,  # a little above target: capaian above 100
        "real_ik12": max(ik12[t] - 1, 0),
        "triwulan_ik12": _peta(_per_triwulan(max(ik12[t] - 1, 0))),
        "tanggal_rkt": f"{t - 1}-06-30",
        "tanggal_pk": f"{t}-01-31",
        "tanggal_lkjip": f"{t + 1}-01-31",
    }


def folder_templat() -> Path:
    return Path(str(files("sakipgen.templates"))) / "init"


def render(isian: Isian) -> dict[str, str]:
    """Path in the new folder → its text."""
    from jinja2 import Environment, StrictUndefined

    env = Environment(
        variable_start_string="[[",
        variable_end_string="]]",
        block_start_string="[%",
        block_end_string="%]",
        comment_start_string="[#",
        comment_end_string="#]",
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        autoescape=False,
    )
    env.filters["yaml"] = skalar_yaml
    nilai = konteks(isian)
    folder = folder_templat()
    out: dict[str, str] = {}
    for templat, tujuan in BERKAS.items():
        teks = (folder / templat).read_text(encoding="utf-8")
        out[tujuan.format(tahun=isian.tahun)] = env.from_string(teks).render(nilai)
    return out


def buat(folder: Path, isian: Isian) -> list[Path]:
    """Write the new dinas folder; return every path written (schemas included)."""
    from sakipgen.skema import tulis_skema
    from sakipgen.write import tulis_atomik

    written: list[Path] = []
    for relatif, teks in render(isian).items():
        path = folder / relatif
        tulis_atomik(path, teks.encode("utf-8"))
        written.append(path)
    written.extend(tulis_skema(folder / "schema"))
    return written


def _lapor_bawaan(bawaan: list[str], lapor: Callable[[str], None]) -> None:
    """Say which defaults were used when there was no terminal to ask on."""
    if bawaan:
        lapor(
            _(
                "Tidak ada terminal untuk bertanya; memakai nilai bawaan: {bawaan}"
                ". Ubah dengan opsi tersebut, atau sunting berkasnya."
            ).format(bawaan=", ".join(bawaan))
        )


def inisialisasi(
    folder: Path,
    *,
    pemda: str | None = None,
    dinas: str | None = None,
    mulai: int | None = None,
    akhir: int | None = None,
    tahun: int | None = None,
    force: bool = False,
    tanya: Tanya | None = None,
    lapor: Callable[[str], None] = lambda _: None,
    hari_ini: date | None = None,
) -> list[Path]:
    """``sakipgen init``: check the folder, collect the answers, write the files.
    Raises :class:`InitError` for a request it refuses."""
    periksa_folder(folder, force=force)
    isian, bawaan = lengkapi(
        pemda=pemda,
        dinas=dinas,
        mulai=mulai,
        akhir=akhir,
        tahun=tahun,
        tanya=tanya,
        hari_ini=hari_ini or date.today(),
    )
    _lapor_bawaan(bawaan, lapor)
    try:
        return buat(folder, isian)
    except OSError as exc:  # no permission, a full disk: for the user to fix
        raise InitError(str(exc)) from exc


# --- a new folder from a filled input workbook (init --from) ----------------------------


@dataclass
class HasilDariBuku:
    """What ``init --from`` wrote, and what it found (nothing is written on an error)."""

    ditulis: list[Path]
    diagnostics: list[Any]


def kerangka_teks(kerangka: Any, isian: Isian) -> dict[str, str]:
    """The skeleton files (relative path → text) the import then fills: ``sakip.yaml``
    and the year's ``dokumen.yaml`` as plain ``init`` writes them, and ``renstra.yaml``
    with the workbook's sasaran and indikator (the import adds every other file)."""
    from sakipgen.impor.sunting import teks_blok

    semua = render(isian)
    out = {k: v for k, v in semua.items() if k in ("sakip.yaml", f"{isian.tahun}/dokumen.yaml")}
    sasaran: list[Any] = []
    for s in kerangka.sasaran:
        indikator: list[Any] = []
        for i in s.indikator:
            entry: dict[str, Any] = {"id": i.id, "uraian": i.uraian}
            if i.satuan:
                entry["satuan"] = i.satuan
            entry["target"] = {}  # filled in year order by the import: {2020: 32, 2021: 32}
            indikator.append(entry)
        sasaran.append({"id": s.id, "uraian": s.uraian, "indikator": indikator})
    out["renstra.yaml"] = "\n".join(
        [
            "# yaml-language-server: $schema=schema/renstra.schema.json",
            # The folder's files are in Indonesian whatever the language of the messages.
            "# renstra.yaml: dibuat 'sakipgen init --from' dari lembar Target buku kerja.",
            "# Lengkapi visi, misi, tujuan dan keterangan indikator (definisi, formula,",
            "# sumber_data); target setiap tahun sudah diisi dari buku kerja.",
            *teks_blok(
                {"periode": {"mulai": isian.mulai, "akhir": isian.akhir}, "sasaran": sasaran},
                0,
                flow=False,
            ),
            "",
        ]
    )
    return out


def dari_buku(
    folder: Path,
    buku: Path,
    *,
    pemda: str | None = None,
    dinas: str | None = None,
    force: bool = False,
    tanya: Tanya | None = None,
    lapor: Callable[[str], None] = lambda _: None,
    hari_ini: date | None = None,
) -> HasilDariBuku:
    """``sakipgen init DIR --from FILE.xlsx``: a dinas folder made from a filled input
    workbook.  The skeleton is written and the workbook imported into it in a private
    folder; only a result without errors is copied to ``folder``."""
    import tempfile

    from sakipgen import impor
    from sakipgen.diagnostics import Diagnostic, Severity
    from sakipgen.impor.kerangka import baca_kerangka
    from sakipgen.pipeline import siapkan
    from sakipgen.skema import tulis_skema
    from sakipgen.write import tulis_atomik

    periksa_folder(folder, force=force)
    kerangka = baca_kerangka(buku)
    diags: list[Diagnostic] = list(kerangka.diagnostics)
    if kerangka.renstra is None or not kerangka.sasaran:
        return HasilDariBuku([], diags)
    # A row the frame could not read (an indikator without its sasaran id) is an error;
    # the rest is still imported, so that every problem of the workbook is told at once.
    mulai, akhir = kerangka.renstra
    isian, bawaan = lengkapi(
        pemda=pemda,
        dinas=dinas,
        mulai=mulai,
        akhir=akhir,
        tahun=max(kerangka.tahun) if kerangka.tahun else akhir,
        tanya=tanya,
        hari_ini=hari_ini or date.today(),
    )
    _lapor_bawaan(bawaan, lapor)
    with tempfile.TemporaryDirectory(prefix="sakipgen-init-") as tmp:
        kerja = Path(tmp) / (folder.resolve().name or "dinas")
        for rel, teks in kerangka_teks(kerangka, isian).items():
            (kerja / rel).parent.mkdir(parents=True, exist_ok=True)
            (kerja / rel).write_text(teks, encoding="utf-8")
        for tahun in kerangka.tahun:
            (kerja / str(tahun)).mkdir(exist_ok=True)

        def tampil(d: Diagnostic) -> Diagnostic:
            return impor.pindah_lokasi(d, kerja, folder)

        awal = siapkan(kerja)
        if awal.dinas is None or awal.galat:
            return HasilDariBuku([], [*diags, *map(tampil, awal.diagnostics)])
        rencana = impor.rencanakan(kerja, awal, buku)
        diags.extend(tampil(d) for d in rencana.diagnostics)
        if rencana.gagal or any(d.severity == Severity.ERROR for d in diags):
            return HasilDariBuku([], diags)
        impor.tulis_rencana(kerja, rencana)
        akhir_bundel = siapkan(kerja)
        diags.extend(tampil(d) for d in akhir_bundel.diagnostics if d not in rencana.diagnostics)
        if akhir_bundel.galat:
            return HasilDariBuku([], diags)
        written: list[Path] = []
        try:
            for path in sorted(p for p in kerja.rglob("*") if p.is_file()):
                target = folder / path.relative_to(kerja)
                tulis_atomik(target, path.read_bytes())
                written.append(target)
            written.extend(tulis_skema(folder / "schema"))
        except OSError as exc:
            raise InitError(str(exc)) from exc
        return HasilDariBuku(written, diags)
