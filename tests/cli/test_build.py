"""`sakipgen build` as a user runs it."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.cli.test_cli import sakipgen
from tests.conftest import EXAMPLES


def copy(tmp_path: Path, name: str = "blora") -> Path:
    root = tmp_path / name
    shutil.copytree(EXAMPLES / name, root, ignore=shutil.ignore_patterns("build"))
    return root


def test_build_lkjip_default_path(tmp_path: Path) -> None:
    copy(tmp_path)
    proc = sakipgen("build", "blora", "--doc", "lkjip", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "blora/build/lkjip-2021.docx"
    assert (tmp_path / "blora" / "build" / "lkjip-2021.docx").read_bytes()[:2] == b"PK"


def test_build_out_file_and_folder(tmp_path: Path) -> None:
    copy(tmp_path)
    one = sakipgen("build", "blora", "--doc", "pk", "--out", "hasil/pk.docx", cwd=tmp_path)
    assert one.returncode == 0 and (tmp_path / "hasil" / "pk.docx").is_file()
    many = sakipgen("build", "blora", "--doc", "pk", "--out", "keluaran", cwd=tmp_path)
    assert many.returncode == 0 and (tmp_path / "keluaran" / "pk-2021.docx").is_file()
    bad = sakipgen("build", "blora", "--doc", "all", "--out", "x.docx", cwd=tmp_path)
    assert bad.returncode == 2


def test_build_refuses_broken_data_and_keeps_old_file(tmp_path: Path) -> None:
    root = copy(tmp_path)
    assert sakipgen("build", "blora", "--doc", "pk", cwd=tmp_path).returncode == 0
    built = root / "build" / "pk-2021.docx"
    before = built.read_bytes()
    target = root / "2021" / "target.yaml"
    target.write_text(
        target.read_text(encoding="utf-8").replace("IK2.2: 70", "IK2.9: 70"), encoding="utf-8"
    )
    proc = sakipgen("build", "blora", "--doc", "pk", cwd=tmp_path)
    assert proc.returncode == 1
    assert "R001" in proc.stderr and "tidak ada dokumen yang ditulis" in proc.stderr
    assert built.read_bytes() == before


def test_build_missing_data_names_what_is_missing(tmp_path: Path) -> None:
    copy(tmp_path)
    proc = sakipgen("build", "blora", "--doc", "lkjip", "--year", "2020", cwd=tmp_path)
    assert proc.returncode == 1
    assert "D001" in proc.stderr and "realisasi" in proc.stderr
    assert not (tmp_path / "blora" / "build" / "lkjip-2020.docx").exists()


def test_build_e81_of_a_year_without_realisasi(tmp_path: Path) -> None:
    """Issue 24: Sinjai 2018 has programs and no realisasi; asked for triwulan II the
    E.81 was written with 2017's figures ("95,97 Sangat Tinggi").  Refused, as without
    --triwulan, with the folder's located D001."""
    copy(tmp_path, "sinjai")
    for opsi in (["--triwulan", "2"], []):
        proc = sakipgen("build", "sinjai", "--doc", "e81", "--year", "2018", *opsi, cwd=tmp_path)
        assert proc.returncode == 1
        assert (
            "sinjai: D001 e81 2018: belum ada realisasi tahun 2018 untuk dievaluasi" in proc.stderr
        )
        assert not list((tmp_path / "sinjai").glob("build/e81-*"))
