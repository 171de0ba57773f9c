"""K024: the example values ``sakipgen init`` writes, left in a dinas's files.

``init`` fills a new folder with commented example content that passes ``check``: a
kepala dinas named ``NAMA KEPALA DINAS``, a NIP of 1 January 1970, a program coded
``X.XX.02``, one sasaran with two indikator.  Left in place, they would be printed on
a PK or an LKjIP; each is a warning at its file and line, so a new dinas sees what is
still to be replaced.  The values are those of ``templates/init`` (a test renders the
templates and finds every one of them there), compared by key, ignoring case and
spacing; numbers (targets, pagu) are not flagged, a dinas's own may be the same.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sakipgen.diagnostics import Diagnostic
from sakipgen.i18n import _
from sakipgen.model.folder import Dinas
from sakipgen.model.sumber import SourceMap, YamlPath

CONTOH_INIT: dict[str, dict[str, tuple[str, ...]]] = {
    "sakip.yaml": {
        "alamat": ("Jalan Contoh No. 1",),
        "kode_pos": ("00000",),
        "telepon": ("(0000) 000000",),
        "nama": ("NAMA KEPALA DINAS, S.E., M.M.",),
        "nip": ("19700101 199503 1 001",),
    },
    "renstra.yaml": {
        "visi": ("Terwujudnya pelayanan publik yang cepat, tepat dan terpercaya",),
        "uraian": (
            "Meningkatkan kualitas dan ketepatan waktu pelayanan kepada masyarakat",
            "Meningkatkan kepuasan masyarakat atas pelayanan dinas",
            "Indeks kepuasan masyarakat",
            "Meningkatnya kualitas pelayanan publik dinas",
            "Persentase layanan yang diselesaikan tepat waktu",
            "Jumlah pengaduan masyarakat yang tidak ditindaklanjuti",
            "Program Peningkatan Kualitas Pelayanan",
            "Penyusunan dan Evaluasi Standar Pelayanan",
            "Pengelolaan Pengaduan Masyarakat",
        ),
        "strategi": ("Menyederhanakan prosedur dan memantau waktu penyelesaian setiap layanan.",),
        "kebijakan": ("Menerapkan standar pelayanan dan mengevaluasinya setiap triwulan.",),
        "definisi": ("Layanan yang selesai dalam batas waktu standar pelayanan",),
        "formula": ("jumlah layanan selesai tepat waktu / jumlah layanan × 100%",),
        "sumber_data": ("Laporan pelayanan Sekretariat",),
        "kode": ("X.XX.02",),
    },
    "anggaran.yaml": {
        "kode": ("X.XX.02",),
        "uraian": (
            "Program Peningkatan Kualitas Pelayanan",
            "Persentase layanan yang diselesaikan tepat waktu",
            "Penyusunan dan Evaluasi Standar Pelayanan",
            "Penyusunan Standar Pelayanan",
            "Jumlah standar pelayanan yang disusun",
            "Pengelolaan Pengaduan Masyarakat",
        ),
    },
    "realisasi.yaml": {"sumber": ("Rekap pengaduan Sekretariat",)},
}
"""File kind → YAML key → the example values ``templates/init`` writes there."""


def _bentuk(teks: str) -> str:
    return " ".join(teks.split()).casefold()


def _nilai(data: Any, path: YamlPath = ()) -> Iterator[tuple[YamlPath, str]]:
    """Every text value of a dumped model, with its path (the YAML's keys)."""
    if isinstance(data, dict):
        for k, v in data.items():
            yield from _nilai(v, (*path, k))
    elif isinstance(data, list):
        for i, v in enumerate(data):
            yield from _nilai(v, (*path, i))
    elif isinstance(data, str):
        yield path, data


def _periksa(model: Any, source: SourceMap, jenis: str) -> Iterator[Diagnostic]:
    contoh = {k: {_bentuk(v) for v in vs} for k, vs in CONTOH_INIT[jenis].items()}
    for path, teks in _nilai(model.model_dump()):
        kunci = next((p for p in reversed(path) if isinstance(p, str)), "")
        if kunci not in contoh:
            continue
        if kunci == "nip":
            found = teks.replace(" ", "") in {v.replace(" ", "") for v in contoh[kunci]}
            teks = CONTOH_INIT[jenis][kunci][0]  # as init writes it: 19700101 199503 1 001
        else:
            found = _bentuk(teks) in contoh[kunci]
        if not found:
            continue
        if jenis == "sakip.yaml" and path[:1] == ("kepala",) and kunci == "nama":
            pesan = _(
                "nama kepala dinas '{nilai}' masih contoh dari 'sakipgen init': tulis nama "
                "lengkap dengan gelar seperti dicetak, lalu pangkat, golongan dan NIP-nya"
            )
        elif kunci == "nip":
            pesan = _("NIP '{nilai}' masih contoh dari 'sakipgen init': tulis NIP 18 digitnya")
        else:
            pesan = _(
                "{kunci} '{nilai}' masih isian contoh dari 'sakipgen init'; ganti dengan "
                "data dinas Anda"
            )
        yield Diagnostic.make(
            source.locate(path), "K024", pesan.format(nilai=teks[:80], kunci=kunci)
        )


def isian_contoh(dinas: Dinas) -> Iterator[Diagnostic]:
    """K024 at every example value of ``sakipgen init`` still in the folder."""
    yield from _periksa(dinas.identitas.model, dinas.identitas.source, "sakip.yaml")
    yield from _periksa(dinas.renstra.model, dinas.renstra.source, "renstra.yaml")
    for _year, t in sorted(dinas.tahun.items()):
        for berkas, jenis in ((t.anggaran, "anggaran.yaml"), (t.realisasi, "realisasi.yaml")):
            if berkas is not None:
                yield from _periksa(berkas.model, berkas.source, jenis)
