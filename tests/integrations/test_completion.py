"""Shell completion (typer's built-in): the script for each shell, and answers to it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest


def _sakipgen_script() -> str:
    # Completion is keyed to the program's name: the installed `sakipgen` script, not
    # `python -m sakipgen`.
    found = Path(sys.executable).parent / ("sakipgen.exe" if os.name == "nt" else "sakipgen")
    script = str(found) if found.is_file() else shutil.which("sakipgen")
    assert script, "the sakipgen console script is not installed"
    return script


def _run(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [_sakipgen_script(), *args],
        env={**os.environ, **env},
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.parametrize(
    ("shell", "expected"),
    [
        ("bash", "complete -o default -F _sakipgen_completion sakipgen"),
        ("zsh", "#compdef sakipgen"),
        ("fish", "complete --command sakipgen"),
    ],
)
def test_completion_script(shell: str, expected: str) -> None:
    proc = _run({"_SAKIPGEN_COMPLETE": f"source_{shell}"})
    assert proc.returncode == 0, proc.stderr
    assert expected in proc.stdout


def test_completion_answers() -> None:
    def complete(words: str, cword: int) -> list[str]:
        proc = _run(
            {"_SAKIPGEN_COMPLETE": "complete_bash", "COMP_WORDS": words, "COMP_CWORD": str(cword)}
        )
        assert proc.returncode == 0, proc.stderr
        return proc.stdout.split()

    assert complete("sakipgen build x --doc ", 4) == [
        "rkt",
        "iku",
        "pk",
        "rencana-aksi",
        "lkjip",
        "monitoring",
        "e81",
        "all",
    ]
    assert complete("sakipgen check --format ", 3) == ["text", "json", "github"]
    assert "--pdf" in complete("sakipgen build x --p", 3)


@pytest.mark.skipif(shutil.which("bash") is None, reason="bash tidak terpasang")
def test_install_completion_reports_in_the_planners_language(tmp_path: Path) -> None:
    """``--install-completion`` from bash (typer's installer, HOME a scratch folder): its
    report in Indonesian, not typer's "bash completion installed in …"."""
    env = {"HOME": str(tmp_path), "SHELL": "/bin/bash", "SAKIPGEN_LANG": "id"}
    # "; true": bash forks for the command instead of becoming it, so it is the parent
    # typer finds the shell from.
    proc = subprocess.run(
        ["bash", "-c", f'"{_sakipgen_script()}" --install-completion; true'],
        env={**os.environ, **env},
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=60,
    )
    skrip = tmp_path / ".bash_completions" / "sakipgen.sh"
    assert proc.stdout == (
        f"Pelengkapan perintah bash dipasang di {skrip}.\n"
        "Berlaku setelah terminal dibuka kembali.\n"
    ), proc.stderr
    assert "_sakipgen_completion" in skrip.read_text(encoding="utf-8")
