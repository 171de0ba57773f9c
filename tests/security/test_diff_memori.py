"""`sakipgen diff` (and the PK Perubahan's "target semula") read a revision without
holding it in memory: only the files the loader reads are taken out of git, one at a
time, in pieces; a file over the size limit is not read at all and is reported as on
the working tree. A revision's symlinks are never written through nor read outside the
dinas folder.
"""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
import tracemalloc
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest

from sakipgen import beda
from sakipgen.diagnostics import Diagnostic
from sakipgen.load import revisi
from sakipgen.load.yaml_reader import MAX_BYTES
from sakipgen.pipeline import siapkan, siapkan_revisi
from tests.cli.test_cli import sakipgen
from tests.cli.test_diff import git, repo_with
from tests.conftest import EXAMPLES, ganti

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git tidak terpasang")

MiB = 1024 * 1024
VIDEO = 32 * MiB


def _f(diags: list[Diagnostic], code: str) -> list[tuple[str, str]]:
    return [(d.location.file, d.message) for d in diags if d.code == code]


def _dibaca(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The blobs whose content is read from git, recorded as they are read."""
    names: list[str] = []
    salin = revisi._CatFile.salin

    def mencatat(
        self: revisi._CatFile, blob: revisi._Blob, tulis: Callable[[bytes], object]
    ) -> None:
        names.append(blob.nama)
        salin(self, blob, tulis)

    monkeypatch.setattr(revisi._CatFile, "salin", mencatat)
    return names


def test_large_blobs_are_not_read_and_the_limit_is_reported_as_on_the_working_tree(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo, folder = repo_with(tmp_path)
    with (folder / "video.mp4").open("wb") as fh:  # incompressible, as a video is
        for _ in range(VIDEO // MiB):
            fh.write(os.urandom(MiB))
    besar = folder / "2021" / "tabel" / "besar.yaml"
    line = b"# baris komentar yang panjang untuk membuat berkas besar\n"
    besar.write_bytes(line * (MAX_BYTES // len(line) + 2))
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "video dan tabel besar")
    read = _dibaca(monkeypatch)

    tracemalloc.start()
    try:
        lama = siapkan_revisi(folder, "HEAD")
        _now, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    # The old extraction held every blob at once (> 32 MiB here); now one piece at a
    # time, and the video is never read. The rest is loading Blora itself.
    assert peak < 16 * MiB, peak

    assert "video.mp4" not in read and "2021/tabel/besar.yaml" not in read
    assert {"sakip.yaml", "renstra.yaml", "2021/target.yaml", "2021/anggaran.yaml"} <= set(read)
    assert all(n.endswith((".yaml", ".md")) for n in read), read

    # The too-large table: the same F003, with its real size, as `check` on the working tree.
    kerja = siapkan(folder)
    ukuran = f"{besar.stat().st_size:,}".replace(",", ".")
    [(file_lama, pesan_lama)] = _f(lama.diagnostics, "F003")
    [(file_kerja, pesan_kerja)] = _f(kerja.diagnostics, "F003")
    assert pesan_lama == pesan_kerja and ukuran in pesan_lama
    assert file_lama == "HEAD:data/blora/2021/tabel/besar.yaml"
    assert Path(file_kerja).as_posix().endswith("data/blora/2021/tabel/besar.yaml")
    # Everything else is as on the working tree (the same warnings, unknown files included).
    assert sorted((d.code, d.message) for d in lama.diagnostics) == sorted(
        (d.code, d.message) for d in kerja.diagnostics
    )

    proc = sakipgen("diff", "data/blora", "HEAD", cwd=repo)
    assert proc.returncode == 1
    assert f"HEAD:data/blora/2021/tabel/besar.yaml:1:1: F003 {pesan_lama}" in proc.stderr
    assert f"data/blora/2021/tabel/besar.yaml:1:1: F003 {pesan_kerja}" in proc.stderr


def _png(lebar: int, tinggi: int) -> bytes:
    ihdr = struct.pack(">II", lebar, tinggi) + b"\x08\x02\x00\x00\x00"
    chunk = struct.pack(">I", len(ihdr)) + b"IHDR" + ihdr
    return b"\x89PNG\r\n\x1a\n" + chunk + struct.pack(">I", zlib.crc32(b"IHDR" + ihdr))


def test_unread_files_exist_at_the_revision_as_in_the_working_tree(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A logo, the dinas's templates, an unknown YAML file and a year folder holding a
    photo are there at the revision as in the working tree: the same diagnostics on both
    sides, and no change. The photo and the build/ folder are never read."""
    repo, folder = repo_with(tmp_path)
    (folder / "gambar").mkdir()
    (folder / "gambar" / "logo.png").write_bytes(_png(120, 140))
    ganti(folder / "sakip.yaml", "  kota: Blora\n", "  kota: Blora\n  logo: gambar/logo.png\n")
    (folder / "templates" / "docx").mkdir(parents=True)
    (folder / "templates" / "docx" / "catatan.txt").write_text("bukan templat\n", "utf-8")
    (folder / "2021" / "cadangan.yaml").write_text("x: 1\n", encoding="utf-8")
    (folder / "2024").mkdir()
    (folder / "2024" / "foto.jpg").write_bytes(b"\xff\xd8\xff" + os.urandom(2048))
    (folder / "build").mkdir()
    (folder / "build" / "pk-2021.docx").write_bytes(os.urandom(4096))
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "logo, templat, foto")
    read = _dibaca(monkeypatch)

    monkeypatch.chdir(repo)
    lama = siapkan_revisi(Path("data/blora"), "HEAD")
    kerja = siapkan(Path("data/blora"))
    assert "gambar/logo.png" in read and "templates/docx/catatan.txt" in read
    assert "2024/foto.jpg" not in read and "build/pk-2021.docx" not in read
    assert lama.dinas is not None and kerja.dinas is not None
    assert lama.dinas.logo == kerja.dinas.logo and lama.dinas.logo is not None
    codes = {d.code for d in kerja.diagnostics}
    assert {"F006", "R003"} <= codes  # the unknown file, the year outside the Renstra
    assert sorted(
        (d.code, d.location.file.removeprefix("HEAD:"), d.message) for d in lama.diagnostics
    ) == sorted((d.code, d.location.file, d.message) for d in kerja.diagnostics)
    assert beda.bandingkan(lama, kerja) == []


