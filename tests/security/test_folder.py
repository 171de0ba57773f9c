"""What a dinas folder brings is read only inside it, only as regular files within
limits, never hangs, and every change to it is seen by the incremental build
(issue 10: "Files outside the folder are read", "Hangs and memory", "Stale documents",
"Crashes", "Data loss")."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

import pytest

from sakipgen.batch import MAX_JOBS, Permintaan, jalankan
from tests.cli.test_diff import git, repo_with
from tests.cli.test_pk_revisi import amend
from tests.conftest import ROOT, ganti
from tests.security.alat import sakipgen, salin, teks_docx, tulis

RAHASIA = "RAHASIA-DI-LUAR-FOLDER"


@pytest.fixture
def luar(tmp_path: Path) -> Path:
    """A file outside the dinas folder that must never be read."""
    target = tmp_path / "luar" / "rahasia.md"
    tulis(target, RAHASIA + "\n")
    return target


def _bebas(root: Path, *args: str, timeout: int = 120) -> subprocess.CompletedProcess[str]:
    """sakipgen in its own process, with a timeout: for inputs that used to hang."""
    env = {**os.environ, "NO_COLOR": "1"}
    env.pop("GITHUB_ACTIONS", None)
    proc = subprocess.run(
        [sys.executable, "-m", "sakipgen", *args],
        cwd=root.parent,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    assert "Traceback" not in proc.stderr and "kesalahan internal" not in proc.stderr
    return proc


# --- nothing outside the folder is read ---------------------------------------------------------


def _logo(root: Path, value: str) -> None:
    sakip = root / "sakip.yaml"
    text = sakip.read_text(encoding="utf-8")
    assert "kop:\n" in text
    sakip.write_text(text.replace("kop:\n", f"kop:\n  logo: {value}\n", 1), encoding="utf-8")


@pytest.mark.parametrize("cara", ["mutlak", "naik", "tautan"])
def test_logo_outside_the_folder_is_refused(tmp_path: Path, cara: str) -> None:
    root = salin(tmp_path)
    png = tmp_path / "luar.png"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10")
    if cara == "mutlak":
        _logo(root, str(png))
    elif cara == "naik":
        _logo(root, "../luar.png")
    else:
        (root / "logo.png").symlink_to(png)
        _logo(root, "logo.png")
    out = sakipgen("check", root)
    assert out.code == 1
    line = next(x for x in out.stdout.splitlines() if "F007" in x)
    assert "sakip.yaml:" in line and "[kop.logo]" in line
    assert sakipgen("build", root, "--doc", "pk").code == 1
    assert not (root / "build").exists()


@pytest.mark.parametrize(
    "tempat",
    [
        "2021/narasi/lkjip/kata-pengantar.md",
        "narasi/lkjip/kata-pengantar.md",
        "templates/docx/pk.xml.j2",
        "2021/tabel/curi.yaml",
        "2021/realisasi.yaml",
    ],
)
def test_symlink_leading_outside_is_refused(tmp_path: Path, luar: Path, tempat: str) -> None:
    root = salin(tmp_path)
    link = root / tempat
    link.parent.mkdir(parents=True, exist_ok=True)
    link.unlink(missing_ok=True)
    link.symlink_to(luar)
    out = sakipgen("check", root)
    assert out.code == 1
    assert f"{tempat}:1:1: F007" in out.stdout.replace(str(root) + "/", ""), out.stdout
    built = sakipgen("build", root, "--doc", "all")
    assert built.code == 1 and RAHASIA not in built.semua
    assert not (root / "build").exists()


@pytest.mark.parametrize("tempat", ["2021", "2021/narasi", "templates/docx", "narasi"])
def test_symlinked_folder_leading_outside_is_refused(
    tmp_path: Path, luar: Path, tempat: str
) -> None:
    root = salin(tmp_path)
    target = root / tempat
    if target.exists():
        import shutil

        shutil.rmtree(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.symlink_to(luar.parent, target_is_directory=True)
    out = sakipgen("check", root)
    assert out.code == 1 and "F007" in out.stdout, out.stdout
    assert RAHASIA not in out.semua


def test_etc_passwd_never_reaches_a_document(tmp_path: Path) -> None:
    passwd = Path("/etc/passwd")
    if not passwd.is_file():
        pytest.skip("no /etc/passwd on this system")
    root = salin(tmp_path)
    link = root / "2021" / "narasi" / "lkjip" / "kata-pengantar.md"
    link.unlink()
    link.symlink_to(passwd)
    out = sakipgen("build", root, "--doc", "lkjip")
    assert out.code == 1 and "root:" not in out.semua


# --- special files, sizes and memory -----------------------------------------------------------


@pytest.mark.parametrize(
    "tempat", ["2021/narasi/lkjip/kata-pengantar.md", "2021/tabel/pipa.yaml", "renstra.yaml"]
)
def test_named_pipe_where_data_is_read_does_not_hang(tmp_path: Path, tempat: str) -> None:
    root = salin(tmp_path)
    fifo = root / tempat
    fifo.unlink(missing_ok=True)
    os.mkfifo(fifo)
    check = _bebas(root, "check", root.name)
    assert check.returncode == 1 and f"{tempat}:1:1: F002" in check.stdout, check.stdout
    build = _bebas(root, "build", root.name, "--doc", "pk")
    assert build.returncode == 1 and "F002" in build.stderr


@pytest.mark.parametrize("tempat", ["video.fifo", "2021/lampiran.pipa", "build/x"])
def test_named_pipe_sakipgen_does_not_read_is_ignored(tmp_path: Path, tempat: str) -> None:
    root = salin(tmp_path)
    fifo = root / tempat
    fifo.parent.mkdir(parents=True, exist_ok=True)
    os.mkfifo(fifo)
    for _ in range(2):  # the second run goes through the incremental-build check
        proc = _bebas(root, "build", root.name, "--doc", "pk")
        assert proc.returncode == 0, proc.stderr


@pytest.mark.parametrize("tempat", ["2021/narasi/lkjip/kata-pengantar.md", "2021/tabel/nol.yaml"])
def test_link_to_dev_zero_is_not_read(tmp_path: Path, tempat: str) -> None:
    root = salin(tmp_path)
    link = root / tempat
    link.unlink(missing_ok=True)
    link.symlink_to("/dev/zero")
    proc = _bebas(root, "build", root.name, "--doc", "lkjip")
    assert proc.returncode == 1 and "F007" in proc.stderr, proc.stderr


def test_link_to_dev_zero_under_an_unknown_name_is_only_named(tmp_path: Path) -> None:
    root = salin(tmp_path)
    (root / "nol.yaml").symlink_to("/dev/zero")
    check = _bebas(root, "check", root.name)
    assert check.returncode == 0 and "nol.yaml:1:1: F006" in check.stdout, check.stdout
    assert _bebas(root, "build", root.name, "--doc", "pk").returncode == 0


# Peak resident memory of this process alone (VmHWM; getrusage's ru_maxrss would also
# count the forked pytest process, Linux keeps it across exec).
_RSS = textwrap.dedent(
    """
    import re, sys
    from sakipgen.cli import main
    sys.argv = ["sakipgen", *sys.argv[1:]]
    try:
        main()
    except SystemExit as exc:
        code = exc.code
    with open("/proc/self/status") as fh:
        kb = re.search(r"VmHWM:\\s+(\\d+)", fh.read()).group(1)
    print("RSS", kb, "KODE", code)
    """
)


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="needs Linux /proc")
def test_a_large_file_in_the_folder_is_not_read(tmp_path: Path) -> None:
    root = salin(tmp_path)
    size = 512 * 1024 * 1024  # sparse: costs no disk, but reading it would cost 512 MiB
    for name in ("video.mp4", "2021/lampiran.mp4", "2021/narasi/lkjip/video.mp4"):
        with (root / name).open("wb") as fh:
            fh.truncate(size)
    with (root / "2021" / "narasi" / "lkjip" / "besar.md").open("wb") as fh:
        fh.truncate(size)  # a narrative this large is refused without being read
    proc = subprocess.run(
        [sys.executable, "-c", _RSS, "build", str(root), "--doc", "pk"],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
    )
    _rss, kb, _kode, code = proc.stdout.split()[-4:]
    assert code == "1" and "besar.md:1:1: F003" in proc.stderr, proc.stderr
    assert int(kb) < 256 * 1024, kb  # far below one such file


def _alias_bomb(n_lines: int) -> str:
    """A YAML table whose aliases expand to about 150.000 values."""
    return textwrap.dedent(
        """\
        judul: Bom
        a: &a [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
               0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
               0, 0, 0, 0, 0, 0, 0, 0, 0, 0]
        b: &b [{a}]
        c: [{b}]
        """
    ).format(a=", ".join(["*a"] * 50), b=", ".join(["*b"] * n_lines))


def test_alias_budget_is_per_folder(tmp_path: Path) -> None:
    root = salin(tmp_path)
    for i in range(8):
        tulis(root / "2021" / "tabel" / f"bom{i}.yaml", _alias_bomb(60))
    out = sakipgen("check", root)
    assert out.code == 1
    y003 = [x for x in out.stdout.splitlines() if "Y003" in x]
    # 60 × 2.551 + ... ≈ 153.000 values a file: the seventh file passes one million.
    assert y003 and all("seluruh berkas YAML folder dinas" in x for x in y003)
    assert any("bom6.yaml" in x for x in y003) and not any("bom0.yaml" in x for x in y003)


def test_alias_bomb_in_halaman_yaml_is_capped(tmp_path: Path) -> None:
    root = salin(tmp_path)
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 9):
        prev = ", ".join([f"*a{i - 1}"] * 10)
        lines.append(f"a{i}: &a{i} [{prev}]")
    lines.append("potret: *a8")
    tulis(root / "templates" / "docx" / "halaman.yaml", "\n".join(lines) + "\n")
    out = sakipgen("check", root)
    assert out.code == 1 and "halaman.yaml" in out.stdout and "Y003" in out.stdout


def _zip(entries: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in entries.items():
            zf.writestr(name, data)
    return buf.getvalue()


@pytest.mark.parametrize(
    ("isi", "pesan"),
    [
        (_zip({"word/styles.xml": b"\x00" * (256 * 1024 * 1024)}), "melebihi"),
        (b"bukan zip sama sekali", "bukan dokumen Word"),
        (_zip({"word/document.xml": b"<x/>"}), "tidak memuat word/styles.xml"),
        (_zip({"word/styles.xml": b'<!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>'}), "DOCTYPE"),
    ],
    ids=["zip-bomb", "not-zip", "no-styles", "doctype"],
)
def test_broken_reference_docx_is_found_by_check(tmp_path: Path, isi: bytes, pesan: str) -> None:
    root = salin(tmp_path)
    (root / "templates").mkdir()
    (root / "templates" / "reference.docx").write_bytes(isi)
    out = sakipgen("check", root)
    assert out.code == 1
    line = next(x for x in out.stdout.splitlines() if "reference.docx" in x)
    assert "D002" in line and pesan in line
    assert sakipgen("build", root, "--doc", "pk").code == 1


@pytest.mark.parametrize(
    ("isi", "kode"),
    [
        ("potret: {lebar: 11906}\n", "S002"),
        (
            "potret: {lebar: 11906, tinggi: 16838, atas: 1701, kanan: 5670, bawah: 1701, "
            "kiri: 5670}\nlanskap: {lebar: 16838, tinggi: 11906, atas: 1418, kanan: 1134, "
            "bawah: 1134, kiri: 1418}\n",
            "S004",
        ),
    ],
    ids=["missing-keys", "no-room"],
)
def test_broken_halaman_yaml_is_found_by_check(tmp_path: Path, isi: str, kode: str) -> None:
    root = salin(tmp_path)
    tulis(root / "templates" / "docx" / "halaman.yaml", isi)
    out = sakipgen("check", root)
    assert out.code == 1 and kode in out.stdout and "halaman.yaml:" in out.stdout, out.stdout


def test_jobs_are_capped(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import concurrent.futures

    seen: list[int] = []

    class Rekam(concurrent.futures.ThreadPoolExecutor):
        def __init__(self, max_workers: int, **kw: object) -> None:
            seen.append(max_workers)
            super().__init__(max_workers=max_workers)

    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", Rekam)
    folders = [salin(tmp_path, "tanjabbar", f"d{i}") for i in range(3)]
    results = jalankan([Permintaan(f, ("iku",)) for f in folders], 10_000, lambda r: None)
    assert seen == [3] and all(r.ditulis for r in results)
    assert MAX_JOBS == 32
    jalankan([Permintaan(f, ("iku",)) for f in folders], 1, lambda r: None)
    assert seen == [3]  # one job: no pool at all


# --- one --out for several dinas ------------------------------------------------------------


def test_several_dinas_into_one_out_folder_do_not_overwrite(tmp_path: Path) -> None:
    a = salin(tmp_path, "blora", "dinas-a")
    b = salin(tmp_path, "blora", "dinas-b")
    out = tmp_path / "keluaran"
    result = sakipgen("build", a, b, "--doc", "pk", "--out", out, "--jobs", "1")
    assert result.code == 0, result.semua
    assert sorted(str(p.relative_to(out)) for p in out.rglob("*.docx")) == [
        "dinas-a/pk-2021.docx",
        "dinas-b/pk-2021.docx",
    ]
    again = sakipgen("build", a, b, "--doc", "pk", "--out", out, "--jobs", "1")
    assert "0 dokumen ditulis, 2 tidak berubah" in again.stderr


def test_same_named_dinas_into_one_out_folder_are_refused(tmp_path: Path) -> None:
    a = salin(tmp_path / "kab1", "blora", "dinas")
    b = salin(tmp_path / "kab2", "blora", "dinas")
    out = tmp_path / "keluaran"
    result = sakipgen("build", a, b, "--doc", "pk", "--out", out)
    assert result.code == 2 and "bernama sama ('dinas')" in result.stderr
    assert not out.exists()


def test_out_docx_that_is_a_folder_is_a_usage_error(tmp_path: Path) -> None:
    root = salin(tmp_path)
    folder = tmp_path / "hasil.docx"
    folder.mkdir()
    result = sakipgen("build", root, "--doc", "pk", "--out", folder)
    assert result.code == 2 and "adalah folder" in result.stderr


def test_unwritable_output_is_a_message_not_an_internal_error(tmp_path: Path) -> None:
    root = salin(tmp_path)
    blocker = tmp_path / "berkas-biasa"
    blocker.write_text("x", encoding="utf-8")
    result = sakipgen("build", root, "--doc", "pk", "--out", blocker / "sub")
    assert result.code == 1
    assert "tidak dapat menulis" in result.stderr and "pk-2021.docx" in result.stderr


def test_building_elsewhere_writes_nothing_in_the_dinas_folder(tmp_path: Path) -> None:
    """What makes a read-only dinas folder buildable: with --out elsewhere not a byte is
    written into it (no build/, no cache)."""
    root = salin(tmp_path)

    def snapshot() -> dict[str, bytes]:
        return {str(p): p.read_bytes() for p in root.rglob("*") if p.is_file()}

    before = snapshot()
    out = tmp_path / "keluaran"
    for _ in range(2):
        for kind in ("rkt", "iku", "pk", "lkjip"):
            assert sakipgen("build", root, "--doc", kind, "--out", out).code == 0
    assert snapshot() == before and not (root / "build").exists()
    assert len(list(out.glob("*.docx"))) == 4


def test_non_utf8_file_names_do_not_break_check_or_build(tmp_path: Path) -> None:
    root = salin(tmp_path)
    for rel in (b"\xff\xfe.yaml", b"2021/narasi/lkjip/\xff.md", b"2021/tabel/\xe9t\xe9.yaml"):
        path = Path(os.fsdecode(os.fsencode(root) + b"/" + rel))
        path.write_text("judul: x\n", encoding="utf-8")
    check = sakipgen("check", root)
    assert "\\xff\\xfe.yaml:1:1: F006" in check.stdout, check.stdout
    build = sakipgen("build", root, "--doc", "pk")
    assert build.code in (0, 1) and "kesalahan internal" not in build.semua


# --- every change is seen --------------------------------------------------------------------


def _ditulis(root: Path, *args: str) -> list[str]:
    out = sakipgen("build", root, *args)
    assert out.code == 0, out.semua
    return [Path(x).name for x in out.stdout.split()]


def test_change_through_a_symlinked_year_folder_is_seen(tmp_path: Path) -> None:
    root = salin(tmp_path)
    (root / "2021").rename(root / "data-2021")
    (root / "2021").symlink_to("data-2021", target_is_directory=True)
    assert _ditulis(root, "--doc", "lkjip") == ["lkjip-2021.docx"]
    assert _ditulis(root, "--doc", "lkjip") == []
    ganti(root / "data-2021" / "realisasi.yaml", "nilai: 43.30", "nilai: 44.00")
    assert _ditulis(root, "--doc", "lkjip") == ["lkjip-2021.docx"]


def test_change_through_symlinked_templates_and_tables_is_seen(tmp_path: Path) -> None:
    root = salin(tmp_path)
    tulis(root / "sumber" / "pk.xml.j2", '{{ doc.p("versi satu") }}')
    (root / "templates").mkdir()
    (root / "templates" / "docx").symlink_to(root / "sumber", target_is_directory=True)
    assert _ditulis(root, "--doc", "pk") == ["pk-2021.docx"]
    assert _ditulis(root, "--doc", "pk") == []
    tulis(root / "sumber" / "pk.xml.j2", '{{ doc.p("versi dua") }}')
    assert _ditulis(root, "--doc", "pk") == ["pk-2021.docx"]
    assert "versi dua" in teks_docx(root / "build" / "pk-2021.docx")
    # a supporting table through a symlink
    tabel = root / "2021" / "tabel"
    first = sorted(tabel.glob("*.yaml"))[0]
    first.rename(root / "tabel-asli.yaml")
    first.symlink_to(root / "tabel-asli.yaml")
    assert _ditulis(root, "--doc", "lkjip") == ["lkjip-2021.docx"]
    assert _ditulis(root, "--doc", "lkjip") == []
    ganti(root / "tabel-asli.yaml", "judul:", "judul: Diubah", semua=True)
    assert _ditulis(root, "--doc", "lkjip") == ["lkjip-2021.docx"]


def test_hidden_table_file_is_neither_loaded_nor_a_change(tmp_path: Path) -> None:
    root = salin(tmp_path)
    assert _ditulis(root, "--doc", "lkjip") == ["lkjip-2021.docx"]
    tulis(root / "2021" / "tabel" / ".cadangan.yaml", "judul: [rusak\n")
    assert sakipgen("check", root).code == 0  # not loaded: no Y001
    assert _ditulis(root, "--doc", "lkjip") == []


def test_new_narrative_file_is_a_change(tmp_path: Path) -> None:
    root = salin(tmp_path, "tanjabbar")
    assert _ditulis(root, "--doc", "iku") == ["iku-2017.docx"]
    tulis(root / "narasi" / "iku" / "baru.md", "Teks baru.\n")
    assert _ditulis(root, "--doc", "iku") == ["iku-2017.docx"]
    (root / "build" / "catatan.txt").write_text("x", encoding="utf-8")  # not an input
    assert _ditulis(root, "--doc", "iku") == []


def test_emptied_or_replaced_output_is_rebuilt(tmp_path: Path) -> None:
    root = salin(tmp_path)
    assert _ditulis(root, "--doc", "pk") == ["pk-2021.docx"]
    good = (root / "build" / "pk-2021.docx").read_bytes()
    (root / "build" / "pk-2021.docx").write_bytes(b"")
    assert _ditulis(root, "--doc", "pk") == ["pk-2021.docx"]
    (root / "build" / "pk-2021.docx").write_bytes(good[:-10] + b"palsu12345")
    assert _ditulis(root, "--doc", "pk") == ["pk-2021.docx"]
    assert (root / "build" / "pk-2021.docx").read_bytes() == good


def test_planted_manifest_in_the_folder_is_not_trusted(tmp_path: Path) -> None:
    """A committed build/ with a manifest and a forged document is rebuilt."""
    root = salin(tmp_path)
    build = root / "build" / ".cache"
    build.mkdir(parents=True)
    (root / "build" / "pk-2021.docx").write_bytes(b"dokumen palsu")
    (build / "manifest.json").write_text('{"x": {"hash": "0", "files": []}}', encoding="utf-8")
    assert _ditulis(root, "--doc", "pk") == ["pk-2021.docx"]
    assert "PERJANJIAN KINERJA" in teks_docx(root / "build" / "pk-2021.docx").upper()


@pytest.mark.usefixtures("git_ada")
def test_failure_caused_outside_the_folder_is_tried_again(tmp_path: Path) -> None:
    repo, folder = repo_with(tmp_path)
    amend(folder, "v2021-pk")  # a PK Perubahan whose "semula" is the tagged PK
    first = sakipgen("build", folder, "--doc", "pk")
    assert first.code == 1 and "v2021-pk" in first.stderr
    git(repo, "tag", "v2021-pk", "HEAD")  # the revision now exists: nothing in the folder changed
    second = sakipgen("build", folder, "--doc", "pk")
    assert second.code == 0, second.semua
    assert second.stdout.strip().endswith("pk-2021.docx")


@pytest.fixture
def git_ada() -> None:
    import shutil

    if shutil.which("git") is None:
        pytest.skip("git is not installed")


# --- nothing is written through the folder's own symlinks -------------------------------------


@pytest.mark.parametrize(
    "perintah",
    [("build", "--doc", "pk"), ("export", "--format", "csv"), ("export", "--format", "xlsx")],
    ids=["build", "export-csv", "export-xlsx"],
)
def test_build_folder_that_is_a_symlink_is_not_written_through(
    tmp_path: Path, perintah: tuple[str, ...]
) -> None:
    root = salin(tmp_path)
    elsewhere = tmp_path / "di-luar"
    elsewhere.mkdir()
    (root / "build").symlink_to(elsewhere, target_is_directory=True)
    out = sakipgen(perintah[0], root, *perintah[1:])
    assert out.code in (1, 2) and "tautan simbolik" in out.stderr, out.semua
    assert list(elsewhere.iterdir()) == []


def test_export_subfolder_that_is_a_symlink_is_not_written_through(tmp_path: Path) -> None:
    root = salin(tmp_path)
    elsewhere = tmp_path / "di-luar"
    elsewhere.mkdir()
    (root / "build").mkdir()
    (root / "build" / "export-2021").symlink_to(elsewhere, target_is_directory=True)
    out = sakipgen("export", root, "--format", "csv", "--year", "2021")
    assert out.code == 2 and "tautan simbolik" in out.stderr
    assert list(elsewhere.iterdir()) == []


def test_sakipgen_cache_does_not_grow_without_end(tmp_path: Path) -> None:
    from sakipgen import cache

    folder = tmp_path / "grafik"
    folder.mkdir()
    for i in range(30):
        path = folder / f"{i:02d}.png"
        path.write_bytes(b"x")
        os.utime(path, ns=(i * 10**9, i * 10**9))
    cache._pangkas(folder, batas=20)  # over 20: keep the newest 16 (four fifths)
    assert sorted(p.name for p in folder.iterdir()) == [f"{i:02d}.png" for i in range(14, 30)]
    cache._pangkas(folder, batas=20)  # under the limit: nothing removed
    assert len(list(folder.iterdir())) == 16
