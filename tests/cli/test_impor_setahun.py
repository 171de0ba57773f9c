"""Issue 24: a planner carries a whole planning year in the input workbook, without
editing YAML: `init --from`, `import` and the workbook `export --for-input` writes.

Every workbook here is a real one: exported by sakipgen (XlsxWriter) and edited with
openpyxl, as Excel or LibreOffice would save it, or written from scratch by XlsxWriter
as another tool would.  Expected figures are worked out by hand in the comments, from
the values typed and the YAML of the folder (`sakipgen init`'s scaffold: IK1.1 positif,
PK 2025 target 80, realisasi 82; IK1.2 negatif, PK 2025 target 10, realisasi 9; P01
pagu 500.000.000, realisasi 465.000.000; `metode_negatif` default selisih).
"""

from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from tests.cli.test_impor import baris, ekspor, isi, jalankan, kolom, tulis_buku
from tests.conftest import CONTOH, salin


def scaffold(tmp_path: Path, nama: str = "dinas") -> Path:
    """A folder as `sakipgen init` makes it: Renstra 2025-2029, year 2025."""
    folder = tmp_path / nama
    code, _out, err = jalankan(
        "init",
        str(folder),
        "--dinas",
        "Dinas X",
        "--start",
        "2025",
        "--end",
        "2029",
        "--year",
        "2025",
    )
    assert code == 0, err
    return folder


def kosong(tmp_path: Path) -> Path:
    """The blank workbook of README "Starting a new dinas"."""
    book = tmp_path / "kosong.xlsx"
    code, _out, err = jalankan(
        "export", str(scaffold(tmp_path, "contoh")), "--for-input", "--blank", "--out", str(book)
    )
    assert code == 0, err
    return book