def _symlink_commit(tmp_path: Path) -> tuple[Path, Path]:
    repo, folder = repo_with(tmp_path)
    (folder / "narasi").mkdir(exist_ok=True)
    os.symlink("/etc/passwd", folder / "narasi" / "x.md")
    os.symlink("../../..", folder / "2022")
    # Inside the folder, and the only way the loader reaches lampiran/umkm.yaml.
    (folder / "lampiran").mkdir()
    shutil.copyfile(folder / "2021" / "tabel" / "umkm.yaml", folder / "lampiran" / "umkm.yaml")
    os.symlink("../../lampiran/umkm.yaml", folder / "2021" / "tabel" / "umkm-lampiran.yaml")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "tautan")
    return repo, folder


def test_symlinks_leading_outside_are_reported_not_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo, _folder = _symlink_commit(tmp_path)
    proc = sakipgen("diff", "data/blora", "HEAD", cwd=repo)
    output = proc.stdout + proc.stderr
    assert proc.returncode == 1
    assert "HEAD:data/blora/narasi/x.md:1:1: F007" in output
    assert "HEAD:data/blora/2022" in output and "F007" in output
    secret = Path("/etc/passwd").read_text(encoding="utf-8", errors="replace")
    for line in secret.splitlines():
        if line.strip():
            assert line not in output

    monkeypatch.chdir(repo)  # diagnostics name files as the CLI run above does
    lama = siapkan_revisi(Path("data/blora"), "HEAD")
    kerja = siapkan(Path("data/blora"))
    # The same findings on both sides (F007 names where each link leads, which differs).
    assert sorted((d.code, d.location.file.removeprefix("HEAD:")) for d in lama.diagnostics) == (
        sorted((d.code, d.location.file) for d in kerja.diagnostics)
    )
    # A symlink inside the folder still works at a revision, to a file read only through it.
    assert lama.dinas is not None and kerja.dinas is not None
    tabel_lama = lama.dinas.tahun[2021].tabel["umkm-lampiran"].model
    assert tabel_lama == kerja.dinas.tahun[2021].tabel["umkm-lampiran"].model


