"""`sakipgen diff`: the plan data compared between two git revisions.

Each test builds its own repository: Blora copied into a subfolder, committed, then a
target and a pagu changed (Blora 2021 PK IK1.1 32 → 35; P01 pagu 30.000.000 →
31.000.000).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from sakipgen import beda
from sakipgen.pipeline import Bundel, siapkan
from tests.cli.test_cli import sakipgen
from tests.conftest import EXAMPLES, ganti

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git tidak terpasang")

GIT_ENV = {
    "GIT_CONFIG_GLOBAL": os.devnull,
    "GIT_CONFIG_NOSYSTEM": "1",
    "GIT_AUTHOR_NAME": "Uji",
    "GIT_AUTHOR_EMAIL": "uji@example.org",
    "GIT_COMMITTER_NAME": "Uji",
    "GIT_COMMITTER_EMAIL": "uji@example.org",
}


def git(repo: Path, *args: str) -> str:
    proc = subprocess.run(
        ["git", "-C", str(repo), *args],
        env={**os.environ, **GIT_ENV},
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    return proc.stdout.strip()


def repo_with(tmp_path: Path, name: str = "blora") -> tuple[Path, Path]:
    """A fresh repository holding the example under ``data/<name>``, committed."""
    repo = tmp_path / "repo"
    folder = repo / "data" / name
    shutil.copytree(EXAMPLES / name, folder, ignore=shutil.ignore_patterns("build"))
    git(repo, "init", "-q")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "data awal")
    return repo, folder


def change_target_and_pagu(folder: Path) -> None:
    ganti(folder / "2021" / "target.yaml", "IK1.1: 32\n", "IK1.1: 35\n")
    ganti(folder / "2021" / "anggaran.yaml", "pagu: 30000000\n", "pagu: 31000000\n")


EXPECTED = [
    {
        "jenis": "target",
        "tahun": 2021,
        "dokumen": "pk",
        "lokasi": "2021/target.yaml",
        "id": "IK1.1",
        "uraian": "Persentase koperasi sehat",
        "lama": "32",
        "baru": "35",
        "dokumen_lama": "pk",
        "dokumen_baru": "pk",
    },
    {
        "jenis": "pagu_program",
        "tahun": 2021,
        "dokumen": "anggaran",
        "lokasi": "2021/anggaran.yaml",
        "id": "P01",
        "uraian": "Program Penilaian Kesehatan KSP/USP Koperasi",
        "lama": "30000000",
        "baru": "31000000",
        "dokumen_lama": "anggaran",
        "dokumen_baru": "anggaran",
    },
]


def test_diff_two_revisions_json(tmp_path: Path) -> None:
    repo, folder = repo_with(tmp_path)
    change_target_and_pagu(folder)
    git(repo, "commit", "-q", "-am", "target dan pagu diubah")
    first = git(repo, "rev-parse", "HEAD~1")
    proc = sakipgen("diff", "data/blora", "HEAD~1", "HEAD", "--format", "json", cwd=repo)
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert data["perubahan"] == EXPECTED
    assert data["lama"] == {"revisi": "HEAD~1", "commit": first}
    assert data["baru"] == {"revisi": "HEAD", "commit": git(repo, "rev-parse", "HEAD")}
    # From inside the dinas folder, against the working tree: the same changes.
    here = sakipgen("diff", ".", first, "--format", "json", cwd=folder)
    assert here.returncode == 0, here.stderr
    assert json.loads(here.stdout)["perubahan"] == EXPECTED
    assert json.loads(here.stdout)["baru"] == {"revisi": None, "commit": None}


def test_diff_working_tree_text(tmp_path: Path) -> None:
    repo, folder = repo_with(tmp_path)
    change_target_and_pagu(folder)
    # Reformatting and comments are not changes: the models are compared, not the text.
    ganti(folder / "2021" / "target.yaml", "IK2.2: 70\n", "IK2.2: 70.0   # diformat ulang\n")
    proc = sakipgen("diff", "data/blora", "HEAD", cwd=repo)
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    assert "Target" in out and "Anggaran" in out
    target_line = next(ln for ln in out.splitlines() if "IK1.1" in ln)
    assert "2021" in target_line and "PK" in target_line
    assert "32" in target_line and "35" in target_line
    pagu_line = next(ln for ln in out.splitlines() if "P01" in ln)
    assert "30.000.000" in pagu_line and "31.000.000" in pagu_line
    assert "IK2.2" not in out
    assert "2 perubahan antara HEAD (" in out and "dan isi folder saat ini" in out


def test_diff_without_changes(tmp_path: Path) -> None:
    repo, _ = repo_with(tmp_path)
    proc = sakipgen("diff", "data/blora", "HEAD", "--format", "json", cwd=repo)
    assert proc.returncode == 0 and json.loads(proc.stdout)["perubahan"] == []
    text = sakipgen("diff", "data/blora", "HEAD", cwd=repo)
    assert text.returncode == 0 and "Tidak ada perubahan" in text.stdout


def test_diff_bad_revision_and_not_a_repository(tmp_path: Path) -> None:
    repo, _ = repo_with(tmp_path)
    bad = sakipgen("diff", "data/blora", "tidak-ada", cwd=repo)
    assert bad.returncode == 2 and "revisi 'tidak-ada' tidak dikenal" in bad.stderr
    option = sakipgen("diff", "data/blora", "--", "--output=/tmp/x", cwd=repo)
    assert option.returncode == 2 and "tidak dikenal" in option.stderr
    plain = tmp_path / "lepas" / "blora"
    shutil.copytree(EXAMPLES / "blora", plain, ignore=shutil.ignore_patterns("build"))
    env = {"GIT_CEILING_DIRECTORIES": str(tmp_path)}
    outside = sakipgen("diff", "lepas/blora", "HEAD", cwd=tmp_path, env=env)
    assert outside.returncode == 2 and "tidak berada di dalam repositori git" in outside.stderr
    # A folder added after the revision: it is not there at that revision.
    shutil.copytree(EXAMPLES / "sinjai", repo / "data" / "sinjai")
    new = sakipgen("diff", "data/sinjai", "HEAD", cwd=repo)
    assert new.returncode == 2 and "tidak ada pada revisi 'HEAD'" in new.stderr


def test_diff_data_errors_exit_1(tmp_path: Path) -> None:
    repo, folder = repo_with(tmp_path)
    target = folder / "2021" / "target.yaml"
    ganti(target, "IK2.2: 70\n", "IK2.9: 70\n")
    now = sakipgen("diff", "data/blora", "HEAD", cwd=repo)
    assert now.returncode == 1 and "R001" in now.stderr
    # An error in the old revision is named by revision and path, the way git does.
    git(repo, "commit", "-q", "-am", "salah ketik")
    ganti(target, "IK2.9: 70\n", "IK2.2: 70\n")
    old = sakipgen("diff", "data/blora", "HEAD", cwd=repo)
    assert old.returncode == 1
    assert "HEAD:data/blora/2021/target.yaml:" in old.stderr and "R001" in old.stderr


def load(folder: Path) -> Bundel:
    found = siapkan(folder)
    assert found.dinas is not None, found.diagnostics
    return found


def test_bandingkan_renstra_realisasi_and_programs(tmp_path: Path) -> None:
    """The comparison itself, on two folders (no git needed)."""
    old = tmp_path / "lama"
    new = tmp_path / "baru"
    for f in (old, new):
        shutil.copytree(EXAMPLES / "blora", f, ignore=shutil.ignore_patterns("build", "narasi"))
    renstra = new / "renstra.yaml"
    ganti(
        renstra, "uraian: Persentase koperasi sehat\n", "uraian: Persentase koperasi aktif sehat\n"
    )
    ganti(renstra, "target: {2020: 60, 2021: 70}", "target: {2020: 60, 2021: 72}")
    ganti(
        renstra,
        "        target: {2020: 100}\n",
        "        target: {2020: 100}\n"
        "  - id: S4\n    uraian: Meningkatnya tertib niaga\n    indikator:\n"
        "      - {id: IK4.1, uraian: Persentase pelaku usaha tertib, satuan: '%',"
        " target: {2021: 50}}\n",
    )
    ganti(new / "2021" / "realisasi.yaml", "nilai: 43.30", "nilai: 44.10")
    anggaran = new / "2021" / "anggaran.yaml"
    text = anggaran.read_text(encoding="utf-8")
    start = text.index("  - id: P09")
    anggaran.write_text(
        text[:start] + "  - {id: P10, uraian: Program Baru, sasaran: S2, pagu: 5000000}\n",
        encoding="utf-8",
    )
    a, b = load(old), load(new)
    assert a.dinas is not None and b.dinas is not None
    found = [
        (p.jenis, p.tahun, p.id, beda.teks_json(p.lama), beda.teks_json(p.baru))
        for p in beda.bandingkan(a, b)
    ]
    assert found == [
        ("sasaran_ditambah", None, "S4", None, "Meningkatnya tertib niaga"),
        (
            "indikator_uraian",
            None,
            "IK1.1",
            "Persentase koperasi sehat",
            "Persentase koperasi aktif sehat",
        ),
        ("indikator_ditambah", None, "IK4.1", None, "Persentase pelaku usaha tertib"),
        ("target_renstra", 2021, "IK2.2", "70", "72"),
        ("target_renstra", 2021, "IK4.1", None, "50"),
        ("realisasi", 2021, "IK1.1", "43.30", "44.10"),
        ("program_ditambah", 2021, "P10", None, "5000000"),
        ("program_dihapus", 2021, "P09", "10000000", None),
    ]
    # Removing is the mirror image.
    back = [(p.jenis, p.id) for p in beda.bandingkan(b, a)]
    assert ("sasaran_dihapus", "S4") in back and ("indikator_dihapus", "IK4.1") in back


def test_sama_compares_values_not_text() -> None:
    from sakipgen.model.nilai import parse_nilai

    assert beda.sama(parse_nilai(32), parse_nilai("32,0"))
    assert not beda.sama(parse_nilai(32), parse_nilai(35))
    assert beda.sama(parse_nilai("WTP"), parse_nilai(" WTP "))
    assert not beda.sama(parse_nilai(32), None)


def test_diff_help_has_examples() -> None:
    proc = sakipgen("diff", "--help")
    assert proc.returncode == 0 and "Contoh: sakipgen diff" in proc.stdout


def test_bandingkan_a_quarter_entered(tmp_path: Path) -> None:
    """Triwulan III entered on top of triwulan II: each month of an indikator and each
    period of a rencana aksi row is a change of its own, the sections apart."""
    from sakipgen.laporan.perubahan import _bagian

    old = tmp_path / "lama"
    new = tmp_path / "baru"
    for f in (old, new):
        shutil.copytree(EXAMPLES / "buleleng", f, ignore=shutil.ignore_patterns("build"))
    ganti(old / "2021" / "realisasi.yaml", ", 7: 43.8, 8: 50.1,\n              9: 56.4}", "}")
    ganti(
        old / "2021" / "rencana-aksi.yaml",
        'realisasi: ["-", "-", "6,8%", "7,9%", "8,7%", "9,8%", "10,6%", "13,5%", "16,2%"]',
        'realisasi: ["-", "-", "6,8%", "7,9%", "8,7%", "9,8%"]',
    )
    a, b = load(old), load(new)
    found = [
        (
            p.jenis,
            p.dokumen,
            p.id,
            p.uraian.rsplit(" — ", 1)[1],
            beda.teks_json(p.lama),
            beda.teks_json(p.baru),
        )
        for p in beda.bandingkan(a, b)
    ]
    assert found == [
        ("realisasi_periode", "realisasi", "IK1.1", "bulan 7", None, "43.8"),
        ("realisasi_periode", "realisasi", "IK1.1", "bulan 8", None, "50.1"),
        ("realisasi_periode", "realisasi", "IK1.1", "bulan 9", None, "56.4"),
        ("realisasi_rencana_aksi", "rencana_aksi", "eselon_iii/1", "bulan 7", None, "10,6%"),
        ("realisasi_rencana_aksi", "rencana_aksi", "eselon_iii/1", "bulan 8", None, "13,5%"),
        ("realisasi_rencana_aksi", "rencana_aksi", "eselon_iii/1", "bulan 9", None, "16,2%"),
    ]
    # money spent is Anggaran's, though its jenis also starts "realisasi"
    assert _bagian(beda.Perubahan("realisasi_program", 2021, "anggaran", "", "P01", "", 1, 2)) == (
        "Anggaran"
    )


def test_bandingkan_the_formula_of_a_negative_indikator(tmp_path: Path) -> None:
    """Issue 24: a negative indikator's formula changed, by its own metode_negatif or by
    the dinas's default, is a change; a positive indikator has none."""
    old = tmp_path / "lama"
    new = tmp_path / "baru"
    for f in (old, new):
        shutil.copytree(EXAMPLES / "blora", f, ignore=shutil.ignore_patterns("build", "narasi"))
        ganti(f / "renstra.yaml", "        target: {2020: 60, 2021: 70}\n",
              "        polaritas: negatif\n        target: {2020: 60, 2021: 70}\n")  # fmt: skip
    ganti(new / "renstra.yaml", "        polaritas: negatif\n",
          "        polaritas: negatif\n        metode_negatif: rasio\n")  # fmt: skip
    a, b = load(old), load(new)
    found = [
        (p.jenis, p.id, beda.teks_json(p.lama), beda.teks_json(p.baru))
        for p in beda.bandingkan(a, b)
    ]
    assert found == [("indikator_metode_negatif", "IK2.2", "selisih", "rasio")]
    # The dinas's default made rasio: the indikator's own rasio is no change any more.
    ganti(old / "sakip.yaml", "metode_negatif: selisih", "metode_negatif: rasio")
    assert beda.bandingkan(load(old), b) == []