class Buku:
    """An exported workbook opened for editing, as a planner edits it."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.wb = load_workbook(path)

    def isi(self, lembar: str, kunci: str, judul: str, nilai: object) -> str:
        """Set one cell of a row; its place (``Target!Q2``)."""
        ws = self.wb[lembar]
        r, c = baris(ws, kunci), kolom(ws, judul)
        ws.cell(r, c).value = nilai
        return f"{lembar}!{get_column_letter(c)}{r}"

    def tambah(self, lembar: str, nilai: dict[str, object]) -> int:
        """A new row below the last, as a planner types it; its number."""
        ws = self.wb[lembar]
        judul = {c.value: c.column for c in ws[1]}
        r = ws.max_row + 1
        for k, v in nilai.items():
            ws.cell(r, judul[k]).value = v
        return r

    def simpan(self) -> Path:
        self.wb.save(self.path)
        return self.path


def show(folder: Path, tahun: int) -> dict[str, Any]:
    code, out, err = jalankan("show", str(folder), "--year", str(tahun), "--format", "json")
    assert code == 0, err
    data: dict[str, Any] = json.loads(out)
    return data


def capaian(data: dict[str, Any]) -> dict[str, str]:
    return {i["id"]: i["capaian"] for s in data["sasaran"] for i in s["indikator"]}


# --- 1. the Anggaran keys the README documents ---------------------------------------


def test_init_from_takes_place_keys_of_kegiatan_that_carry_a_kode(tmp_path: Path) -> None:
    """README: Anggaran rows name their place (2025/P01/1, 2025/P01/1/2); real kegiatan
    carry a Kode.  Before, init --from refused the place key of a coded kegiatan (R001).
    By hand: pagu 150.000.000 + 50.000.000 = 200.000.000; after the import sets the
    second sub kegiatan by its place key to 60.000.000: 150.000.000 + 60.000.000."""
    buku = Buku(kosong(tmp_path))
    buku.tambah(
        "Target",
        {
            "Sasaran": "S1",
            "Uraian Sasaran": "Meningkatnya ekspor daerah",
            "Indikator": "IK1.1",
            "Uraian": "Persentase UMKM ekspor",
            "Satuan": "%",
            "Renstra 2025": 80,
            "PK 2025": 80,
        },
    )
    buku.tambah("Realisasi", {"Tahun": 2025, "Indikator": "IK1.1", "Realisasi": 84})
    for kunci, kode, uraian, pagu, sasaran in (
        ("2025/P01", "3.30.01", "Program Pengembangan Ekspor", None, "S1"),
        ("2025/P01/1", "3.30.01.2.01", "Promosi Ekspor", None, None),
        ("2025/P01/1/1", "3.30.01.2.01.0001", "Pameran Dagang", 150000000, None),
        ("2025/P01/1/2", "3.30.01.2.01.0002", "Misi Dagang", 50000000, None),
    ):
        buku.tambah(
            "Anggaran",
            {"Kunci": kunci, "Kode": kode, "Uraian": uraian, "Pagu": pagu, "Sasaran": sasaran},
        )
    book = buku.simpan()
    baru = tmp_path / "baru"
    code, _out, err = jalankan("init", str(baru), "--from", str(book))
    assert code == 0, err
    anggaran = (baru / "2025/anggaran.yaml").read_text()
    assert '    kode: "3.30.01"\n    uraian: Program Pengembangan Ekspor\n' in anggaran
    assert '          - kode: "3.30.01.2.01.0002"\n            uraian: Misi Dagang\n' in anggaran
    assert Decimal(show(baru, 2025)["anggaran"]["pagu"]) == 200000000

    # import takes the same key: the exported row is keyed by kode, a typed row by place.
    book2 = ekspor(baru, tmp_path)
    ws = load_workbook(book2)["Anggaran"]
    assert baris(ws, "2025/P01/3.30.01.2.01/3.30.01.2.01.0002")
    buku = Buku(book2)
    buku.wb["Anggaran"].cell(
        baris(ws, "2025/P01/3.30.01.2.01/3.30.01.2.01.0002"), 1
    ).value = "2025/P01/1/2"
    buku.isi("Anggaran", "2025/P01/1/2", "Pagu", 60000000)
    code, _out, err = jalankan("import", str(baru), str(buku.simpan()))
    assert code == 0, err
    assert Decimal(show(baru, 2025)["anggaran"]["pagu"]) == 210000000


def test_every_form_of_a_key_names_its_entry_and_a_refused_one_says_them(tmp_path: Path) -> None:
    """Buleleng's SK02.1.1 (pagu 222.569.600) is the first sub kegiatan of kegiatan
    K02.1 of P02: 2021/P02/K02.1/SK02.1.1, 2021/P02/1/1 and 2021/P02/K02.1/1 name it."""
    folder = salin(tmp_path, "buleleng")
    buku = Buku(ekspor(folder, tmp_path))
    ws = buku.wb["Anggaran"]
    ws.cell(baris(ws, "2021/P02/K02.1/SK02.1.1"), 1).value = "2021/P02/1/1"  # by place
    buku.isi("Anggaran", "2021/P02/1/1", "Pagu", 222000000)
    book = buku.simpan()
    code, _out, err = jalankan("import", str(folder), str(book))
    assert code == 0, err
    assert "            pagu: 222000000\n" in (folder / "2021/anggaran.yaml").read_text()

    buku = Buku(ekspor(folder, tmp_path))
    r = buku.tambah("Anggaran", {"Kunci": "2021/P02/K02.1/1", "Pagu": 221000000})
    buku.tambah("Anggaran", {"Kunci": "2021/P02/9/9/9", "Pagu": 1})
    code, _out, err = jalankan("import", str(folder), str(buku.simpan()))
    assert code == 1
    # The same entry twice (its own key, exported, and another form of it): R002.
    assert f"{book}:Anggaran!A{r}: R002 kunci '2021/P02/K02.1/1' sudah ada di baris" in err
    assert (
        f"{book}:Anggaran!A{r + 1}: R001 kunci '2021/P02/9/9/9' tidak dikenal; kunci lembar "
        "Anggaran: <tahun>/<program>, <tahun>/<program>/<kegiatan> atau "
        "<tahun>/<program>/<kegiatan>/<sub kegiatan>, tiap bagian berupa id, kode atau nomor urut"
    ) in err


# --- 2. what forced YAML editing ---------------------------------------------------


def test_a_planners_first_year_without_editing_yaml(tmp_path: Path) -> None:
    """Sifat (IK1.1's set, IK1.2's as init writes it), IKU, the first PK Perubahan, a
    realisasi cleared with "-" and made from its quarters, a program penunjang, indikator
    of a program and of a kegiatan, a new rencana aksi table: all typed in the workbook of
    `sakipgen init`'s folder.

    By hand: IK1.1 measured against the PK Perubahan 85: 82 / 85 × 100 = 96,470… →
    96,47.  IK1.2 (negatif, sifat jumlah): 2 + 3 + 1 + 2 = 8 from its quarters once its
    nilai 9 is cleared; (2 × 10 − 8) / 10 × 100 = 120,00.  S1: (96,47 + 120,00) / 2 =
    108,235 → 108,24.  Pagu 500.000.000 + 100.000.000 = 600.000.000; realisasi
    465.000.000 + 90.000.000 = 555.000.000."""
    folder = scaffold(tmp_path)
    buku = Buku(ekspor(folder, tmp_path))
    buku.isi("Target", "IK1.1", "Sifat", "akhir periode")  # a dropdown's value, however typed
    buku.isi("Target", "IK1.2", "Sifat", "Jumlah")  # as init writes it: no change
    buku.isi("Target", "IK1.2", "IKU", "tidak")
    buku.isi("Target", "IK1.1", "PK Perubahan 2025", 85)
    buku.isi("Target", "IK1.2", "PK Perubahan 2025", 10)  # unchanged; the PK Perubahan lists all
    buku.isi("Realisasi", "2025/IK1.2", "Realisasi", "-")
    for q, v in enumerate((2, 3, 1, 2), 1):
        buku.isi("Realisasi", "2025/IK1.2", f"Triwulan {q}", v)
    buku.tambah(
        "Anggaran",
        {
            "Kunci": "2025/P02",
            "Uraian": "Program Penunjang Urusan Pemerintahan Daerah",
            "Kode": "X.XX.01",
            "Penunjang": "ya",
            "Pagu": 100000000,
            "Realisasi": 90000000,
            "Sumber Dana": "APBD 100%",
        },
    )
    buku.tambah("Anggaran", {"Kunci": "2025/P02/1", "Uraian": "Administrasi Keuangan"})
    buku.isi("Indikator Program", "2025/P01#1", "Realisasi", 78)
    buku.tambah(
        "Indikator Program",
        {
            "Kunci Anggaran": "2025/P01/K01.2",
            "No": 1,
            "Uraian": "Persentase pengaduan yang ditindaklanjuti",
            "Satuan": "%",
            "Target": 95,
        },
    )
    buku.tambah(
        "Rencana Aksi",
        {
            "Kunci": "2025/eselon_iii/1",
            "Periode": "triwulan",
            "Sasaran": "S1",
            "Indikator": "IK1.1",
            "Penanggung Jawab": "Sekretaris",
            "Periode 1": 20,
            "Periode 2": 45,
            "Periode 3": 65,
            "Periode 4": 85,
            "Realisasi 1": 21,
        },
    )
    code, _out, err = jalankan("import", str(folder), str(buku.simpan()))
    assert code == 0, err

    renstra = (folder / "renstra.yaml").read_text()
    ik11 = renstra[renstra.index("- id: IK1.1") : renstra.index("- id: IK1.2")]
    ik12 = renstra[renstra.index("- id: IK1.2") :]
    assert "        sifat: akhir_periode\n" in ik11
    assert "        sifat: jumlah " in ik12 and "iku: false" in ik12
    # After the commented example `init` writes for it, at the file's end.
    assert (
        (folder / "2025/target.yaml")
        .read_text()
        .endswith(
            "#     IK1.1: {target: 85, semula: 80, alasan: penyesuaian APBD Perubahan}\n"
            "#     IK1.2: 10           # tidak berubah\n"
            "pk_perubahan:\n  indikator:\n    IK1.1: 85\n    IK1.2: 10\n"
        )
    )
    realisasi = (folder / "2025/realisasi.yaml").read_text()
    assert "nilai: 9" not in realisasi and "triwulan: {1: 2, 2: 3, 3: 1, 4: 2}" in realisasi
    anggaran = (folder / "2025/anggaran.yaml").read_text()
    assert (
        '{uraian: Persentase layanan yang diselesaikan tepat waktu, satuan: "%", target: 80, '
        "realisasi: 78}"
    ) in anggaran
    assert (
        "  - id: P02\n    kode: X.XX.01\n    uraian: Program Penunjang Urusan Pemerintahan Daerah\n"
        "    penunjang: true\n    pagu: 100000000\n    realisasi: 90000000\n"
    ) in anggaran
    rencana = (folder / "2025/rencana-aksi.yaml").read_text()
    assert "  - tingkat: eselon_iii\n    periode: triwulan\n" in rencana
    assert "        target: [20, 45, 65, 85]\n" in rencana

    code, out, err = jalankan("check", str(folder))
    assert code == 0, err
    assert "K007" not in out + err  # P02 is a program penunjang
    data = show(folder, 2025)
    assert capaian(data) == {"IK1.1": "96.47", "IK1.2": "120.00"}
    assert data["sasaran"][0]["capaian"] == "108.24"
    assert Decimal(data["anggaran"]["pagu"]) == 600000000
    assert Decimal(data["anggaran"]["realisasi"]) == 555000000
    from sakipgen.pipeline import siapkan

    dinas = siapkan(folder).dinas
    assert dinas is not None
    (p01, p02) = dinas.tahun[2025].program()
    assert [i.uraian for i in p01.kegiatan[1].indikator] == [
        "Persentase pengaduan yang ditindaklanjuti"
    ]
    assert p02.penunjang and p02.kegiatan[0].uraian == "Administrasi Keuangan"


def test_a_new_year_gets_its_files_together_or_not_at_all(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The workbook has the next year's columns; rows of 2026 make 2026/target.yaml and
    2026/anggaran.yaml (and the folder).  By hand: pagu 300.000.000 + 220.000.000 =
    520.000.000, all under S1."""
    folder = scaffold(tmp_path)
    book = ekspor(folder, tmp_path)
    ws = load_workbook(book)["Target"]
    assert [c.value for c in ws[1]][-6:] == [
        "RKT 2025",
        "PK 2025",
        "PK Perubahan 2025",
        "RKT 2026",
        "PK 2026",
        "PK Perubahan 2026",
    ]
    buku = Buku(book)
    buku.isi("Target", "IK1.1", "PK 2026", 83)
    buku.isi("Target", "IK1.2", "PK 2026", 8)
    buku.tambah("Anggaran", {"Kunci": "2026 / P01", "Uraian": "Program Pelayanan", "Sasaran": "S1"})
    buku.tambah("Anggaran", {"Kunci": "2026/P01/1", "Uraian": "Standar", "Pagu": 300000000})
    buku.tambah("Anggaran", {"Kunci": "2026/P01/2", "Uraian": "Pengaduan", "Pagu": 220000000})
    buku.simpan()

    gagal = salin_folder(folder, tmp_path / "gagal")
    before = isi(gagal)
    asli = Path.replace
    calls: list[Path] = []

    def gagal_kedua(self: Path, target: Path) -> Path:
        calls.append(Path(target))
        if len(calls) == 2:
            raise OSError(28, "No space left on device")
        return asli(self, target)

    monkeypatch.setattr(Path, "replace", gagal_kedua)
    code, _out, err = jalankan("import", str(gagal), str(book))
    assert code == 2 and "tidak ada berkas yang berubah" in err
    assert isi(gagal) == before and not (gagal / "2026").exists()
    monkeypatch.undo()

    code, _out, err = jalankan("import", str(folder), str(book))
    assert code == 0, err
    assert (folder / "2026/target.yaml").read_text() == (
        "pk:\n  indikator:\n    IK1.1: 83\n    IK1.2: 8\n"
    )
    anggaran = (folder / "2026/anggaran.yaml").read_text()
    assert anggaran.startswith("# yaml-language-server: $schema=../schema/anggaran.schema.json\n")
    from sakipgen.pipeline import siapkan

    bundel = siapkan(folder)
    assert bundel.dinas is not None and not bundel.galat
    (program,) = bundel.dinas.tahun[2026].program()
    assert program.id == "P01" and [k.pagu for k in program.kegiatan] == [300000000, 220000000]
    code, _out, err = jalankan("check", str(folder))
    assert code == 0, err


