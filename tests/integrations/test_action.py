"""The GitHub Action (`action.yml`): a composite action that installs this repository
and runs `sakipgen check --format github`."""

from __future__ import annotations

import os
import re
import shutil
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


def test_the_readme_snippets_pin_one_commit_that_carries_the_hook_and_the_action(
    tmp_path: Path,
) -> None:
    """pre-commit, the Action and GitLab name one `rev`, a commit of this repository's
    history that holds both files at the root, and one address to replace."""
    from tests.conftest import perlu
    from tests.integrations.test_pre_commit import ALAMAT, cuplikan, klon, rev_readme

    perlu("git")
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    clone = klon(tmp_path, env)
    rev = rev_readme(clone, env)
    assert re.fullmatch(r"[0-9a-f]{40}", rev), rev  # a commit id: GitHub wants all 40
    git = ["git", "-C", str(clone)]
    assert subprocess.run([*git, "merge-base", "--is-ancestor", rev, "HEAD"]).returncode == 0
    yaml = YAML(typ="safe")
    hooks = yaml.load(subprocess.check_output([*git, "show", f"{rev}:.pre-commit-hooks.yaml"]))
    assert [h["id"] for h in hooks] == ["sakipgen-check"]
    action = yaml.load(subprocess.check_output([*git, "show", f"{rev}:action.yml"]))

    workflow = yaml.load(cuplikan("GitHub Actions"))
    step = workflow["jobs"]["check"]["steps"][1]
    owner = ALAMAT.removeprefix("https://github.com/")
    assert step["uses"] == f"{owner}@{rev}"
    assert set(step["with"]) <= set(action["inputs"])

    gitlab = yaml.load(cuplikan("GitLab CI"))
    install = gitlab["sakipgen-check"]["script"][0]
    assert install == f'python -m pip install --quiet "git+{ALAMAT}.git@{rev}"'
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "v0.1.0" not in text and "@<" not in text  # no tag, no unfilled slot


def test_the_readme_gitlab_job_installs_at_its_commit_and_checks(tmp_path: Path) -> None:
    """The GitLab job's script as printed: pip installs sakipgen from the repository at
    the README's commit (the address replaced by a clone), then the two checks run."""
    import json
    import sys

    from tests.conftest import perlu
    from tests.integrations.test_pre_commit import ALAMAT, cuplikan, klon, rev_readme

    perlu("git", "pypi")  # pip builds the package with setuptools from the index
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    place = tmp_path / "repos"
    place.mkdir()
    clone = klon(place, env).rename(place / "sakipgen.git")
    rev_readme(clone, env)
    script = YAML(typ="safe").load(cuplikan("GitLab CI"))["sakipgen-check"]["script"]
    install = script[0].replace(ALAMAT, clone.with_suffix("").as_uri())
    target = tmp_path / "terpasang"
    install = install.replace("pip install", f"pip install --no-deps --target {target}")
    assert f"git+{clone.as_uri()}@" in install
    venv = f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"
    proc = subprocess.run(
        ["bash", "-e", "-c", install],
        env={**env, "PATH": venv},
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert proc.returncode == 0, proc.stderr
    assert (target / "sakipgen" / "__init__.py").is_file()

    repo = tmp_path / "dinas"
    shutil.copytree(EXAMPLES / "blora", repo / "blora", ignore=shutil.ignore_patterns("build"))
    checks = "\n".join(script[1:])
    clean = subprocess.run(
        ["bash", "-e", "-c", checks], cwd=repo, env={**env, "PATH": venv}, capture_output=True
    )
    assert clean.returncode == 0, clean.stderr
    found = json.loads((repo / "sakipgen-check.json").read_text(encoding="utf-8"))
    assert {d["code"] for d in found} == {"K013", "K014", "K020"}  # blora's warnings
    target_yaml = repo / "blora" / "2021" / "target.yaml"
    target_yaml.write_text(
        target_yaml.read_text(encoding="utf-8").replace("IK2.2: 70", "IK2.9: 70"),
        encoding="utf-8",
    )
    broken = subprocess.run(
        ["bash", "-e", "-c", checks], cwd=repo, env={**env, "PATH": venv}, capture_output=True
    )
    assert broken.returncode == 1  # the job fails, and keeps its findings as JSON
    found = json.loads((repo / "sakipgen-check.json").read_text(encoding="utf-8"))
    r001 = [d for d in found if d["code"] == "R001"]
    assert r001 and r001[0]["file"] == "blora/2021/target.yaml", found
