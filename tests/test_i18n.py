"""Messages and help in Indonesian (default) or English, from one catalogue."""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from sakipgen.i18n import LOCALE_DIR, pilih_bahasa
from tests.conftest import EXAMPLES, ROOT

PO = LOCALE_DIR / "en" / "LC_MESSAGES" / "sakipgen.po"
MO = PO.with_suffix(".mo")
_FIELD = re.compile(r"(?<!\{)\{(\w*)\}(?!\})")


def msgids() -> set[str]:
    found = extract_from_dir(
        str(ROOT / "src" / "sakipgen"),
        method_map=[("**.py", "python")],
        keywords={"_": None, "N_": None},
    )
    return {m for _file, _line, m, _comments, _ctx in found if isinstance(m, str)}


def catalogue():  # type: ignore[no-untyped-def]
    with PO.open("rb") as fh:
        return read_po(fh, locale="en")


def test_every_message_has_an_english_translation_with_the_same_fields() -> None:
    cat = catalogue()
    missing, bad = [], []
    for m in sorted(msgids()):
        entry = cat.get(m)
        if entry is None or not entry.string:
            missing.append(m)
        elif set(_FIELD.findall(m)) != set(_FIELD.findall(str(entry.string))):
            bad.append(m)
    assert missing == [] and bad == []


def test_no_stale_entries() -> None:
    used = msgids()
    stale = [m.id for m in catalogue() if m.id and m.id not in used]
    assert stale == []


def _messages(mo: bytes) -> dict[str, str]:
    """The translations a compiled catalogue holds, without its header (which names the
    Babel version that wrote it, so bytes differ between installations)."""
    import gettext

    found = gettext.GNUTranslations(io.BytesIO(mo))._catalog  # type: ignore[attr-defined]
    return {str(k): str(v) for k, v in found.items() if k != ""}


def test_compiled_catalogue_is_up_to_date() -> None:
    buf = io.BytesIO()
    write_mo(buf, catalogue())
    fresh = _messages(buf.getvalue())
    assert fresh, "the catalogue compiled to no messages"
    assert _messages(MO.read_bytes()) == fresh, "run: python -m sakipgen.i18n"


def test_stale_compiled_catalogue_is_detected() -> None:
    """The comparison above can fail: a catalogue missing one translation differs."""
    cat = catalogue()
    first = next(m for m in cat if m.id and m.string)
    first.string = first.string + " (diubah)"
    buf = io.BytesIO()
    write_mo(buf, cat)
    assert _messages(MO.read_bytes()) != _messages(buf.getvalue())


@pytest.mark.parametrize(
    ("lang", "env", "expected"),
    [
        ("en", {}, "en"),
        ("id", {"SAKIPGEN_LANG": "en"}, "id"),
        (None, {"SAKIPGEN_LANG": "en"}, "en"),
        (None, {"LANG": "en_US.UTF-8"}, "en"),
        (None, {"LANG": "id_ID.UTF-8"}, "id"),
        (None, {"LANG": "C.UTF-8"}, "id"),
        (None, {"LANG": "fr_FR.UTF-8"}, "id"),
        (None, {}, "id"),
    ],
)
def test_language_choice(
    monkeypatch: pytest.MonkeyPatch, lang: str | None, env: dict[str, str], expected: str
) -> None:
    for name in ("SAKIPGEN_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert pilih_bahasa(lang) == expected


def run(args: list[str], cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    full = {k: v for k, v in os.environ.items() if k not in ("SAKIPGEN_LANG", "LANG", "LC_ALL")}
    full.update(env, NO_COLOR="1")
    return subprocess.run(
        [sys.executable, "-m", "sakipgen", *args],
        cwd=cwd,
        env=full,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_diagnostics_and_help_in_english(tmp_path: Path) -> None:
    root = tmp_path / "blora"
    shutil.copytree(EXAMPLES / "blora", root, ignore=shutil.ignore_patterns("build"))
    target = root / "2021" / "target.yaml"
    target.write_text(
        target.read_text(encoding="utf-8").replace("IK2.2: 70", "IK2.9: 70"), encoding="utf-8"
    )
    indonesian = run(["check", "blora"], tmp_path)
    assert "R001 indikator 'IK2.9' tidak ada" in indonesian.stdout
    assert "1 folder dinas diperiksa: " in indonesian.stderr
    for args, env in (
        (["check", "blora"], {"LANG": "en_US.UTF-8"}),
        (["check", "blora", "--lang", "en"], {}),
        (["--lang=en", "check", "blora"], {"LANG": "id_ID.UTF-8"}),
    ):
        english = run(args, tmp_path, **env)
        assert english.returncode == 1
        line = next(ln for ln in english.stdout.splitlines() if " R001 " in ln)
        assert "tidak ada" not in line and "IK2.9" in line
        assert "1 dinas folder(s) checked: " in english.stderr and " error(s)" in english.stderr
        # The severity word too (the example's K013 warning).
        assert " K013 (warning) " in english.stdout and "(peringatan)" not in english.stdout
    help_en = run(["check", "--help"], tmp_path, SAKIPGEN_LANG="en")
    assert "Check the dinas data" in help_en.stdout and "Example:" in help_en.stdout
    help_id = run(["check", "--help"], tmp_path)
    assert "Periksa data dinas" in help_id.stdout
