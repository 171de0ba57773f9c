"""Issue 24, "Excel all the way" for the fields the issue added to renstra.yaml: an
indikator's own `metode_negatif` (the Target sheet's `Metode Negatif` column) and other
plans' targets (`target_pembanding`, the `Target <nama> <year>` columns of each
`pembanding`), written by `export --for-input`, read by `import` and `init --from`.

Every expected figure is worked out by hand from the cells typed and the YAML of the
folder (the arithmetic is in the comments): Blora 2021 IK1.1 realisasi 43,30 against
the PK 32 (135,31) and IK1.2 13.244 against 6.825; `sakipgen init`'s scaffold IK1.2
(negatif, `profil.metode_negatif` selisih) PK 2025 target 10, target akhir 2029 2.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from sakipgen.model.masukan import id_pembanding, kolom_pembanding
from sakipgen.pipeline import siapkan
from tests.cli.test_impor import ekspor, isi, jalankan
from tests.cli.test_impor_setahun import Buku, kosong, scaffold, show
from tests.conftest import CONTOH, ganti, periksa, salin
from tests.test_pembanding import dengan_pembanding


def indikator(data: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {i["id"]: i for s in data["sasaran"] for i in s["indikator"]}


def kolom_baru(buku: Buku, lembar: str, judul: str) -> int:
    """A column typed right of the last one, as a planner adds it; its number."""
    ws = buku.wb[lembar]
    c = ws.max_column + 1
    ws.cell(1, c).value = judul
    return c


def isi_kolom(buku: Buku, lembar: str, kunci: str, c: int, nilai: object) -> str:
    ws = buku.wb[lembar]
    r = next(r for r in range(2, ws.max_row + 1) if ws.cell(r, 1).value == kunci)
    ws.cell(r, c).value = nilai
    return f"{lembar}!{get_column_letter(c)}{r}"


# --- the layout ---------------------------------------------------------------------


def test_the_target_sheet_carries_both_beside_the_columns_they_belong_with(
    tmp_path: Path,
) -> None:
    folder = dengan_pembanding(salin(tmp_path))
    ws = load_workbook(ekspor(folder, tmp_path))["Target"]
    judul = [c.value for c in ws[1]]
    # Metode Negatif beside Polaritas; each plan's years after the Renstra's own.
    assert judul[6:10] == ["Polaritas", "Metode Negatif", "Sifat", "IKU"]
    akhir = judul.index("Target akhir")
    assert judul[akhir + 1 : akhir + 11] == [
        *(f"Target RPJMD {y}" for y in range(2017, 2022)),
        *(f"Target Nasional {y}" for y in range(2017, 2022)),
    ]
    assert judul[akhir + 11] == "RKT 2020"
    r = {ws.cell(r, 1).value: r for r in range(2, ws.max_row + 1)}
    c = {v: i + 1 for i, v in enumerate(judul)}
    # renstra.yaml: IK1.1 rpjmd {2020: 30, 2021: 35}, nasional {2021: 40}; IK1.2 rpjmd 7000.
    assert [ws.cell(r["IK1.1"], c[f"Target RPJMD {y}"]).value for y in (2019, 2020, 2021)] == [
        None,
        30,
        35,
    ]
    assert ws.cell(r["IK1.1"], c["Target Nasional 2021"]).value == 40
    assert ws.cell(r["IK1.2"], c["Target RPJMD 2021"]).value == 7000
    assert ws.cell(r["IK1.1"], c["Metode Negatif"]).value is None  # the dinas's
    # A dropdown whose note says what an empty cell means (sakip.yaml: selisih).
    (dv,) = [d for d in ws.data_validations.dataValidation if str(d.sqref).startswith("H2:")]
    assert dv.formula1 == '"selisih,rasio"'
    assert "Kosong: cara dinas (selisih, profil.metode_negatif di sakip.yaml)" in dv.prompt
    # The Petunjuk sheet says how to fill both and how to declare a plan from here.
    petunjuk = "\n".join(
        str(c.value) for c in next(load_workbook(ekspor(folder, tmp_path))["Petunjuk"].columns)
    )
    assert "Metode Negatif (lembar Target), hanya untuk Polaritas negatif" in petunjuk
    assert "Rencana yang belum ada: tambahkan kolom dengan judul itu" in petunjuk


def test_a_blank_workbook_has_the_columns_of_the_declared_plans(tmp_path: Path) -> None:
    folder = dengan_pembanding(salin(tmp_path))
    book = tmp_path / "kosong.xlsx"
    code, _out, err = jalankan("export", str(folder), "--for-input", "--blank", "--out", str(book))
    assert code == 0, err
    ws = load_workbook(book)["Target"]
    judul = [c.value for c in ws[1]]
    assert "Metode Negatif" in judul and "Target Nasional 2017" in judul
    assert ws.max_row == 1


def test_the_id_of_a_plan_declared_from_the_workbook() -> None:
    assert id_pembanding("RPJMD", []) == "rpjmd"
    assert id_pembanding("Provinsi Jawa Tengah", []) == "provinsi_jawa_tengah"
    assert id_pembanding("RPJMN 2020–2024 (SPM)", []) == "rpjmn_2020_2024_spm"
    assert id_pembanding("RPJMD", ["rpjmd"]) == "rpjmd_2"
    assert id_pembanding("RPJMD", ["RPJMD", "rpjmd_2"]) == "rpjmd_3"
    assert id_pembanding("—", []) == "pembanding"
    assert re.fullmatch(r"[a-z0-9_]{1,64}", id_pembanding("Ñusa Tenggara " * 9, []))


def test_two_plans_of_one_name_get_their_ids_in_the_header(tmp_path: Path) -> None:
    folder = salin(tmp_path)
    ganti(
        folder / "renstra.yaml",
        "sasaran:\n  - id: S1\n",
        "pembanding: [{id: prov, nama: Provinsi}, {id: prov2, nama: provinsi}]\n"
        "sasaran:\n  - id: S1\n",
    )
    dinas = siapkan(folder).dinas
    assert dinas is not None
    judul = [k.judul for k in kolom_pembanding(dinas) if k.tahun == 2021]
    assert judul == ["Target Provinsi (prov) 2021", "Target provinsi (prov2) 2021"]
    # A typed header naming a plan by its id is that plan's column too; Target RKT
    # 2021 and a year outside the Renstra are no plan's.
    baru = kolom_pembanding(
        dinas, ["Target prov2 2021", "Target RKT 2021", "Target Provinsi 2030", "Target Akhir"]
    )
    assert [(k.judul, k.id, k.baru) for k in baru if k.tahun == 2021][-1] == (
        "Target prov2 2021",
        "prov2",
        False,
    )
    assert len(baru) == 11


# --- no edit changes nothing ----------------------------------------------------------


def dengan_keduanya(folder: Path) -> Path:
    """The example with two plans declared, an indikator negatif by its own rasio and
    with targets of both plans (one "-")."""
    dinas = siapkan(folder).dinas
    assert dinas is not None
    y = max(dinas.tahun)  # the last year folder: a plan's target and its capaian in show
    renstra = folder / "renstra.yaml"
    teks = renstra.read_text(encoding="utf-8")
    # Buleleng writes IK1.1's polaritas: it becomes negatif.
    teks = teks.replace(
        "        polaritas: positif\n        sifat: kumulatif", "        sifat: kumulatif"
    )
    teks = teks.replace(
        "\nsasaran:\n",
        "\npembanding:\n  - {id: rpjmd, nama: RPJMD}\n  - {id: prov, nama: Provinsi}\nsasaran:\n",
        1,
    )
    teks = teks.replace(
        "      - id: IK1.1\n",
        "      - id: IK1.1\n        polaritas: negatif\n        metode_negatif: rasio\n"
        f'        target_pembanding: {{rpjmd: {{{y - 1}: "-", {y}: 35}}, prov: {{{y}: 40.5}}}}\n',
        1,
    )
    renstra.write_text(teks, encoding="utf-8")
    return folder


@pytest.mark.parametrize("contoh", CONTOH)
def test_export_then_import_changes_no_byte(tmp_path: Path, contoh: str) -> None:
    folder = dengan_keduanya(salin(tmp_path, contoh))
    errors = [d for d in periksa(folder)[1] if d.severity.name == "ERROR"]
    assert errors == []
    dinas = siapkan(folder).dinas
    assert dinas is not None
    ind = dinas.renstra.model.sasaran[0].indikator[0]
    assert (ind.metode_negatif, sorted(ind.target_pembanding)) == ("rasio", ["prov", "rpjmd"])
    before = isi(folder)
    code, _out, err = jalankan("import", str(folder), str(ekspor(folder, tmp_path)))
    assert code == 0, err
    assert "Tidak ada nilai yang berubah" in err
    assert isi(folder) == before


def test_init_from_an_exported_workbook_gives_the_same_values(tmp_path: Path) -> None:
    """Every figure `show` gives, the plans' targets and capaian against them and the
    rasio capaian included, from a folder `init --from` makes of the workbook."""
    folder = dengan_keduanya(salin(tmp_path))
    baru = tmp_path / "baru"
    code, _out, err = jalankan("init", str(baru), "--from", str(ekspor(folder, tmp_path)))
    assert code == 0, err
    code, _out, err = jalankan("check", str(baru))
    assert code == 0, err
    renstra = (baru / "renstra.yaml").read_text()
    assert "pembanding:\n  - {id: rpjmd, nama: RPJMD}\n  - {id: provinsi, nama: Provinsi}\n" in (
        renstra
    )
    assert (
        "      - id: IK1.1\n"
        "        uraian: Persentase koperasi sehat\n"
        '        satuan: "%"\n'
        "        polaritas: negatif\n"
        "        metode_negatif: rasio\n"
        "        target: {2020: 32, 2021: 32}\n"
        "        target_akhir: 32\n"
        "        target_pembanding:\n"
        '          rpjmd: {2020: "-", 2021: 35}\n'
        "          provinsi: {2021: 40.5}\n"
    ) in renstra

    def tanpa(data: object) -> object:  # but the dinas's name and kategori (sakip.yaml)
        if isinstance(data, dict):
            return {
                k: tanpa(v)
                for k, v in data.items()
                if k != "dinas" and not k.startswith("kategori")
            }
        if isinstance(data, list):
            return [tanpa(v) for v in data]
        return data

    for y in (2020, 2021):
        code, out, _err = jalankan("show", str(folder), "--year", str(y), "--format", "json")
        assert code == 0
        # The plan declared {id: prov, nama: Provinsi} comes back by its name's id.
        dibuat = json.loads(json.dumps(show(baru, y)).replace('"provinsi"', '"prov"'))
        assert tanpa(dibuat) == tanpa(json.loads(out)), y
    assert indikator(show(baru, 2021))["IK1.1"]["pembanding"][1]["id"] == "provinsi"
    # IK1.1 negatif by rasio, 2021: T / R = 32 / 43,30 × 100 = 73,903… → 73,90.
    assert indikator(show(baru, 2021))["IK1.1"]["capaian"] == "73.90"


# --- values typed in the workbook ------------------------------------------------------


def test_a_rasio_typed_in_the_workbook_is_the_capaian(tmp_path: Path) -> None:
    """The scaffold's IK1.2 (negatif, the dinas's selisih), PK 2025 target 10, typed
    realisasi 8 and Metode Negatif "Rasio": T / R = 10 / 8 × 100 = 125,00 (selisih would
    give (2 × 10 − 8) / 10 × 100 = 120,00); against the target akhir 2: 2 / 8 × 100 =
    25,00.  S1 with IK1.1 82 / 80 × 100 = 102,50: (102,50 + 125,00) / 2 = 113,75."""
    folder = scaffold(tmp_path)
    buku = Buku(ekspor(folder, tmp_path))
    buku.isi("Realisasi", "2025/IK1.2", "Realisasi", 8)
    buku.isi("Target", "IK1.2", "Metode Negatif", "Rasio")  # a dropdown's value, however typed
    code, out, err = jalankan("import", str(folder), str(buku.simpan()))
    assert code == 0, err
    assert "selisih" in out and "rasio" in out  # the diff: indikator_metode_negatif
    renstra = (folder / "renstra.yaml").read_text()
    # Beside polaritas, as the README writes it; init's commented example stays.
    assert (
        "        polaritas: negatif         # makin sedikit makin baik\n"
        "        metode_negatif: rasio\n"
        "        sifat: jumlah "
    ) in renstra
    assert "        # metode_negatif: rasio    # hanya bila" in renstra
    data = show(folder, 2025)
    ik12 = indikator(data)["IK1.2"]
    assert (ik12["capaian"], ik12["capaian_target_akhir"]) == ("125.00", "25.00")
    assert data["sasaran"][0]["capaian"] == "113.75"

    # "-" removes it again: the dinas's selisih, (2 × 10 − 8) / 10 × 100 = 120,00.
    buku = Buku(ekspor(folder, tmp_path))
    buku.isi("Target", "IK1.2", "Metode Negatif", "-")
    code, _out, err = jalankan("import", str(folder), str(buku.simpan()))
    assert code == 0, err
    assert "        metode_negatif: rasio\n" not in (folder / "renstra.yaml").read_text()
    assert indikator(show(folder, 2025))["IK1.2"]["capaian"] == "120.00"


def test_an_emptied_metode_removes_nothing(tmp_path: Path) -> None:
    folder = dengan_keduanya(salin(tmp_path))
    buku = Buku(ekspor(folder, tmp_path))
    tempat = buku.isi("Target", "IK1.1", "Metode Negatif", None)
    before = isi(folder)
    code, _out, err = jalankan("import", str(folder), str(buku.simpan()))
    assert code == 0, err
    assert f"{buku.path}:{tempat}: X004 (peringatan) sel dikosongkan, tetapi renstra.yaml" in err
    assert isi(folder) == before


def test_metode_on_an_indikator_that_is_not_negatif_is_s004_at_its_cell(tmp_path: Path) -> None:
    """As the YAML's S004; with the row's Uraian changed too, still at the Metode
    Negatif cell (the key the message names), and a value the YAML does not take is
    S004 at its cell; nothing is written."""
    folder = salin(tmp_path)
    before = isi(folder)
    buku = Buku(ekspor(folder, tmp_path))
    rasio = buku.isi("Target", "IK1.2", "Metode Negatif", "rasio")  # IK1.2 is positif
    buku.isi("Target", "IK1.2", "Uraian", "Jumlah UMKM")  # a second change of the indikator
    tr = buku.isi("Target", "IK2.1", "Metode Negatif", "T/R")
    buku.isi("Target", "IK2.2", "Polaritas", "negatif")
    buku.isi("Target", "IK2.2", "Metode Negatif", "selisih")  # negatif now: fine
    code, _out, err = jalankan("import", str(folder), str(buku.simpan()))
    assert code == 1
    assert (
        f"{buku.path}:{rasio}: S004 metode_negatif hanya berlaku untuk indikator berpolaritas "
        "negatif; tulis 'polaritas: negatif' atau hapus metode_negatif (polaritas indikator "
        f"ini: positif) [{folder}/renstra.yaml:"
    ) in err
    assert f"{buku.path}:{tr}: S004 harus salah satu dari: 'selisih' atau 'rasio' [" in err
    assert err.count(" S004 ") == 2
    assert isi(folder) == before

    # Polaritas changed to positif under a written metode: told at the Polaritas cell.
    dengan_keduanya(folder)
    buku = Buku(ekspor(folder, tmp_path))
    polaritas = buku.isi("Target", "IK1.1", "Polaritas", "positif")
    code, _out, err = jalankan("import", str(folder), str(buku.simpan()))
    assert code == 1
    assert f"{buku.path}:{polaritas}: S004 metode_negatif hanya berlaku" in err


def test_a_plan_declared_by_typing_its_column(tmp_path: Path) -> None:
    """Blora declares no plan; a column "Target RPJMD 2021" typed with IK1.1 35: 43,30 /
    35 × 100 = 123,714… → 123,71; IK1.1's own capaian stays the PK's, 43,30 / 32 × 100 =
    135,3125 → 135,31.  A second column of the same plan (2020, IK1.1 30) and of another
    ("Target Provinsi Jawa Tengah 2021": IK1.2 7.000 → 13.244 / 7.000 × 100 = 189,20),
    one plan declared once each."""
    folder = salin(tmp_path)
    assert "pembanding" not in (folder / "renstra.yaml").read_text()
    buku = Buku(ekspor(folder, tmp_path))
    assert not any(str(c.value).startswith("Target R") for c in buku.wb["Target"][1])
    c21 = kolom_baru(buku, "Target", "Target RPJMD 2021")
    c20 = kolom_baru(buku, "Target", "target rpjmd tahun 2020")  # however it is typed
    cpr = kolom_baru(buku, "Target", "Target Provinsi  Jawa Tengah 2021")
    kolom_baru(buku, "Target", "Target Nasional 2021")  # a column left empty: no plan
    isi_kolom(buku, "Target", "IK1.1", c21, 35)
    isi_kolom(buku, "Target", "IK1.1", c20, 30)
    isi_kolom(buku, "Target", "IK1.2", cpr, "7.000")  # text the Indonesian way: 7000
    code, out, err = jalankan("import", str(folder), str(buku.simpan()))
    assert code == 0, err
    assert "X005" not in err
    assert "{id: rpjmd, nama: RPJMD}  (renstra.yaml pembanding)" in out
    renstra = (folder / "renstra.yaml").read_text()
    # Before sasaran: (above its comment), as the README writes it.
    assert (
        "pembanding:\n  - {id: rpjmd, nama: RPJMD}\n"
        "  - {id: provinsi_jawa_tengah, nama: Provinsi Jawa Tengah}\nsasaran:\n"
    ) in renstra
    assert (
        "        target_akhir: 32\n"
        "        target_pembanding:\n          rpjmd: {2020: 30, 2021: 35}\n"
    ) in renstra
    assert (
        "        target_akhir: 6825\n"
        "        target_pembanding:\n          provinsi_jawa_tengah: {2021: 7000}\n"
    ) in renstra
    code, _out, err = jalankan("check", str(folder))
    assert code == 0, err
    data = show(folder, 2021)
    ind = indikator(data)
    assert ind["IK1.1"]["capaian"] == "135.31"
    assert ind["IK1.1"]["pembanding"] == [
        {"id": "rpjmd", "nama": "RPJMD", "target": "35", "capaian": "123.71"}
    ]
    assert ind["IK1.2"]["pembanding"] == [
        {
            "id": "provinsi_jawa_tengah",
            "nama": "Provinsi Jawa Tengah",
            "target": "7000",
            "capaian": "189.20",
        }
    ]
    # The next export has the plans' columns; exported again and imported, nothing changes.
    before = isi(folder)
    book = ekspor(folder, tmp_path)
    assert "Target Provinsi Jawa Tengah 2021" in [c.value for c in load_workbook(book)["Target"][1]]
    code, _out, err = jalankan("import", str(folder), str(book))
    assert code == 0 and "Tidak ada nilai yang berubah" in err, err
    assert isi(folder) == before


def test_a_plans_target_is_checked_at_its_cell(tmp_path: Path) -> None:
    """7.000,5 UMKM is not a whole count (K011, as a Renstra target): told at the plan's
    cell, and at a Renstra year's cell (the workbook writes target[2021], the check
    target.2021: before, the Renstra year's was told at the YAML line only)."""
    folder = dengan_pembanding(salin(tmp_path))
    buku = Buku(ekspor(folder, tmp_path))
    pb = buku.isi("Target", "IK1.2", "Target RPJMD 2021", 7000.5)
    rs = buku.isi("Target", "IK1.2", "Renstra 2020", 6800.5)
    code, _out, err = jalankan("import", str(folder), str(buku.simpan()))
    assert code == 1
    assert f"{buku.path}:{pb}: K011 IK1.2: 7000.5 unit bukan bilangan bulat [" in err
    assert f"{buku.path}:{rs}: K011 IK1.2: 6800.5 unit bukan bilangan bulat [" in err


