"""Many dinas at once: parallel builds, incremental rebuilds, light start-up."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from tests.cli.test_cli import sakipgen
from tests.conftest import CACHE, EXAMPLES, ROOT


def manifest(folder: Path) -> dict[str, object]:
    """The build manifest of a dinas folder, from sakipgen's cache (outside the folder)."""
    found = []
    for path in (CACHE / "manifest").glob("*.json"):
        _head, _sep, body = path.read_bytes().partition(b"\n")
        entry = json.loads(body)
        if entry["folder"] == str(folder.resolve()):
            found.append(entry)
    assert len(found) == 1, found
    return found[0]


def kabupaten(tmp_path: Path) -> Path:
    root = tmp_path / "kab"
    for name in ("blora", "sinjai", "buleleng", "tanjabbar"):
        shutil.copytree(EXAMPLES / name, root / name, ignore=shutil.ignore_patterns("build"))
    return root


def test_parallel_build_of_a_folder_of_dinas(tmp_path: Path) -> None:
    kabupaten(tmp_path)
    proc = sakipgen("build", "kab", "--doc", "all", "--jobs", "2", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    # --doc all builds what the data fills completely (issue 12); the others are
    # skipped, one line each, with the reason.
    assert sorted(proc.stdout.split()) == [
        "kab/blora/build/rkt-2020.docx",
        "kab/buleleng/build/monitoring-2021-tw3.docx",
        "kab/buleleng/build/rencana-aksi-2021.docx",
        "kab/tanjabbar/build/iku-2017.docx",
    ]
    for line in (
        "kab/blora: lkjip 2021 dilewati: nama pihak kedua (Bupati Blora) belum diisi",
        "kab/blora: iku 2017 dilewati: 12 dari 20 sel target tabel IKU kosong ('-')",
        "kab/buleleng: pk 2021 dilewati: semua target sasaran S2 '-'",
        "kab/sinjai: lkjip 2017 dilewati: penanda tangan tahun 2017 tidak diketahui",
        "kab/sinjai: rkt 2018 dilewati: 'Dalam evaluasi pelaksanaan Rencana Kinerja Tahunan "
        "(RKT) Ta…' diikuti paragraf biasa saja",
        "kab/tanjabbar: rkt dilewati: tidak ada tahun yang datanya lengkap",
    ):
        assert line in proc.stderr, line
    # build prints the data's warnings too (as check does).
    assert "K013 (peringatan) IK2.1" in proc.stderr
    assert (
        "4 dokumen ditulis, 0 tidak berubah (tidak ditulis ulang), 0 folder gagal, "
        "dari 4 folder dinas" in proc.stderr
    )


def test_unchanged_inputs_are_not_rebuilt(tmp_path: Path) -> None:
    root = kabupaten(tmp_path)
    assert sakipgen("build", "kab", "--jobs", "2", cwd=tmp_path).returncode == 0
    rkt = root / "blora" / "build" / "rkt-2020.docx"
    stamp = rkt.stat().st_mtime_ns
    again = sakipgen("build", "kab", "--jobs", "2", cwd=tmp_path)
    assert again.returncode == 0 and again.stdout == ""
    assert "0 dokumen ditulis, 4 tidak berubah" in again.stderr
    # ... and what was skipped or warned about is said again.
    assert "kab/blora: lkjip 2021 dilewati" in again.stderr and "K013" in again.stderr
    assert rkt.stat().st_mtime_ns == stamp
    # a changed realisasi rebuilds that dinas only
    real = root / "blora" / "2021" / "realisasi.yaml"
    real.write_text(
        real.read_text(encoding="utf-8").replace("nilai: 43.30", "nilai: 44.00"), encoding="utf-8"
    )
    third = sakipgen("build", "kab", cwd=tmp_path)
    assert third.stdout.split() == ["kab/blora/build/rkt-2020.docx"]
    # --force rebuilds everything
    forced = sakipgen("build", "kab", "--force", cwd=tmp_path)
    assert len(forced.stdout.split()) == 4
    # a dinas's own template counts as an input
    own = root / "tanjabbar" / "templates" / "docx"
    own.mkdir(parents=True)
    (own / "iku.xml.j2").write_text('{{ doc.p("iku sendiri") }}', encoding="utf-8")
    fourth = sakipgen("build", "kab", cwd=tmp_path)
    assert fourth.stdout.split() == ["kab/tanjabbar/build/iku-2017.docx"]


def test_one_failing_dinas_does_not_stop_the_others(tmp_path: Path) -> None:
    root = kabupaten(tmp_path)
    target = root / "sinjai" / "2018" / "target.yaml"
    target.write_text("rkt: [broken\n", encoding="utf-8")
    proc = sakipgen("build", "kab", "--jobs", "2", cwd=tmp_path)
    assert proc.returncode == 1
    assert "Y001" in proc.stderr and "1 folder gagal" in proc.stderr
    assert (
        len(proc.stdout.split()) == 4
    )  # blora 1, buleleng 2 (rencana aksi, monitoring), tanjabbar 1
    assert len(manifest(root / "blora")["berkas"]) == 1


def test_check_and_version_do_not_import_documents_libraries() -> None:
    script = (
        "import runpy, sys\n"
        "for argv in (['sakipgen', '--version'], ['sakipgen', 'check', 'examples/blora']):\n"
        "    sys.argv = argv\n"
        "    try:\n"
        "        runpy.run_module('sakipgen', run_name='__main__')\n"
        "    except SystemExit:\n"
        "        pass\n"
        "top = {m.split('.')[0] for m in sys.modules}\n"
        "heavy = sorted(top & {'docx', 'jinja2', 'matplotlib'})\n"
        "print('HEAVY', heavy)\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert "HEAVY []" in proc.stdout, proc.stdout + proc.stderr


def test_unchanged_failing_dinas_is_reported_again_without_rereading(tmp_path: Path) -> None:
    root = kabupaten(tmp_path)
    target = root / "sinjai" / "2018" / "target.yaml"
    target.write_text("rkt: [broken\n", encoding="utf-8")
    first = sakipgen("build", "kab", cwd=tmp_path)
    second = sakipgen("build", "kab", cwd=tmp_path)
    assert first.returncode == second.returncode == 1
    assert "Y001" in second.stderr and "1 folder gagal" in second.stderr
    assert manifest(root / "sinjai")["gagal"] is True