def baris_hilang(lama: str, baru: str) -> list[str]:
    """The lines of ``lama`` that ``baru`` no longer has (one changed line: its old text)."""
    import difflib

    return [
        ln[2:] for ln in difflib.ndiff(lama.splitlines(), baru.splitlines()) if ln.startswith("- ")
    ]


def salin_folder(folder: Path, ke: Path) -> Path:
    import shutil

    shutil.copytree(folder, ke)
    return ke


def test_a_dash_removes_a_rupiah_a_printed_capaian_and_a_sumber_dana(tmp_path: Path) -> None:
    """Blora 2021: P01's realisasi 26.200.000 and sumber dana, IK2.1's printed capaian
    89,88 (a K013 slip) go; no other line changes.  By hand: realisasi 1.576.408.211 −
    26.200.000 = 1.550.208.211."""
    folder = salin(tmp_path)
    before = {k: v.decode() for k, v in isi(folder).items()}
    buku = Buku(ekspor(folder, tmp_path))
    buku.isi("Anggaran", "2021/P01", "Realisasi", "-")
    buku.isi("Anggaran", "2021/P01", "Sumber Dana", "-")
    buku.isi("Realisasi", "2021/IK2.1", "Capaian", "-")
    code, out, err = jalankan("import", str(folder), str(buku.simpan()))
    assert code == 0, err
    assert "26.200.000 → (tidak ada)" in out
    after = {k: v.decode() for k, v in isi(folder).items()}
    hilang = {f: baris_hilang(before[f], after[f]) for f in before if before[f] != after[f]}
    assert hilang == {
        "2021/anggaran.yaml": [
            "    realisasi: 26200000",
            "    sumber_dana: {sumber: APBD, persen: 100}",
        ],
        "2021/realisasi.yaml": [
            "  IK2.1: {nilai: 2645059, capaian: 89.88, sumber: LKjIP 2021 Tabel 3.5}"
        ],
    }
    assert (
        "  IK2.1: {nilai: 2645059, sumber: LKjIP 2021 Tabel 3.5}\n" in after["2021/realisasi.yaml"]
    )
    assert Decimal(show(folder, 2021)["anggaran"]["realisasi"]) == 1550208211