def test_a_new_dinas_with_its_plans_and_formulas_from_a_blank_workbook(tmp_path: Path) -> None:
    """Typed into a blank workbook: IK1.1 positif, PK 2025 80, realisasi 84; IK1.2
    Polaritas "Negatif" (as a planner types it) with Metode Negatif "rasio", PK 2025 4,
    realisasi 5; a column "Target RPJMD 2025" (IK1.1 85, IK1.2 3).  By hand: IK1.1 84 /
    80 × 100 = 105,00, against RPJMD 84 / 85 × 100 = 98,823… → 98,82; IK1.2 T / R = 4 / 5
    × 100 = 80,00, against RPJMD 3 / 5 × 100 = 60,00; S1 (105,00 + 80,00) / 2 = 92,50.
    Before, a "Negatif" typed in Polaritas stopped init --from at renstra.yaml, a file
    the planner never saw."""
    buku = Buku(kosong(tmp_path))
    s1 = {"Sasaran": "S1", "Uraian Sasaran": "Meningkatnya ekspor daerah"}
    buku.tambah(
        "Target",
        {**s1, "Indikator": "IK1.1", "Uraian": "Persentase UMKM ekspor", "Satuan": "%"}
        | {"Renstra 2025": 80, "PK 2025": 80},
    )
    buku.tambah(
        "Target",
        {**s1, "Indikator": "IK1.2", "Uraian": "Jumlah sengketa dagang", "Satuan": "kasus"}
        | {"Polaritas": "Negatif", "Metode Negatif": "rasio", "Renstra 2025": 4, "PK 2025": 4},
    )
    c = kolom_baru(buku, "Target", "Target RPJMD 2025")
    ws = buku.wb["Target"]
    ws.cell(2, c).value, ws.cell(3, c).value = 85, 3
    buku.tambah("Realisasi", {"Tahun": 2025, "Indikator": "IK1.1", "Realisasi": 84})
    buku.tambah("Realisasi", {"Tahun": 2025, "Indikator": "IK1.2", "Realisasi": 5})
    baru = tmp_path / "baru"
    code, _out, err = jalankan("init", str(baru), "--from", str(buku.simpan()))
    assert code == 0, err
    renstra = (baru / "renstra.yaml").read_text()
    assert "pembanding:\n  - {id: rpjmd, nama: RPJMD}\nsasaran:\n" in renstra
    assert (
        "        satuan: kasus\n        polaritas: negatif\n        metode_negatif: rasio\n"
        "        target: {2025: 4}\n        target_pembanding:\n          rpjmd: {2025: 3}\n"
    ) in renstra
    code, _out, err = jalankan("check", str(baru))
    assert code == 0, err
    data = show(baru, 2025)
    ind = indikator(data)
    assert [(i["capaian"], i["pembanding"][0]["capaian"]) for i in ind.values()] == [
        ("105.00", "98.82"),
        ("80.00", "60.00"),
    ]
    assert data["sasaran"][0]["capaian"] == "92.50"


