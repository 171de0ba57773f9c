"""The compiled code of the built-in templates is kept between runs (render/sandbox.py,
KodeBawaan); a dinas's own template never is, and an altered entry is not used."""

from __future__ import annotations

from pathlib import Path

import pytest

from sakipgen.render import builtin_templates
from sakipgen.render.sandbox import Lingkungan, _baru, teks_bawaan


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("SAKIPGEN_CACHE", str(tmp_path))
    return tmp_path / "templat"


def _tanpa_kompilasi(env: Lingkungan) -> Lingkungan:
    """An environment that fails if it has to compile: what it gets, it loaded."""

    def compile(*args: object, **kwargs: object) -> None:
        raise AssertionError("compiled")

    env.compile = compile  # type: ignore[method-assign]
    return env


def test_a_builtin_template_compiles_once_per_installation(cache: Path) -> None:
    first = _baru({}, {}, builtin_templates()).get_template("pk.xml.j2")
    assert len(list(cache.iterdir())) == 1
    # A new process (a new environment) loads the code instead of compiling it.
    again = _tanpa_kompilasi(_baru({}, {}, builtin_templates())).get_template("pk.xml.j2")
    assert again.root_render_func.__code__.co_code == first.root_render_func.__code__.co_code


def test_a_dinas_template_is_never_kept(cache: Path) -> None:
    own = {"pk.xml.j2": "{{ 1 + 1 }}"}
    env = _baru(own, {"pk.xml.j2": "templates/docx/pk.xml.j2"}, builtin_templates())
    assert env.get_template("pk.xml.j2").render() == "2"
    assert not cache.exists() or not list(cache.iterdir())
    # Its own copy of a built-in text is the same code, and may share the entry.
    same = {"pk.xml.j2": teks_bawaan(builtin_templates(), "pk.xml.j2") or ""}
    _baru(same, {}, builtin_templates()).get_template("pk.xml.j2")
    assert len(list(cache.iterdir())) == 1


def test_an_altered_entry_is_compiled_afresh(cache: Path) -> None:
    _baru({}, {}, builtin_templates()).get_template("pk.xml.j2")
    (entry,) = cache.iterdir()
    raw = bytearray(entry.read_bytes())
    raw[-10] ^= 0xFF
    entry.write_bytes(bytes(raw))
    with pytest.raises(AssertionError, match="compiled"):
        _tanpa_kompilasi(_baru({}, {}, builtin_templates())).get_template("pk.xml.j2")
