"""The pre-commit hook (`.pre-commit-hooks.yaml`) run by pre-commit itself, from the
configuration the README prints, as a user's repository runs it: pre-commit clones the
sakipgen repository at the README's `rev:`, installs it with pip into its own environment
(dependencies from PyPI) and runs `sakipgen check` in the user's repository.

The README's address `https://github.com/OWNER/sakipgen` is the one thing a user
replaces; here it is replaced by a git clone of this repository (with the working tree's
uncommitted changes to what the hook is made of committed on top, as `pre-commit
try-repo` would). The README's `rev:` is used as printed, then `pre-commit autoupdate`
moves it to the clone's newest commit, the code under test."""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import EXAMPLES, ROOT, lewati, perlu

# A missing pre-commit is a missing test dependency (the `test` extra): a failure, never
# a reason to skip the hook's only end-to-end test.
HAS_PRE_COMMIT = importlib.util.find_spec("pre_commit") is not None

ALAMAT = "https://github.com/OWNER/sakipgen"
"""The address the README tells the user to replace."""

# What the hook's installation depends on: a change to any of these that is not yet
# committed is tested from a commit of the working tree on top of HEAD.
HOOK_INPUTS = [".pre-commit-hooks.yaml", "pyproject.toml", "README.md", "src", "templates"]


