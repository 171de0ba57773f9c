"""`sakipgen init`: a new dinas folder that passes `check` as written, with the flags'
values, without prompts when there is no terminal, never over existing data."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from datetime import date
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from ruamel.yaml import YAML

from sakipgen.inisialisasi import (
    BERKAS,
    InitError,
    Isian,
    folder_templat,
    inisialisasi,
    lengkapi,
    render,
    skalar_yaml,
)
from sakipgen.skema import baris_skema, jenis_berkas, nama_berkas, teks_skema
from tests.conftest import ROOT
from tests.test_skema import load_yaml

FLAGS = [
    "--pemda",
    "Kabupaten Blora",
    "--dinas",
    "Dinas Perdagangan",
    "--start",
    "2025",
    "--end",
    "2029",
    "--year",
    "2026",
]


def sakipgen(*args: str, cwd: Path = ROOT, stdin: Any = subprocess.DEVNULL) -> Any:
    env = {**os.environ, "NO_COLOR": "1"}
    env.pop("GITHUB_ACTIONS", None)
    proc = subprocess.run(
        [sys.executable, "-m", "sakipgen", *args],
        cwd=cwd,
        env=env,
        stdin=stdin,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert "Traceback" not in proc.stdout + proc.stderr
    return proc


# The example values templates/init writes, each a K024 warning at its own line (issue
# 24: a new dinas sees what to replace): sakip.yaml 5 (kop alamat, kode pos, telepon;
# kepala nama and NIP); renstra.yaml 17 (visi, misi, tujuan and its indikator, strategi,
# kebijakan, sasaran, IK1.1 with its definisi, formula and sumber data, IK1.2; and in its
# program: the kode, the program, its indikator, its two kegiatan); anggaran.yaml 7
# (kode, program, its indikator, two kegiatan, the sub kegiatan and its indikator);
# realisasi.yaml 1 (IK1.2's sumber).
CONTOH = {"sakip.yaml": 5, "renstra.yaml": 17, "anggaran.yaml": 7, "realisasi.yaml": 1}


def check_is_clean(folder: Path) -> None:
    """No error; the warnings are the example values to replace, and nothing else."""
    proc = sakipgen("check", str(folder))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    lines = (proc.stdout + proc.stderr).splitlines()
    assert lines[-1] == "1 folder dinas diperiksa: 0 kesalahan, 30 peringatan"
    assert all(" K024 (peringatan) " in line for line in lines[:-1]), lines
    per_berkas: dict[str, int] = {}
    for line in lines[:-1]:
        name = Path(line.split(":")[0]).name
        per_berkas[name] = per_berkas.get(name, 0) + 1
    assert per_berkas == CONTOH


GANTI = {
    "19700101 199503 1 001": "19800202 200501 1 002",
    '"00000"': '"58219"',
    '"X.XX.02"': '"2.17.02"',
}


def test_each_example_value_is_a_warning_until_replaced(tmp_path: Path) -> None:
    """Every value of checks/contoh.py CONTOH_INIT is written by the templates (so the
    list follows them), and replacing them all leaves a folder with no warning."""
    from sakipgen.checks.contoh import CONTOH_INIT

    folder = tmp_path / "dinas"
    assert sakipgen("init", str(folder), *FLAGS).returncode == 0
    berkas = {p.name: p for p in folder.rglob("*.yaml") if p.parent.name != "schema"}
    for jenis, per_kunci in CONTOH_INIT.items():
        teks = berkas[jenis].read_text(encoding="utf-8")
        for kunci, values in per_kunci.items():
            for v in values:
                assert v in teks, (jenis, kunci, v)
                quoted = f'"{v}"'
                old = quoted if quoted in GANTI else v
                teks = teks.replace(old, GANTI.get(old, f"{v} Dinas Kami"))
        berkas[jenis].write_text(teks, encoding="utf-8")
    proc = sakipgen("check", str(folder))
    lines = (proc.stdout + proc.stderr).splitlines()
    assert lines == ["1 folder dinas diperiksa: 0 kesalahan, 0 peringatan"]


def test_init_then_check_is_clean(tmp_path: Path) -> None:
    folder = tmp_path / "dinas"
    proc = sakipgen("init", str(folder), *FLAGS)
    assert proc.returncode == 0, proc.stderr
    written = [Path(p) for p in proc.stdout.splitlines()]
    expected = {
        "sakip.yaml",
        "renstra.yaml",
        "2026/target.yaml",
        "2026/realisasi.yaml",
        "2026/anggaran.yaml",
        "2026/dokumen.yaml",
        "narasi/lkjip/bab2/iku.md",
        *(f"schema/{nama_berkas(j)}" for j in semua_jenis()),
    }
    assert {p.relative_to(folder).as_posix() for p in written} == expected
    assert all(p.is_file() for p in written)
    assert "sakipgen check" in proc.stderr  # what to do next
    check_is_clean(folder)


def semua_jenis() -> list[str]:
    from sakipgen.skema import JENIS

    return sorted(JENIS)


def test_flags_appear_in_the_files(tmp_path: Path) -> None:
    folder = tmp_path / "dinas"
    assert sakipgen("init", str(folder), *FLAGS).returncode == 0
    sakip = load_yaml(folder / "sakip.yaml")
    assert sakip["pemda"] == "Kabupaten Blora"
    assert sakip["ibukota"] == "Blora"
    assert sakip["dinas"]["nama"] == "Dinas Perdagangan"
    assert sakip["kepala"]["jabatan"] == "Kepala Dinas Perdagangan Kabupaten Blora"
    assert sakip["atasan"]["jabatan"] == "Bupati Blora"
    renstra = load_yaml(folder / "renstra.yaml")
    assert renstra["periode"] == {"mulai": 2025, "akhir": 2029}
    for ind in renstra["sasaran"][0]["indikator"]:
        assert sorted(ind["target"]) == [str(y) for y in range(2025, 2030)]
    assert sorted(p.name for p in folder.iterdir() if p.is_dir()) == ["2026", "narasi", "schema"]
    narasi = (folder / "narasi/lkjip/bab2/iku.md").read_text(encoding="utf-8")
    assert "Dinas Perdagangan Kabupaten Blora" in narasi and "2025–2029" in narasi


def test_without_flags_and_without_a_terminal_uses_defaults(tmp_path: Path) -> None:
    proc = sakipgen("init", "baru", cwd=tmp_path, stdin=subprocess.DEVNULL)
    assert proc.returncode == 0, proc.stderr
    assert "nilai bawaan" in proc.stderr
    for flag in ("--pemda", "--dinas", "--start", "--end", "--year"):
        assert flag in proc.stderr  # says which defaults were used
    assert load_yaml(tmp_path / "baru" / "sakip.yaml")["pemda"] == "Kabupaten Contoh"
    check_is_clean(tmp_path / "baru")


def test_refuses_a_folder_with_files(tmp_path: Path) -> None:
    folder = tmp_path / "ada"
    folder.mkdir()
    (folder / "catatan.txt").write_text("jangan ditimpa", encoding="utf-8")
    proc = sakipgen("init", str(folder), *FLAGS)
    assert proc.returncode == 2
    assert "sudah berisi" in proc.stderr and "--force" in proc.stderr
    assert sorted(p.name for p in folder.iterdir()) == ["catatan.txt"]
    # An existing but empty folder is fine; --force writes into a full one.
    empty = tmp_path / "kosong"
    empty.mkdir()
    assert sakipgen("init", str(empty), *FLAGS).returncode == 0
    forced = sakipgen("init", str(folder), *FLAGS, "--force")
    assert forced.returncode == 0, forced.stderr
    assert (folder / "catatan.txt").read_text(encoding="utf-8") == "jangan ditimpa"
    check_is_clean(folder)
    again = sakipgen("init", str(folder), *FLAGS)
    assert again.returncode == 2


def test_earlier_indonesian_flags_still_work_but_are_not_shown(tmp_path: Path) -> None:
    """Flags are English (``--year`` everywhere); scripts written with the earlier
    ``--mulai``/``--akhir``/``--tahun`` keep working."""
    old = sakipgen(
        "init", str(tmp_path / "lama"), "--mulai", "2025", "--akhir", "2029", "--tahun", "2027"
    )
    assert old.returncode == 0, old.stderr
    renstra = (tmp_path / "lama" / "renstra.yaml").read_text(encoding="utf-8")
    assert "mulai: 2025" in renstra and "akhir: 2029" in renstra
    assert (tmp_path / "lama" / "2027").is_dir()
    help_text = sakipgen("init", "--help").stdout
    assert "--start" in help_text and "--year" in help_text
    assert "--mulai" not in help_text and "--tahun" not in help_text


def test_refuses_a_file_and_a_bad_period(tmp_path: Path) -> None:
    berkas = tmp_path / "berkas"
    berkas.write_text("x", encoding="utf-8")
    assert sakipgen("init", str(berkas), *FLAGS).returncode == 2
    bad = sakipgen("init", str(tmp_path / "d"), "--start", "2029", "--end", "2025")
    assert bad.returncode == 2 and "lebih awal" in bad.stderr
    outside = sakipgen("init", str(tmp_path / "e"), "--start", "2025", "--year", "2031")
    assert outside.returncode == 2 and "di luar periode" in outside.stderr
    assert not (tmp_path / "d").exists() and not (tmp_path / "e").exists()


def test_generated_files_validate_against_their_schemas(tmp_path: Path) -> None:
    folder = tmp_path / "dinas"
    inisialisasi(folder, pemda="Kota Bandung", dinas="Dinas Koperasi", mulai=2024, akhir=2028)
    for jenis in semua_jenis():
        on_disk = (folder / "schema" / nama_berkas(jenis)).read_text(encoding="utf-8")
        assert on_disk == teks_skema(jenis)
    yamls = sorted(p for p in folder.rglob("*.yaml"))
    assert len(yamls) == 6
    for path in yamls:
        jenis = jenis_berkas(path.relative_to(folder))
        assert jenis is not None
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first == baris_skema(path, folder / "schema", jenis)
        schema = jsonschema.Draft7Validator(
            YAML(typ="safe", pure=True).load((folder / "schema" / nama_berkas(jenis)).read_text())
        )
        assert [e.message for e in schema.iter_errors(load_yaml(path))] == [], path


@pytest.mark.parametrize(
    ("mulai", "akhir", "tahun"), [(2025, 2025, 2025), (2024, 2026, 2026), (2021, 2030, 2023)]
)
def test_any_period_gives_a_clean_folder(
    tmp_path: Path, mulai: int, akhir: int, tahun: int
) -> None:
    folder = tmp_path / "d"
    inisialisasi(
        folder, pemda="Kabupaten X", dinas="Dinas Y", mulai=mulai, akhir=akhir, tahun=tahun
    )
    check_is_clean(folder)


@pytest.mark.parametrize(
    "nama",
    [
        "Dinas Koperasi, UKM: dan Perdagangan",
        'Dinas "Kominfo" # cabang',
        "Badan Perencanaan Pembangunan Daerah (Bappeda)",
        "true",
        "2021",
        "- Dinas",
        "Dinas 'Contoh'",
    ],
)
def test_any_name_reads_back_unchanged(tmp_path: Path, nama: str) -> None:
    folder = tmp_path / "d"
    inisialisasi(folder, pemda="Kabupaten X", dinas=nama, mulai=2025, akhir=2029)
    assert load_yaml(folder / "sakip.yaml")["dinas"]["nama"] == nama
    check_is_clean(folder)


def test_yaml_scalar_quotes_only_when_needed() -> None:
    assert skalar_yaml("Dinas Contoh") == "Dinas Contoh"
    assert skalar_yaml("a: b") == '"a: b"'
    assert skalar_yaml("null") == '"null"'
    assert skalar_yaml("Dinas # x") == '"Dinas # x"'


def test_names_that_cannot_be_used_are_refused(tmp_path: Path) -> None:
    for nama in ("", "   ", "baris\nbaru", "Dinas {{ x }}"):
        with pytest.raises(InitError):
            inisialisasi(tmp_path / "d", pemda="Kabupaten X", dinas=nama, mulai=2025)
    assert not (tmp_path / "d").exists()


def test_prompts_ask_for_what_the_flags_left_out() -> None:
    asked: list[tuple[str, Any]] = []
    answers = iter(["Dinas Pasar", 2024, 2028, 2025])

    def tanya(pertanyaan: str, bawaan: Any) -> Any:
        asked.append((pertanyaan, bawaan))
        return next(answers)

    isian, bawaan = lengkapi(
        pemda="Kota Solo",
        dinas=None,
        mulai=None,
        akhir=None,
        tahun=None,
        tanya=tanya,
        hari_ini=date(2026, 5, 1),
    )
    assert isian == Isian("Kota Solo", "Dinas Pasar", 2024, 2028, 2025)
    assert bawaan == []
    assert [q for q, _ in asked] == [
        "Nama dinas",
        "Tahun mulai Renstra",
        "Tahun akhir Renstra",
        "Tahun data pertama",
    ]
    # Defaults offered: this year; mulai + 4; this year when inside the period.
    assert [d for _, d in asked] == ["Dinas Contoh", 2026, 2028, 2026]


def test_defaults_without_prompts() -> None:
    isian, bawaan = lengkapi(
        pemda=None,
        dinas=None,
        mulai=None,
        akhir=2030,
        tahun=None,
        tanya=None,
        hari_ini=date(2026, 5, 1),
    )
    assert isian == Isian("Kabupaten Contoh", "Dinas Contoh", 2026, 2030, 2026)
    assert bawaan == [
        '--pemda "Kabupaten Contoh"',
        '--dinas "Dinas Contoh"',
        "--start 2026",
        "--year 2026",
    ]


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs a pseudo terminal")
def test_prompts_on_a_terminal(tmp_path: Path) -> None:
    import pty
    import select

    folder = tmp_path / "tanya"
    pid, fd = pty.fork()
    if pid == 0:  # pragma: no cover - the child process
        os.environ["NO_COLOR"] = "1"
        os.execv(
            sys.executable,
            [sys.executable, "-m", "sakipgen", "init", str(folder), "--pemda", "Kota Solo"],
        )
    # Lines typed ahead wait in the terminal until each prompt reads them.
    # A year typed as words is asked again, in Indonesian.
    os.write(fd, b"Dinas Pasar\ndua ribu\n2024\n\n2025\n")
    output = b""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 1)
        if not ready:
            continue
        try:
            chunk = os.read(fd, 4096)
        except OSError:
            break
        if not chunk:
            break
        output += chunk
    _, status = os.waitpid(pid, 0)
    os.close(fd)
    text = output.decode("utf-8", "replace")
    assert os.waitstatus_to_exitcode(status) == 0, text
    assert "Nama dinas" in text and "Tahun mulai Renstra" in text
    assert "Kesalahan: ketik tahunnya dengan angka, misalnya " in text
    assert text.count("Tahun mulai Renstra") == 2 and "Input should" not in text
    assert load_yaml(folder / "sakip.yaml")["dinas"]["nama"] == "Dinas Pasar"
    assert load_yaml(folder / "renstra.yaml")["periode"] == {"mulai": 2024, "akhir": 2028}
    assert (folder / "2025" / "target.yaml").is_file()


def test_templates_are_files_of_the_package() -> None:
    folder = folder_templat()
    assert sorted(p.name for p in folder.iterdir()) == sorted(BERKAS)
    texts = render(Isian("Kabupaten X", "Dinas Y", 2025, 2029, 2025))
    for path, text in texts.items():
        assert "[[" not in text and "]]" not in text, path  # every placeholder filled
        if path.endswith(".yaml"):
            assert text.startswith("# yaml-language-server: $schema="), path
            comments = [ln for ln in text.splitlines() if ln.lstrip().startswith("#")]
            assert len(comments) >= 5, path  # explained, in Indonesian