@pytest.mark.parametrize("contoh", CONTOH)
def test_init_from_an_exported_workbook_gives_the_same_figures(tmp_path: Path, contoh: str) -> None:
    """Every figure `show` gives for every year of the example, from a folder made by
    `init --from` of its workbook: the same, but for the dinas's name and the kategori
    (sakip.yaml's profile, which the workbook does not hold)."""
    folder = salin(tmp_path, contoh)
    baru = tmp_path / "baru"
    code, _out, err = jalankan("init", str(baru), "--from", str(ekspor(folder, tmp_path)))
    assert code == 0, err
    code, _out, err = jalankan("check", str(baru))
    assert code == 0, err

    def tanpa(data: object) -> object:
        if isinstance(data, dict):
            return {
                k: tanpa(v)
                for k, v in data.items()
                if k != "dinas" and not k.startswith("kategori")
            }
        if isinstance(data, list):
            return [tanpa(v) for v in data]
        return data

    years = sorted(int(p.name) for p in folder.iterdir() if re.fullmatch(r"\d{4}", p.name))
    for y in years:
        code, out, _err = jalankan("show", str(folder), "--year", str(y), "--format", "json")
        if code != 0:
            continue  # a year without figures to show
        assert tanpa(show(baru, y)) == tanpa(json.loads(out)), y


