"""The command line's own texts — every ``--help`` and the usage errors a planner makes —
in Indonesian by default and in English with ``--lang en``, with none of the other
language's words (typer's English shows through as "Usage:", "Options", "[required]",
"Show this message and exit", "Missing argument", "Invalid value", "Input should be"…).

Each language runs in one process of its own (the help texts are chosen when the
commands are defined), every case through typer's test runner there."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from enum import StrEnum
from typing import Annotated, Any

import pytest
import typer

from tests.conftest import ROOT

_JALANKAN = r"""
import json, sys
from typer.testing import CliRunner
from sakipgen.cli import app
out = []
for args in json.loads(sys.argv[1]):
    r = CliRunner().invoke(app, args)
    bocor = r.exception is not None and not isinstance(r.exception, SystemExit)
    out.append([args, r.exit_code, r.output, repr(r.exception) if bocor else None])
print(json.dumps(out))
"""

PERINTAH = ["build", "check", "diff", "export", "import", "init", "schema", "show"]
BANTUAN = [[], ["--help"], *([p, "--help"] for p in PERINTAH)]
SALAH = [
    ["chek"],  # an unknown command, with a suggestion
    ["nonsense"],  # without one
    ["--"],  # no command at all
    ["--bogus"],  # an unknown option of the group
    *([p] for p in ("build", "diff", "export", "import", "init", "show")),  # no argument
    ["diff", "x"],  # the second argument missing
    ["check", "--frmat", "json"],  # unknown option, with a suggestion
    ["build", "x", "--doc"],  # an option without its value
    ["check", "--strict=1"],  # a flag given a value
    ["build", "x", "--doc", "xyz"],  # not one of the choices
    ["check", "--format", "xml"],
    ["show", "x", "--year", "abc"],  # not a number
    ["show", "x", "--triwulan", "5"],  # out of range
    ["build", "x", "--jobs", "0"],
    ["init", "x", "--start", "dua ribu"],
    ["show", "a", "b", "c"],  # extra arguments
    ["schema", "lebih"],
]
INGGRIS = re.compile(
    r"Usage|\bOptions\b|\bArguments\b|\bCommands\b|required|\bdefault\b|Show this message|"
    r"\bError\b|Missing|Invalid|No such|Did you mean|unexpected|\bTry\b|for help|"
    r"Input should|Value error|not one of|requires|Possible options|does not take|"
    r"working tree|Aborted|\bCOMMAND\b|\bARGS\b|\bOPTIONS\b|\bDIR\b|\bFILE\b|<int|<str|"
    r"<path|<integer|<text>|list\[|x>=|<=x|range\b|Install completion|Show completion|"
    r"whole number|at least|at most"
)
"""English of the command-line frame (typer's, pydantic's, git's) — none in Indonesian."""
INDONESIA = re.compile(
    r"Pemakaian|\bOpsi\b|\bArgumen\b|\bPerintah\b|\bwajib\b|\bbawaan\b|Tampilkan bantuan|"
    r"Kesalahan|belum diisi|tidak dikenal|tidak ada|Mungkin maksudnya|berlebih|"
    r"bukan salah satu|\bharus\b|perlu diberi|tidak menerima|tidak dapat diterima|\bOPSI\b|"
    r"\bPERINTAH\b|\bARGUMEN\b|\bFOLDER\b|\bBERKAS\b|<bilangan|<teks|<jalur|paling kecil|"
    r"paling besar|[Pp]elengkapan|\bCoba\b|untuk bantuan|Sebutkan|isi folder saat ini"
)
"""The same frame in Indonesian — none in English (the help texts themselves name
Indonesian things, dinas and pagu; those are not looked for)."""


def jalankan(lang: str, cases: list[list[str]]) -> list[tuple[list[str], int, str, Any]]:
    env = {k: v for k, v in os.environ.items() if k not in ("LANG", "LC_ALL", "LC_MESSAGES")}
    env.update(SAKIPGEN_LANG=lang, NO_COLOR="1", COLUMNS="100")
    proc = subprocess.run(
        [sys.executable, "-c", _JALANKAN, json.dumps(cases)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    return [tuple(x) for x in json.loads(proc.stdout)]  # type: ignore[misc]


@pytest.fixture(scope="module")
def keluaran() -> dict[str, list[tuple[list[str], int, str, Any]]]:
    return {lang: jalankan(lang, [*BANTUAN, *SALAH]) for lang in ("id", "en")}


def test_the_cases_cover_every_command() -> None:
    from sakipgen.cli.aplikasi import app, nama_perintah

    assert sorted(nama_perintah(c) for c in app.registered_commands) == PERINTAH


@pytest.mark.parametrize(("lang", "asing"), [("id", INGGRIS), ("en", INDONESIA)])
def test_help_and_usage_errors_are_in_one_language(
    keluaran: dict[str, list[tuple[list[str], int, str, Any]]], lang: str, asing: re.Pattern[str]
) -> None:
    bantuan = len(BANTUAN)
    for i, (args, code, output, bocor) in enumerate(keluaran[lang]):
        assert bocor is None, (args, bocor)  # never a traceback
        # help exits 0; a usage error 2, and so does 'sakipgen' alone (its help, as click)
        assert code == (0 if 0 < i < bantuan else 2), (args, output)
        found = asing.findall(output)
        assert found == [], (lang, args, found, output)


def test_indonesian_usage_errors_say_what_is_wrong(
    keluaran: dict[str, list[tuple[list[str], int, str, Any]]],
) -> None:
    out = {" ".join(args): output for args, _code, output, _b in keluaran["id"]}
    usage_build = (
        "Pemakaian: sakipgen build [OPSI] FOLDER...\n"
        "Coba 'sakipgen build --help' untuk bantuan.\n\n"
    )
    assert out["build"] == usage_build + "Kesalahan: Argumen FOLDER belum diisi.\n"
    assert out["chek"].endswith(
        "Kesalahan: Perintah 'chek' tidak ada. Mungkin maksudnya: 'check', 'schema'?\n"
    )
    assert out["nonsense"].endswith("Kesalahan: Perintah 'nonsense' tidak ada.\n")
    assert out["diff x"].endswith("Kesalahan: Argumen REV1 belum diisi.\n")
    assert out["check --frmat json"].endswith(
        "Kesalahan: Opsi --frmat tidak dikenal. Mungkin maksudnya: --format?\n"
    )
    assert out["build x --doc"].endswith("Kesalahan: Opsi --doc perlu diberi nilai.\n")
    assert out["check --strict=1"].endswith("Kesalahan: Opsi --strict tidak menerima nilai.\n")
    assert out["build x --doc xyz"].endswith(
        "Kesalahan: Nilai --doc / -d tidak dapat diterima: 'xyz' bukan salah satu dari: rkt, "
        "iku, pk, rencana-aksi, lkjip, monitoring, e81, all.\n"
    )
    assert out["show x --year abc"].endswith(
        "Kesalahan: Nilai --year / -y tidak dapat diterima: harus bilangan bulat.\n"
    )
    # --triwulan takes 1 to 4, --jobs at least 1 (cli/aplikasi.opsi_triwulan, build.py)
    assert out["show x --triwulan 5"].endswith(
        "Kesalahan: Nilai --triwulan tidak dapat diterima: harus <= 4.\n"
    )
    assert out["build x --jobs 0"].endswith(
        "Kesalahan: Nilai --jobs / -j tidak dapat diterima: harus >= 1.\n"
    )
    assert out["show a b c"].endswith("Kesalahan: Argumen berlebih: b c\n")


def test_help_is_written_from_the_parameters(
    keluaran: dict[str, list[tuple[list[str], int, str, Any]]],
) -> None:
    out = {" ".join(args): output for args, _code, output, _b in keluaran["id"]}
    show = out["show --help"]
    assert show.startswith("Pemakaian: sakipgen show [OPSI] FOLDER\n")
    assert "\nArgumen:\n  FOLDER  Folder dinas (berisi sakip.yaml).  [wajib]\n" in show
    assert "  --format <text|json>   text atau json.  [bawaan: text]\n" in show
    assert "[1–4]" in show and "[1–12]" in show
    assert "  --help                 Tampilkan bantuan ini lalu keluar.\n" in show
    group = out["--help"]
    assert group.startswith("Pemakaian: sakipgen [OPSI] PERINTAH [ARGUMEN]...\n")
    assert "\nPerintah:\n  build   " in group
    english = {" ".join(args): output for args, _code, output, _b in keluaran["en"]}
    assert english["show --help"].startswith("Usage: sakipgen show [OPTIONS] DIR\n")
    assert "  DIR  Dinas folder (holding sakip.yaml).  [required]\n" in english["show --help"]
    assert english["build"].endswith("Error: Missing argument DIR.\n")
    assert english["show x --year abc"].endswith(
        "Error: Invalid value for --year / -y: must be a whole number.\n"
    )


def test_the_check_can_fail() -> None:
    """typer's own English is what the patterns above find."""
    typer_help = "Usage: sakipgen show [OPTIONS] {dir}\n  --help  Show this message and exit.\n"
    assert INGGRIS.findall(typer_help) == ["Usage", "OPTIONS", "Show this message"]
    typer_error = "Error: Invalid value for '--year': Input should be a valid integer"
    assert len(INGGRIS.findall(typer_error)) == 3
    assert INDONESIA.findall("Pemakaian: sakipgen show [OPSI] FOLDER") == [
        "Pemakaian",
        "OPSI",
        "FOLDER",
    ]


class Warna(StrEnum):
    merah = "merah"
    biru = "biru"


def test_a_missing_required_option_is_said_too() -> None:
    """No sakipgen option is required today; one that is, with choices, is said in words."""
    from typer.testing import CliRunner

    from sakipgen.cli.pemakaian import Grup, Perintah

    app = typer.Typer(cls=Grup, rich_markup_mode=None)

    @app.command(cls=Perintah)
    def cat(warna: Annotated[Warna, typer.Option("--warna")]) -> None: ...

    @app.command(cls=Perintah)
    def lain() -> None: ...

    result = CliRunner().invoke(app, ["cat"])
    assert result.exit_code == 2
    assert result.output.endswith(
        "Kesalahan: Opsi --warna belum diisi. Pilih salah satu: merah, biru.\n"
    )
    bantuan = CliRunner().invoke(app, ["cat", "--help"]).output
    assert "Opsi:\n  --warna <merah|biru>  [wajib]\n" in bantuan