def cuplikan(judul: str, nomor: int = 0) -> str:
    """The ``nomor``-th fenced code block of the README section ``### judul``."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    start = text.index(f"\n### {judul}\n")
    end = text.find("\n## ", start + 1)
    section = text[start : end if end > 0 else len(text)]
    # A fence may carry an info string after the language (``yaml file=…``).
    blocks = re.findall(r"\n```[a-z]*(?: [^\n]*)?\n(.*?)\n```\n", section, re.S)
    return blocks[nomor] + "\n"


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
    _siapkan_git(path, env)


def _siapkan_git(path: Path, env: dict[str, str]) -> None:
    _git("config", "user.email", "test@sakipgen.invalid", cwd=path, env=env)
    _git("config", "user.name", "sakipgen test", cwd=path, env=env)
    _git("config", "commit.gpgsign", "false", cwd=path, env=env)
    _git("config", "core.hooksPath", os.devnull, cwd=path, env=env)


def klon(tmp_path: Path, env: dict[str, str]) -> Path:
    """A git clone of this repository at HEAD, with the working tree's uncommitted changes
    to the hook's inputs committed on top; the test is skipped (a failure in CI) when this
    is not a git checkout."""
    inside = subprocess.run(
        ["git", "-C", str(ROOT), "rev-parse", "--show-toplevel"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    if inside.returncode != 0 or Path(inside.stdout.strip()).resolve() != ROOT.resolve():
        lewati(f"{ROOT} is not a git clone of sakipgen (an unpacked archive?): nothing to clone")
    clone = tmp_path / "sakipgen"
    _git("clone", "-q", str(ROOT), str(clone), cwd=tmp_path, env=env)
    _siapkan_git(clone, env)
    dirty = _git(
        "-C", str(ROOT), "status", "--porcelain", "--", *HOOK_INPUTS, cwd=tmp_path, env=env
    )
    if dirty:
        listed = subprocess.run(
            [
                "git",
                "-C",
                str(ROOT),
                "ls-files",
                "-z",
                "-co",
                "--exclude-standard",
                "--",
                *HOOK_INPUTS,
            ],
            env=env,
            capture_output=True,
            timeout=60,
            check=True,
        ).stdout.decode("utf-8", "surrogateescape")
        for name in HOOK_INPUTS:  # deleted in the working tree: deleted in the commit
            target = clone / name
            if target.is_dir():
                shutil.rmtree(target)
            elif target.exists():
                target.unlink()
        for rel in (Path(f) for f in listed.split("\0") if f):
            src, dst = ROOT / rel, clone / rel
            if not src.is_symlink() and not src.is_file():
                continue  # deleted in the working tree, or a socket/pipe
            dst.parent.mkdir(parents=True, exist_ok=True)
            if src.is_symlink():
                os.symlink(os.readlink(src), dst)
            else:
                shutil.copy2(src, dst)
        _git("add", "-A", cwd=clone, env=env)
        _git("commit", "-q", "-m", "the working tree's changes", cwd=clone, env=env)
    return clone


def rev_readme(clone: Path, env: dict[str, str]) -> str:
    """The README's `rev:`, which must be a commit of the clone's history (skipped in a
    shallow clone that lacks it)."""
    (rev,) = re.findall(r"^\s+rev: (\S+)", cuplikan("pre-commit"), re.M)
    found = subprocess.run(
        ["git", "cat-file", "-e", f"{rev}^{{commit}}"], cwd=clone, env=env, capture_output=True
    )
    if found.returncode != 0:
        shallow = _git("rev-parse", "--is-shallow-repository", cwd=ROOT, env=env)
        if shallow == "true":
            lewati(f"a shallow clone without the README's rev {rev}: git fetch --unshallow")
    assert found.returncode == 0, f"the README's rev {rev} is not a commit of this repository"
    return rev


def _pre_commit(
    repo: Path, env: dict[str, str], *args: str, timeout: int = 300
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", *(args or ("run", "--all-files", "--color", "never"))],
        cwd=repo,
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def _dinas_repo(tmp_path: Path, config: str, env: dict[str, str]) -> Path:
    repo = tmp_path / "dinas-repo"
    repo.mkdir()
    _init_repo(repo, env)
    shutil.copytree(EXAMPLES / "blora", repo / "blora", ignore=shutil.ignore_patterns("build"))
    (repo / ".pre-commit-config.yaml").write_text(config, encoding="utf-8")
    _git("add", "-A", cwd=repo, env=env)
    _git("commit", "-q", "-m", "data dinas", cwd=repo, env=env)
    return repo


def _passes(repo: Path, env: dict[str, str], timeout: int = 300) -> None:
    clean = _pre_commit(repo, env, timeout=timeout)
    output = clean.stdout + clean.stderr
    assert clean.returncode == 0, output
    assert re.search(r"^sakipgen check\.+Passed$", output, re.M), output


def _finds_r001(repo: Path, env: dict[str, str]) -> None:
    """An unknown indikator id typed into a target file stops the commit with its line."""
    target = repo / "blora" / "2021" / "target.yaml"
    text = target.read_text(encoding="utf-8")
    assert "IK2.2: 70" in text
    target.write_text(text.replace("IK2.2: 70", "IK2.9: 70"), encoding="utf-8")
    _git("add", "-A", cwd=repo, env=env)
    broken = _pre_commit(repo, env)
    output = broken.stdout + broken.stderr
    assert broken.returncode == 1, output
    assert re.search(r"^sakipgen check\.+Failed$", output, re.M), output
    r001 = [line for line in output.splitlines() if " R001 " in line]
    assert r001, output
    assert r001[0].startswith("blora/2021/target.yaml:") and "IK2.9" in r001[0], r001
    target.write_text(text, encoding="utf-8")
    _git("add", "-A", cwd=repo, env=env)


def test_the_readme_configuration_from_a_clone_then_autoupdate(tmp_path: Path) -> None:
    assert HAS_PRE_COMMIT, "pre-commit is required (it belongs to the `test` extra)"
    perlu("git", "pypi")  # pre-commit installs the hook's dependencies from PyPI
    env = _env(tmp_path / "pre-commit-home")
    clone = klon(tmp_path, env)
    rev = rev_readme(clone, env)
    head = _git("rev-parse", "HEAD", cwd=clone, env=env)
    printed = cuplikan("pre-commit")
    assert printed.count(ALAMAT) == 1
    repo = _dinas_repo(tmp_path, printed.replace(ALAMAT, str(clone)), env)

    # As printed: sakipgen at the README's commit. The first run builds the hook's
    # environment with pip: a minute or two.
    _passes(repo, env, timeout=1200)

    # `pre-commit autoupdate`, as the README says, moves rev to the newest commit of
    # the repository's default branch (no tags: the commit itself), comment kept.
    update = _pre_commit(repo, env, "autoupdate", timeout=300)
    assert update.returncode == 0, update.stdout + update.stderr
    config = (repo / ".pre-commit-config.yaml").read_text(encoding="utf-8")
    assert config == printed.replace(ALAMAT, str(clone)).replace(rev, head)
    _git("add", "-A", cwd=repo, env=env)

    # The code under test: clean, an error found at its line, clean again.
    _passes(repo, env, timeout=1200)
    _finds_r001(repo, env)
    _passes(repo, env)


def test_the_readme_local_variant_with_sakipgen_installed(tmp_path: Path) -> None:
    """`repo: local` with `language: system` runs the `sakipgen` on PATH (here this
    checkout's, from the test's environment); nothing is downloaded."""
    assert HAS_PRE_COMMIT, "pre-commit is required (it belongs to the `test` extra)"
    perlu("git")
    env = _env(tmp_path / "pre-commit-home")
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    repo = _dinas_repo(tmp_path, cuplikan("pre-commit", 1), env)
    _passes(repo, env)
    _finds_r001(repo, env)
    _passes(repo, env)


def test_hooks_file() -> None:
    from ruamel.yaml import YAML

    hooks = YAML(typ="safe").load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    (hook,) = hooks
    assert hook["id"] == "sakipgen-check" and hook["entry"] == "sakipgen check"
    assert hook["language"] == "python" and hook["pass_filenames"] is False
    assert hook["files"] == r"\.(ya?ml|md)$"
    # The local variant in the README runs the same command on the same files.
    local = YAML(typ="safe").load(cuplikan("pre-commit", 1))
    (variant,) = local["repos"][0]["hooks"]
    assert local["repos"][0]["repo"] == "local"
    assert {k: variant[k] for k in ("id", "name", "entry", "pass_filenames", "files")} == {
        k: hook[k] for k in ("id", "name", "entry", "pass_filenames", "files")
    }