# --- 3. descriptive (grey) cells -----------------------------------------------------


def test_an_edited_grey_cell_is_told_at_its_cell_and_a_name_is_imported(tmp_path: Path) -> None:
    """Realisasi's Uraian repeats the Target sheet's (grey): a warning at the cell,
    nothing changes.  The Target sheet's Uraian is the indikator's own (white): it is
    imported into renstra.yaml."""
    folder = salin(tmp_path)
    before = isi(folder)
    buku = Buku(ekspor(folder, tmp_path))
    sel = buku.isi("Realisasi", "2021/IK1.2", "Uraian", "Jumlah UMKM baru")
    sel2 = buku.isi("Anggaran", "2021/P01", "Tingkat", "kegiatan")
    book = buku.simpan()
    code, _out, err = jalankan("import", str(folder), str(book))
    assert code == 0 and "Tidak ada nilai yang berubah" in err
    assert (
        f"{book}:{sel}: X005 (peringatan) sel abu-abu 'Uraian' diubah ('Jumlah Usaha Mikro "
        "Kecil dan Menengah (UMKM)' menjadi 'Jumlah UMKM baru'), tetapi tidak diimpor: nama dan "
        "satuan indikator diubah di lembar Target"
    ) in err
    assert f"{book}:{sel2}: X005 (peringatan) sel abu-abu 'Tingkat' diubah" in err
    assert isi(folder) == before

    buku = Buku(ekspor(folder, tmp_path))
    buku.isi("Target", "IK1.2", "Uraian", "Jumlah UMKM baru")
    code, _out, err = jalankan("import", str(folder), str(buku.simpan()))
    assert code == 0, err
    assert "        uraian: Jumlah UMKM baru\n" in (folder / "renstra.yaml").read_text()


