"""The GitHub Action (`action.yml`): a composite action that installs this repository
and runs `sakipgen check --format github`."""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

from tests.conftest import EXAMPLES, ROOT


def _action() -> dict[str, Any]:
    data = YAML(typ="safe").load((ROOT / "action.yml").read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def test_action_is_composite_with_documented_inputs() -> None:
    action = _action()
    assert action["name"] and action["description"]
    inputs = action["inputs"]
    assert inputs["folders"]["default"] == "."
    assert inputs["strict"]["default"] == "false"
    assert inputs["python-version"]["default"] == "3.11"
    assert action["runs"]["using"] == "composite"


def test_action_steps_install_the_action_and_check_with_github_format() -> None:
    steps = _action()["runs"]["steps"]
    setup = [s for s in steps if str(s.get("uses", "")).startswith("actions/setup-python@")]
    assert setup and setup[0]["with"]["python-version"] == "${{ inputs.python-version }}"
    runs = [s for s in steps if "run" in s]
    # A composite action's `run` steps must name their shell.
    assert all(s.get("shell") for s in runs)
    install = [s for s in runs if "pip install" in s["run"]]
    assert install and "${{ github.action_path }}" in install[0]["run"]
    check = [s for s in runs if "sakipgen check" in s["run"]]
    assert check and "--format github" in check[0]["run"]
    assert steps.index(setup[0]) < steps.index(install[0]) < steps.index(check[0])
    # Inputs reach the script through the environment, never spliced into it.
    assert "inputs." not in check[0]["run"]
    assert check[0]["env"]["SAKIPGEN_FOLDERS"] == "${{ inputs.folders }}"
    assert check[0]["env"]["SAKIPGEN_STRICT"] == "${{ inputs.strict }}"


def _run_check_step(folders: str, strict: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """The check step's script, run by bash as the runner runs it (sakipgen from the venv)."""
    import os
    import sys

    step = next(s for s in _action()["runs"]["steps"] if "sakipgen check" in s.get("run", ""))
    env = {
        **os.environ,
        "SAKIPGEN_FOLDERS": folders,
        "SAKIPGEN_STRICT": strict,
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
    }
    return subprocess.run(
        ["bash", "-e", "-c", step["run"]],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_action_check_step_script() -> None:
    clean = _run_check_step("blora", "false", EXAMPLES)
    assert clean.returncode == 0, clean.stderr
    # blora's warnings (K013 and K014, slips of the source document) as annotations,
    # in file order.
    lines = clean.stdout.splitlines()
    assert lines[0].startswith(
        "::warning file=blora/2021/anggaran.yaml,line=20,col=21,title=K013::"
    )
    assert any(
        x.startswith("::warning file=blora/2021/dokumen.yaml,line=7,col=12,title=K014::")
        for x in lines
    ), clean.stdout
    assert lines[-2].startswith("::warning file=blora/2021/realisasi.yaml,"), clean.stdout
    strict = _run_check_step("blora sinjai", "true", EXAMPLES)
    assert strict.returncode == 1
    assert "file=sinjai/" in strict.stdout