PERUBAHAN = """\
pk_perubahan:
  indikator:
    IK1.1: {target: 35, semula: 32, alasan: penyesuaian APBD Perubahan}
    IK1.2: 6825
    IK2.1: {target: 3000000, semula: 2900000}
    IK2.2: 70
"""


def test_diff_of_a_new_pk_perubahan(tmp_path: Path) -> None:
    """Issue 24: a PK Perubahan added to Blora 2021 (PK IK1.1 32, IK1.2 6825, IK2.1
    2.942.679, IK2.2 70).  Each entry reads against the PK target it amends — not "(tidak ada)"
    for every indikator: IK1.1 PK 32 → PK Perubahan 35 (its semula 32 is that PK
    target, not a change of its own); IK1.2 and IK2.2 unchanged; IK2.1 PK 2.942.679 →
    PK Perubahan 3.000.000, whose semula 2.900.000 differs from the PK's and is shown."""
    repo, folder = repo_with(tmp_path)
    target = folder / "2021" / "target.yaml"
    target.write_text(target.read_text(encoding="utf-8") + PERUBAHAN, encoding="utf-8")
    proc = sakipgen("diff", "data/blora", "HEAD", "--format", "json", cwd=repo)
    assert proc.returncode == 0, proc.stderr
    found = [
        (p["jenis"], p["dokumen"], p["id"], p["dokumen_lama"], p["lama"], p["baru"])
        for p in json.loads(proc.stdout)["perubahan"]
    ]
    assert found == [
        ("target", "pk_perubahan", "IK1.1", "pk", "32", "35"),
        ("target", "pk_perubahan", "IK2.1", "pk", "2942679", "3000000"),
        ("target_semula", "pk_perubahan", "IK2.1", "pk_perubahan", None, "2900000"),
    ]
    text = sakipgen("diff", "data/blora", "HEAD", cwd=repo)
    line = next(ln for ln in text.stdout.splitlines() if "IK1.1" in ln)
    assert "PK 32" in line and "PK Perubahan 35" in line and "(tidak ada)" not in line
    # The other way round: the PK Perubahan removed gives the PK's target back.
    git(repo, "commit", "-q", "-am", "PK Perubahan")
    target.write_text(target.read_text(encoding="utf-8").replace(PERUBAHAN, ""), "utf-8")
    back = sakipgen("diff", "data/blora", "HEAD", "--format", "json", cwd=repo)
    first = json.loads(back.stdout)["perubahan"][0]
    assert (first["id"], first["lama"], first["dokumen_baru"], first["baru"]) == (
        "IK1.1", "35", "pk", "32",
    )  # fmt: skip