# --- 4. every problem at once --------------------------------------------------------


def test_a_duplicated_row_hides_no_other_problem(tmp_path: Path) -> None:
    """Before, R002 stopped the import before the folder was checked: the K005 of P05
    (realisasi 12.000.000 above its pagu 10.000.000) appeared only once the duplicate
    was fixed."""
    folder = salin(tmp_path)
    before = isi(folder)
    buku = Buku(ekspor(folder, tmp_path))
    r = buku.tambah("Realisasi", {"Kunci": "2021/IK1.2", "Realisasi": 13260})
    sel = buku.isi("Anggaran", "2021/P05", "Realisasi", 12000000)
    tanggal = buku.isi("Realisasi", "2021/IK2.2", "Realisasi", "-")
    book = buku.simpan()
    code, _out, err = jalankan("import", str(folder), str(book))
    assert code == 1
    assert f"{book}:Realisasi!A{r}: R002" in err
    assert f"{book}:{sel}: K005 realisasi Rp 12.000.000 melebihi pagu Rp 10.000.000" in err
    # IK2.2's realisasi removed: the year's figure is missing (C002), said at its cell.
    assert f"{book}:{tanggal}: C002" in err
    assert "Tidak ada berkas yang ditulis" in err and isi(folder) == before


def test_init_from_tells_every_problem_of_the_workbook(tmp_path: Path) -> None:
    buku = Buku(kosong(tmp_path))
    r1 = buku.tambah("Target", {"Indikator": "IK1.1", "Uraian": "tanpa sasaran"})
    buku.tambah(
        "Target",
        {"Sasaran": "S1", "Uraian Sasaran": "S", "Indikator": "IK1.2", "Renstra 2025": 5},
    )
    r2 = buku.tambah("Anggaran", {"Kunci": "2025/P01/1", "Uraian": "tanpa program"})
    r3 = buku.tambah("Anggaran", {"Kunci": "P01", "Uraian": "tanpa tahun"})
    book = buku.simpan()
    baru = tmp_path / "baru"
    code, _out, err = jalankan("init", str(baru), "--from", str(book))
    assert code == 1
    assert f"{book}:Target!A{r1}: X001 baris tanpa id sasaran atau id indikator" in err
    assert f"{book}:Anggaran!A{r2}: X001 baris induk '2025/P01' tidak ada" in err
    assert f"{book}:Anggaran!A{r3}: R001 kunci 'P01' tidak dikenal" in err
    assert not baru.exists() or not any(baru.iterdir())


# --- 5. words in a number cell -------------------------------------------------------


def test_words_in_a_number_cell_are_told_at_the_cell(tmp_path: Path) -> None:
    """Before: 'C003 … isi capaian secara manual' at 2021/realisasi.yaml."""
    folder = salin(tmp_path)
    buku = Buku(ekspor(folder, tmp_path))
    sel = buku.isi("Target", "IK1.2", "PK 2021", "tiga puluh")
    sel2 = buku.isi("Realisasi", "2021/IK2.2", "Realisasi", "delapan puluh")
    book = buku.simpan()
    code, _out, err = jalankan("import", str(folder), str(book))
    assert code == 1
    assert (
        f"{book}:{sel}: C003 'tiga puluh' bukan angka, jadi capaian IK1.2 2021 tidak dapat "
        'dihitung: ketik angkanya (misalnya 30 atau 43,30), atau "-" bila tidak ada'
    ) in err
    assert f"{book}:{sel2}: C003 'delapan puluh' bukan angka, jadi capaian IK2.2 2021" in err
    assert "secara manual" not in err