def test_init_from_tells_a_wrong_polaritas_at_its_cell(tmp_path: Path) -> None:
    buku = Buku(kosong(tmp_path))
    r = buku.tambah(
        "Target",
        {"Sasaran": "S1", "Uraian Sasaran": "A", "Indikator": "IK1.1", "Uraian": "B"}
        | {"Polaritas": "turun", "Renstra 2025": 4},
    )
    baru = tmp_path / "baru"
    code, _out, err = jalankan("init", str(baru), "--from", str(buku.simpan()))
    assert code == 1
    col = get_column_letter(next(c.column for c in buku.wb["Target"][1] if c.value == "Polaritas"))
    assert (
        f"{buku.path}:Target!{col}{r}: S004 harus salah satu dari: 'positif', 'negatif' atau "
        "'stabil' ["
    ) in err
    assert not baru.exists() or not any(baru.iterdir())


def test_a_workbook_of_many_plan_headers_declares_a_bounded_number(tmp_path: Path) -> None:
    """Thousands of typed plan headers: the first MAX_PEMBANDING_BARU plans are read,
    the rest are unknown columns (no cell of theirs is made)."""
    from sakipgen.model.masukan import MAX_PEMBANDING_BARU

    dinas = siapkan(salin(tmp_path)).dinas
    assert dinas is not None
    judul = [f"Target Rencana {n} 2021" for n in range(5000)]
    kolom = kolom_pembanding(dinas, judul)
    assert len(kolom) == MAX_PEMBANDING_BARU == 20
    assert kolom[-1].id == "rencana_19"


def test_a_plan_declared_into_an_empty_list(tmp_path: Path) -> None:
    """`pembanding: []` as a planner may leave it: the typed plan goes into it."""
    folder = salin(tmp_path)
    ganti(folder / "renstra.yaml", "\nsasaran:\n", "\npembanding: []   # RPJMD nanti\nsasaran:\n")
    buku = Buku(ekspor(folder, tmp_path))
    isi_kolom(buku, "Target", "IK1.1", kolom_baru(buku, "Target", "Target RPJMD 2021"), 35)
    code, _out, err = jalankan("import", str(folder), str(buku.simpan()))
    assert code == 0, err
    renstra = (folder / "renstra.yaml").read_text()
    assert "\npembanding: [{id: rpjmd, nama: RPJMD}]   # RPJMD nanti\nsasaran:\n" in renstra
