"""Figures real reports print that the format now holds (issue 24): printed kategori and
printed capaian against the Renstra target akhir (checked, K013), the kategori of that
capaian, and ``show`` keeping every sasaran and listing a kegiatan once, under the
sasaran it serves.

Every expected figure is computed by hand from the YAML written here (see
test_metode_negatif.py: IK1 negatif rasio, IK2 negatif selisih, IK3, and S3's IK4 with a
target for 2022 only) or in the example (the arithmetic is in the comments)."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from tests.cli.test_metode_negatif import dinas, jalankan
from tests.conftest import periksa


def test_the_kategori_of_the_capaian_against_the_target_akhir(tmp_path: Path) -> None:
    """On permendagri-86 (>= 91 Sangat Tinggi, 76 Tinggi, 66 Sedang, 51 Rendah, below
    Sangat Rendah): IK1 5 / 8 = 62,50 Rendah, IK2 (2×5 − 8) / 5 = 40,00 Sangat Rendah,
    IK3 36 / 50 = 72,00 Sedang."""
    root = dinas(tmp_path)
    code, out, err = jalankan("show", str(root), "--year", "2021", "--format", "json")
    assert code == 0, err
    ind = {i["id"]: i for s in json.loads(out)["sasaran"] for i in s["indikator"]}
    assert [ind[k]["kategori_target_akhir"] for k in ("IK1", "IK2", "IK3")] == [
        "Rendah",
        "Sangat Rendah",
        "Sedang",
    ]
    out_csv = tmp_path / "csv"
    code, _o, err = jalankan(
        "export", str(root), "--year", "2021", "--format", "csv", "--out", str(out_csv)
    )
    assert code == 0, err
    with (out_csv / "capaian-indikator.csv").open(encoding="utf-8-sig") as fh:
        rows = {r["Kode Indikator"]: r for r in csv.DictReader(fh, delimiter=";")}
    assert rows["IK1"]["Capaian thd Target Akhir Renstra (%)"] == "62,50"
    assert rows["IK1"]["Kategori thd Target Akhir Renstra"] == "Rendah"
    assert rows["IK3"]["Kategori thd Target Akhir Renstra"] == "Sedang"


def test_printed_kategori_and_target_akhir_are_checked(tmp_path: Path) -> None:
    """IK3 has capaian 36 / 40 = 90,00 (Tinggi) and against its target akhir 36 / 50 =
    72,00 (Sedang); IK4 has no target akhir, so its printed one cannot be checked."""
    realisasi = """\
    indikator:
      IK1: 8
      IK2: 8
      IK3: {nilai: 36, tercetak: {capaian: 90, kategori: T, capaian_target_akhir: 72.0,
            kategori_target_akhir: Sedang}}
    """
    root = dinas(tmp_path, {"2021/realisasi.yaml": realisasi})
    assert [x.code for x in periksa(root)[1]] == []  # all agree (T is Tinggi)
    realisasi = realisasi.replace("capaian: 90, kategori: T,", "capaian: 90.1, kategori: ST,")
    realisasi = realisasi.replace("kategori_target_akhir: Sedang", "kategori_target_akhir: S")
    root = dinas(tmp_path / "b", {"2021/realisasi.yaml": realisasi})
    found = [(x.location.yaml_path, x.message) for x in periksa(root)[1] if x.code == "K013"]
    assert found == [
        (
            "indikator.IK3.tercetak.capaian",
            "capaian indikator IK3 tercetak 90,1 berbeda dengan hasil hitung 90,0 "
            "(target 40, realisasi 36)",
        ),
        (
            "indikator.IK3.tercetak.kategori",
            "kategori indikator IK3 tercetak 'ST' berbeda dengan hasil hitung 'Tinggi' "
            "(capaian 90,00)",
        ),
    ]  # "S" is Sedang's abbreviation: it agrees
    # A printed capaian against a target akhir the Renstra does not have (IK4: none).
    files = {
        "2022/target.yaml": "rkt: {indikator: {IK4: 70}}\n",
        "2022/realisasi.yaml": "indikator:\n  IK4: {nilai: 65, tercetak: "
        "{capaian_target_akhir: 92.86}}\n",
    }
    root = dinas(tmp_path / "c", files)
    (k013,) = [x for x in periksa(root, base=root)[1] if x.code == "K013"]
    assert k013.location.file == "2022/realisasi.yaml"
    assert "tidak punya target_akhir di renstra.yaml" in k013.message


def test_show_keeps_a_sasaran_without_target_this_year(tmp_path: Path) -> None:
    """S3's one indikator IK4 has a target for 2022 only: in 2021 S3 is listed with IK4
    and no figures, in show (text and JSON) and in the export's capaian tables."""
    root = dinas(tmp_path)
    d = json.loads(jalankan("show", str(root), "--year", "2021", "--format", "json")[1])
    assert [s["id"] for s in d["sasaran"]] == ["S1", "S2", "S3"]
    s3 = d["sasaran"][2]
    assert (s3["capaian"], s3["kategori"]) == (None, None)
    assert [(i["id"], i["target"], i["realisasi"]) for i in s3["indikator"]] == [
        ("IK4", None, None)
    ]
    assert d["capaian"] == "106.25"  # (122,50 + 90,00) / 2: S3 enters no mean
    code, out, _err = jalankan("show", str(root), "--year", "2021")
    assert code == 0
    assert "S3. Meningkatnya tata kelola" in out and "IK4 Nilai SAKIP" in out
    # A year whose every target is "-" (or absent) keeps all its sasaran (it printed
    # "sasaran": [] before).
    pk = 'pk: {indikator: {IK1: "-", IK2: "-", IK3: "-"}}\n'
    root2 = dinas(tmp_path / "b", {"2021/target.yaml": pk, "2021/realisasi.yaml": "{}\n"})
    code, out2, err2 = jalankan("show", str(root2), "--year", "2021", "--format", "json")
    assert code == 0, err2
    d2 = json.loads(out2)
    assert [s["id"] for s in d2["sasaran"]] == ["S1", "S2", "S3"]
    assert [i["target"] for s in d2["sasaran"] for i in s["indikator"]] == [None] * 4
    assert d2["capaian"] is None
    out_csv = tmp_path / "csv"
    code, _o, err = jalankan(
        "export", str(root), "--year", "2021", "--format", "csv", "--out", str(out_csv)
    )
    assert code == 0, err
    with (out_csv / "capaian-indikator.csv").open(encoding="utf-8-sig") as fh:
        rows = list(csv.DictReader(fh, delimiter=";"))
    ik4 = next(r for r in rows if r["Kode Indikator"] == "IK4")
    assert (ik4["Kode Sasaran"], ik4["Target"], ik4["Capaian (%)"]) == ("S3", "", "")
    assert ik4["Keterangan"] == "tanpa target tahun ini"
    with (out_csv / "capaian-sasaran.csv").open(encoding="utf-8-sig") as fh:
        sas = {r["Kode Sasaran"]: r for r in csv.DictReader(fh, delimiter=";")}
    assert (sas["S3"]["Jumlah Indikator"], sas["S3"]["Capaian (%)"]) == ("0", "")


