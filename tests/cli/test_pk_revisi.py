"""PK Perubahan whose "target semula" comes from git history (dokumen.yaml
``pk_perubahan: {revisi_pk: <revision>}``).

Blora's PK 2021 is committed, then turned into a PK Perubahan with new targets (the
``pk`` itself is gone from target.yaml): the document prints the committed PK targets
as "Target Semula" beside the amended ones.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.baca_docx import buka, semua_baris
from tests.cli.test_cli import sakipgen
from tests.cli.test_diff import git, pytestmark, repo_with

__all__ = ["pytestmark"]

PERUBAHAN = """pk_perubahan:
  indikator:
    IK1.1: 35
    IK1.2: 7000
    IK2.1: 2942679
    IK2.2: {target: 75, semula: 71, alasan: semula ditulis tangan}
"""


def amend(folder: Path, revisi: str) -> None:
    (folder / "2021" / "target.yaml").write_text(PERUBAHAN, encoding="utf-8")
    dokumen = folder / "2021" / "dokumen.yaml"
    dokumen.write_text(
        dokumen.read_text(encoding="utf-8") + f"pk_perubahan:\n  revisi_pk: {revisi}\n",
        encoding="utf-8",
    )


def table_rows(docx: Path) -> list[list[str]]:
    return semua_baris(buka(docx.read_bytes()))


def test_pk_perubahan_semula_from_revision(tmp_path: Path) -> None:
    repo, folder = repo_with(tmp_path)
    first = git(repo, "rev-parse", "HEAD")
    amend(folder, first)
    git(repo, "commit", "-q", "-am", "PK Perubahan 2021")

    check = sakipgen("check", "data/blora", "--format", "json", cwd=repo)
    # K001 (a PK Perubahan target unlike the Renstra's) is not raised: revisi_pk documents
    # what each target replaces.
    assert "K001" not in check.stdout and check.returncode == 0, check.stdout

    proc = sakipgen("build", "data/blora", "--doc", "pk", cwd=repo)
    assert proc.returncode == 0, proc.stderr
    found = table_rows(folder / "build" / "pk-2021.docx")
    header = next(r for r in found if "Target Semula" in r)
    assert header[-2:] == ["Target Semula", "Target Perubahan"]
    cells = {r[2]: r[-2:] for r in found if len(r) >= 5}
    assert cells["1. Persentase koperasi sehat"] == ["32%", "35%"]
    assert cells["2. Jumlah Usaha Mikro Kecil dan Menengah (UMKM)"] == [
        "6.825\u00a0unit",
        "7.000\u00a0unit",
    ]
    assert cells["1. Nilai ekspor produk-produk asal Kabupaten Blora"] == [
        "US$\u00a02.942.679",
        "US$\u00a02.942.679",
    ]
    # An explicit "semula" in target.yaml wins over the revision's 70.
    assert cells[
        "2. Persentase pasar tradisional yang memenuhi syarat kenyamanan dan kesehatan"
    ] == ["71%", "75%"]


@pytest.mark.parametrize("revisi", ["tidak-ada-revisi", "deadbeef", "--output=x"])
def test_unreadable_revision_is_d001(tmp_path: Path, revisi: str) -> None:
    repo, folder = repo_with(tmp_path)
    amend(folder, revisi)
    proc = sakipgen("build", "data/blora", "--doc", "pk", cwd=repo)
    assert proc.returncode == 1
    assert "D001" in proc.stderr and f"revisi_pk '{revisi}'" in proc.stderr
    assert not (folder / "build" / "pk-2021.docx").exists()
    assert not (repo / "x").exists()  # never read as a git option


def test_revision_without_pk_is_d001(tmp_path: Path) -> None:
    repo, folder = repo_with(tmp_path, "sinjai")  # Sinjai 2018: an RKT, no PK
    first = git(repo, "rev-parse", "HEAD")
    (folder / "2018" / "target.yaml").write_text(
        "pk_perubahan:\n  indikator:\n    IK1.1: 80\n", encoding="utf-8"
    )
    dokumen = folder / "2018" / "dokumen.yaml"
    dokumen.write_text(
        dokumen.read_text(encoding="utf-8") + f"pk_perubahan:\n  revisi_pk: {first}\n",
        encoding="utf-8",
    )
    proc = sakipgen("build", "data/sinjai", "--doc", "pk", "--year", "2018", cwd=repo)
    assert proc.returncode == 1, proc.stdout
    assert "D001" in proc.stderr and "tidak memuat 'pk'" in proc.stderr


def test_pk_in_force_before_the_perubahan_from_revision(tmp_path: Path) -> None:
    """Before the PK Perubahan is in force (undated: until December), a quarter is
    measured against the signed PK: here the revision's, for every entry that writes no
    ``semula`` of its own, although one entry (IK2.2) does."""
    from sakipgen.pipeline import Pilihan, siapkan

    repo, folder = repo_with(tmp_path)
    first = git(repo, "rev-parse", "HEAD")
    amend(folder, first)
    git(repo, "commit", "-q", "-am", "PK Perubahan 2021")

    bundel = siapkan(folder, pilihan=Pilihan(periode=(2021, 3, 1)))
    assert bundel.periode is not None and bundel.periode.berlaku is not None
    assert bundel.periode.berlaku.sumber == "pk"
    target = {i.indikator.id: i.target for i in bundel.periode.indikator}
    # The committed PK 2021 (examples/blora/2021/target.yaml): IK1.1 32, IK1.2 6825,
    # IK2.1 2942679; IK2.2's own semula 71 (not the revision's 70).
    assert {k: v.angka if v else None for k, v in target.items()} == {
        "IK1.1": 32,
        "IK1.2": 6825,
        "IK2.1": 2942679,
        "IK2.2": 71,
    }
