"""Figures real reports print that the format now holds (issue 24): printed kategori and
printed capaian against the Renstra target akhir (checked, K013), and the kategori of
that capaian.

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