def test_show_lists_a_kegiatan_once_under_the_sasaran_it_serves() -> None:
    """Buleleng 2021 P12 (Program Penunjang): K12.1 serves S6, K12.2 serves S7
    (anggaran.yaml).  S6: K12.1's sub kegiatan pagu 101.694.576, spent 21.123.150 +
    24.063.400 + 22.400.850 = 67.587.400.  S7: K12.2's own pagu 5.746.648.761, spent (its
    sub kegiatan's quarters) 1.362.123.250 + 1.515.817.300 + 1.401.623.725 =
    4.279.564.275."""
    code, out, err = jalankan("show", "examples/buleleng", "--year", "2021", "--format", "json")
    assert code == 0, err
    a = json.loads(out)["anggaran"]
    by = {s["id"]: s for s in a["sasaran"]}
    (p6,) = [p for p in by["S6"]["program"] if p["id"] == "P12"]
    (p7,) = [p for p in by["S7"]["program"] if p["id"] == "P12"]
    assert [(k["id"], k["pagu"], k["realisasi"]) for k in p6["kegiatan"]] == [
        ("K12.1", "101694576", "67587400")
    ]
    assert [(k["id"], k["pagu"], k["realisasi"]) for k in p7["kegiatan"]] == [
        ("K12.2", "5746648761", "4279564275")
    ]
    assert [sk["id"] for sk in p7["kegiatan"][0]["sub_kegiatan"]] == ["SK12.2.1"]
    # Each program part's kegiatan add up to it.
    assert p6["pagu"] == "101694576" and p7["pagu"] == "5746648761"