# --- 6. 6.825 -----------------------------------------------------------------------


def test_a_typed_6_825_is_what_the_petunjuk_says(tmp_path: Path) -> None:
    """In a text cell of the (Indonesian) workbook the dot groups thousands and the comma
    is the decimal mark, as the Petunjuk sheet says.  By hand: IK1.2 13.250 / 6.825 ×
    100 = 194,139… → 194,14; IK2.2 86,725 / 70 × 100 = 123,892… → 123,89.  In YAML,
    6.825 stays N001 (README "Writing values")."""
    folder = salin(tmp_path)
    petunjuk = "\n".join(
        str(c.value) for c in load_workbook(ekspor(folder, tmp_path))["Petunjuk"]["A"] if c.value
    )
    assert "6.825 = enam ribu delapan ratus dua puluh lima" in petunjuk
    book = tulis_buku(
        tmp_path / "lain.xlsx",
        {
            "Target": [["Kunci", "PK 2021"], ["IK1.2", "6.825"]],
            "Realisasi": [
                ["Kunci", "Realisasi"],
                ["2021/IK1.2", "13.250"],
                ["2021/IK2.2", "86,725"],
            ],
        },
    )
    code, _out, err = jalankan("import", str(folder), str(book))
    assert code == 0, err
    assert "N001" not in err
    real = (folder / "2021/realisasi.yaml").read_text()
    # 86,725 is written 86.7250: in YAML, 86.725 would itself be ambiguous (N001).
    assert "  IK1.2: 13250        #" in real and "  IK2.2: 86.7250        #" in real
    assert "    IK1.2: 6825        #" in (folder / "2021/target.yaml").read_text()
    data = show(folder, 2021)
    assert capaian(data)["IK1.2"] == "194.14" and capaian(data)["IK2.2"] == "123.89"
    (folder / "2021/target.yaml").write_text("pk:\n  indikator:\n    IK1.2: 6.825\n")
    code, out, err = jalankan("check", str(folder))
    assert code == 1 and "target.yaml:3:12: N001 6.825 ambigu" in out + err


# --- 7. a file that is not a workbook ----------------------------------------------------


OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
"""The first bytes of every Excel 97-2003 (.xls) file."""


def _bukan_buku(tmp_path: Path, jenis: str) -> Path:
    if jenis == "teks.xlsx":  # a .txt renamed .xlsx
        path = tmp_path / "masukan.xlsx"
        path.write_text("Kunci;Realisasi\n2021/IK1.2;13250\n")
    elif jenis == "lama.xls":  # an Excel 97-2003 file
        path = tmp_path / "masukan.xls"
        path.write_bytes(OLE + bytes(504))
    elif jenis == "buku.txt":  # a real workbook under a wrong name
        path = tmp_path / "masukan.txt"
        path.write_bytes(
            tulis_buku(tmp_path / "asli.xlsx", {"Realisasi": [["Kunci"]]}).read_bytes()
        )
    else:
        path = tmp_path / "masukan.ods"
        path.write_text("bukan buku kerja")
    return path


@pytest.mark.parametrize("jenis", ["teks.xlsx", "lama.xls", "buku.txt", "lain.ods"])
@pytest.mark.parametrize("perintah", ["import", "sipd", "init"])
def test_a_file_that_is_not_a_workbook_is_x001(tmp_path: Path, jenis: str, perintah: str) -> None:
    """Before, openpyxl's InvalidFileException (a name it does not open) reached the
    user as an internal error (exit 2)."""
    path = _bukan_buku(tmp_path, jenis)
    folder = salin(tmp_path)
    args = {
        "import": ["import", str(folder), str(path)],
        "sipd": ["import", str(folder), str(path), "--from", "sipd", "--year", "2021"],
        "init": ["init", str(tmp_path / "baru"), "--from", str(path)],
    }[perintah]
    code, _out, err = jalankan(*args)
    assert code == 1, err
    assert f"{path}: X001 " in err and "kesalahan internal" not in err
    if jenis == "buku.txt" and perintah != "sipd":
        assert "ganti namanya menjadi .xlsx" in err