def test_a_file_is_never_written_through_a_symlink_of_the_same_revision(tmp_path: Path) -> None:
    """A hand-made tree may hold both a symlink ``2023`` and a file ``2023/target.yaml``:
    the file must not land where the symlink points."""
    repo = tmp_path / "repo"
    shutil.copytree(EXAMPLES / "blora", repo, ignore=shutil.ignore_patterns("build"))
    git(repo, "init", "-q")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "data awal")
    luar = tmp_path / "luar"
    luar.mkdir()

    def blob(data: bytes) -> str:
        proc = subprocess.run(
            ["git", "-C", str(repo), "hash-object", "-w", "--stdin"],
            input=data,
            capture_output=True,
            check=True,
            timeout=60,
        )
        return proc.stdout.decode().strip()

    def mktree(lines: str) -> str:
        proc = subprocess.run(
            ["git", "-C", str(repo), "mktree"],
            input=lines.encode(),
            capture_output=True,
            check=True,
            timeout=60,
        )
        return proc.stdout.decode().strip()

    isi = blob(b"tertulis: di luar\n")
    sub = mktree(f"100644 blob {isi}\ttarget.yaml\n")
    root = git(repo, "ls-tree", "HEAD") + "\n"
    root += f"120000 blob {blob(str(luar).encode())}\t2023\n"
    root += f"040000 tree {sub}\t2023\n"
    sha = git(repo, "commit-tree", mktree(root), "-p", "HEAD", "-m", "pohon buatan tangan")

    data = siapkan_revisi(repo, sha)
    assert list(luar.iterdir()) == []
    assert data.commit == sha
    proc = sakipgen("diff", ".", sha, cwd=repo)
    assert proc.returncode in (0, 1), proc.stderr
    assert list(luar.iterdir()) == []


def test_a_hung_git_is_a_revision_error_not_a_hang(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _repo, folder = repo_with(tmp_path)
    real_git = shutil.which("git")
    fake = tmp_path / "palsu"
    fake.mkdir()
    script = fake / "git"
    script.write_text(
        '#!/bin/sh\nfor a in "$@"; do [ "$a" = cat-file ] && exec sleep 600; done\n'
        f'exec "{real_git}" "$@"\n',
        encoding="utf-8",
    )
    script.chmod(0o755)
    monkeypatch.setenv("PATH", f"{fake}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setattr(revisi, "WAKTU_GIT", 1.0)
    with pytest.raises(revisi.RevisiError, match=r"git tidak dapat dijalankan: .*timed out"):
        siapkan_revisi(folder, "HEAD")


def test_git_runs_nothing_a_planted_repository_configures(tmp_path: Path) -> None:
    """A folder that brings its own .git (a downloaded archive, say) controls that
    repository's config. A missing object of a "partial clone" would make ls-tree and
    cat-file fetch it, running the remote's upload-pack command: never, the revision is
    reported incomplete instead."""
    repo, _folder = repo_with(tmp_path)
    ran = tmp_path / "dijalankan"
    oid = git(repo, "rev-parse", "HEAD:data/blora/sakip.yaml")
    (repo / ".git" / "objects" / oid[:2] / oid[2:]).unlink()
    perintah = f"touch '{ran}'; false"
    for key, value in [
        ("core.repositoryformatversion", "1"),
        ("extensions.partialClone", "origin"),
        ("remote.origin.url", str(repo)),
        ("remote.origin.promisor", "true"),
        ("remote.origin.uploadpack", perintah),
        ("core.fsmonitor", perintah),
        ("core.hooksPath", str(tmp_path)),
    ]:
        git(repo, "config", key, value)
    proc = sakipgen("diff", "data/blora", "HEAD", cwd=repo)
    assert proc.returncode == 2
    assert "isi revisi 'HEAD' tidak lengkap di repositori (data/blora/sakip.yaml)" in proc.stderr
    assert not ran.exists()
