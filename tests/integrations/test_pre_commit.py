"""The pre-commit hook (`.pre-commit-hooks.yaml`) run by pre-commit itself, as a user's
repository would run it: pre-commit clones this repository, installs it with pip into its
own environment and runs `sakipgen check` in the user's repository."""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import EXAMPLES, ROOT

# A missing pre-commit is a missing test dependency (the `test` extra): a failure, never
# a reason to skip the hook's only end-to-end test.
HAS_PRE_COMMIT = importlib.util.find_spec("pre_commit") is not None

# What the hook's installation depends on: a change to any of these that is not yet
# committed is tested from a snapshot of the working tree, as `pre-commit try-repo` does.
HOOK_INPUTS = [".pre-commit-hooks.yaml", "pyproject.toml", "README.md", "src", "templates"]


def _env(home: Path) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        # A test run from inside a git hook or another pre-commit run must not leak its
        # repository, its skips or its environment into the temporary repository.
        if not k.startswith(("GIT_", "PRE_COMMIT")) and k not in {"SKIP", "VIRTUAL_ENV"}
    }
    env.update(
        PRE_COMMIT_HOME=str(home),  # no dependency on (or pollution of) a user's cache
        PRE_COMMIT_COLOR="never",
        NO_COLOR="1",
        GIT_TERMINAL_PROMPT="0",
    )
    return env


def _git(*args: str, cwd: Path, env: dict[str, str]) -> str:
    proc = subprocess.run(
        ["git", *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=120
    )
    assert proc.returncode == 0, f"git {' '.join(args)}: {proc.stderr}"
    return proc.stdout.strip()


def _init_repo(path: Path, env: dict[str, str]) -> None:
    _git("init", "-q", cwd=path, env=env)
    _git("config", "user.email", "test@sakipgen.invalid", cwd=path, env=env)
    _git("config", "user.name", "sakipgen test", cwd=path, env=env)
    _git("config", "commit.gpgsign", "false", cwd=path, env=env)
    _git("config", "core.hooksPath", os.devnull, cwd=path, env=env)


def _hook_repository(tmp_path: Path, env: dict[str, str]) -> tuple[str, str]:
    """`repo:` and `rev:` for the configuration: this checkout at HEAD (the root is found
    from this file, so a fresh clone in CI works) when HEAD holds the working tree's hook
    and code; otherwise a commit of a snapshot of the working tree."""
    assert shutil.which("git"), "git is required"
    inside = subprocess.run(
        ["git", "-C", str(ROOT), "rev-parse", "HEAD"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    if inside.returncode == 0:
        dirty = subprocess.run(
            ["git", "-C", str(ROOT), "status", "--porcelain", "--", *HOOK_INPUTS],
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        )
        if dirty.returncode == 0 and not dirty.stdout.strip():
            return str(ROOT), inside.stdout.strip()
        listed = subprocess.run(
            ["git", "-C", str(ROOT), "ls-files", "-z", "-co", "--exclude-standard"],
            env=env,
            capture_output=True,
            timeout=60,
            check=True,
        ).stdout.decode("utf-8", "surrogateescape")
        files = [Path(f) for f in listed.split("\0") if f]
    else:  # not a git checkout (an unpacked archive): what the package is built from
        files = [p.relative_to(ROOT) for name in HOOK_INPUTS for p in _walk(ROOT / name)]
    snapshot = tmp_path / "sakipgen-snapshot"
    snapshot.mkdir()
    for rel in files:
        src, dst = ROOT / rel, snapshot / rel
        if not src.is_symlink() and not src.is_file():
            continue  # deleted in the working tree, or a socket/pipe
        dst.parent.mkdir(parents=True, exist_ok=True)
        if src.is_symlink():
            os.symlink(os.readlink(src), dst)
        else:
            shutil.copy2(src, dst)
    _init_repo(snapshot, env)
    _git("add", "-A", cwd=snapshot, env=env)
    _git("commit", "-q", "-m", "snapshot of the sakipgen working tree", cwd=snapshot, env=env)
    return str(snapshot), _git("rev-parse", "HEAD", cwd=snapshot, env=env)


def _walk(path: Path) -> list[Path]:
    if path.is_file():
        return [path]
    return sorted(p for p in path.rglob("*") if p.is_file() and "__pycache__" not in p.parts)


def _pre_commit(repo: Path, env: dict[str, str], timeout: int) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "run", "--all-files", "--color", "never"],
        cwd=repo,
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def test_pre_commit_hook_passes_then_reports_r001(tmp_path: Path) -> None:
    assert HAS_PRE_COMMIT, "pre-commit is required (it belongs to the `test` extra)"
    env = _env(tmp_path / "pre-commit-home")
    hook_repo, rev = _hook_repository(tmp_path, env)

    repo = tmp_path / "dinas-repo"
    repo.mkdir()
    _init_repo(repo, env)
    shutil.copytree(EXAMPLES / "blora", repo / "blora", ignore=shutil.ignore_patterns("build"))
    (repo / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {hook_repo}\n    rev: {rev}\n    hooks:\n      - id: sakipgen-check\n",
        encoding="utf-8",
    )
    _git("add", "-A", cwd=repo, env=env)
    _git("commit", "-q", "-m", "data dinas", cwd=repo, env=env)

    # The first run builds the hook's environment with pip (from PyPI): minutes at most.
    clean = _pre_commit(repo, env, timeout=1200)
    output = clean.stdout + clean.stderr
    assert clean.returncode == 0, output
    assert "sakipgen check" in output and "Passed" in output

    target = repo / "blora" / "2021" / "target.yaml"
    text = target.read_text(encoding="utf-8")
    assert "IK2.2: 70" in text
    target.write_text(text.replace("IK2.2: 70", "IK2.9: 70"), encoding="utf-8")
    _git("add", "-A", cwd=repo, env=env)

    broken = _pre_commit(repo, env, timeout=300)
    output = broken.stdout + broken.stderr
    assert broken.returncode == 1, output
    assert "Failed" in output
    r001 = [line for line in output.splitlines() if " R001 " in line]
    assert r001, output
    assert r001[0].startswith("blora/2021/target.yaml:") and "IK2.9" in r001[0], r001


def test_hooks_file() -> None:
    from ruamel.yaml import YAML

    hooks = YAML(typ="safe").load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    (hook,) = hooks
    assert hook["id"] == "sakipgen-check" and hook["entry"] == "sakipgen check"
    assert hook["language"] == "python" and hook["pass_filenames"] is False
    assert hook["files"] == r"\.(ya?ml|md)$"
