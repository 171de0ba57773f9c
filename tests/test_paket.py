"""What `pip install .` puts in the package (not an editable install, which reads src/
directly): every Python package under src/sakipgen, the templates and the catalogues.
A package missing from pyproject.toml's list is missing from every wheel: `pip install .`,
pipx, the GitLab job and pre-commit's environment (`sakipgen import` stopped with
"cannot import name 'impor'")."""

from __future__ import annotations

import tomllib

from tests.conftest import ROOT


def test_pyproject_lists_every_package_of_the_source() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    setuptools = config["tool"]["setuptools"]
    source = ROOT / "src"
    found = {
        ".".join(p.parent.relative_to(source).parts)
        for p in (source / "sakipgen").rglob("__init__.py")
        if "__pycache__" not in p.parts
    }
    listed = set(setuptools["packages"])
    assert found - listed == set(), "packages pip install leaves out"
    assert listed - found == {"sakipgen.templates"}  # templates/ at the top, mapped in
    assert setuptools["package-dir"]["sakipgen.templates"] == "templates"


def test_package_data_covers_every_template_and_catalogue() -> None:
    from fnmatch import fnmatch

    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    data = config["tool"]["setuptools"]["package-data"]
    for folder, patterns in (
        (ROOT / "templates", data["sakipgen.templates"]),
        (
            ROOT / "src" / "sakipgen" / "locale",
            [p.removeprefix("locale/") for p in data["sakipgen"]],
        ),
    ):
        files = [
            p.relative_to(folder).as_posix()
            for p in folder.rglob("*")
            # a module of a listed package is in the wheel as such
            if p.is_file() and p.suffix not in (".py", ".pyc") and "__pycache__" not in p.parts
        ]
        assert files
        left = [f for f in files if not any(fnmatch(f, p) for p in patterns)]
        assert left == [], f"not in the wheel: {left}"
