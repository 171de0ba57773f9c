"""Messages in the planners' language (Bahasa Indonesia, the default) or in English.

Every user-facing message is written once, in Indonesian, as ``_("… {nama} …")``
and formatted afterwards with ``.format(nama=…)``; the English text lives in one
message catalogue, ``sakipgen/locale/en/LC_MESSAGES/sakipgen.po``, compiled to
``sakipgen.mo`` (README "Bahasa"; a test keeps the two in step).  The language is
``--lang``, else ``SAKIPGEN_LANG``, else ``LC_ALL`` / ``LC_MESSAGES`` / ``LANG``
(``en…`` → English, ``id…`` → Indonesian), else Indonesian.
"""

from __future__ import annotations

import gettext
import os
from pathlib import Path

LOCALE_DIR = Path(__file__).resolve().parent / "locale"
BAHASA = ("id", "en")

_active: gettext.NullTranslations = gettext.NullTranslations()
_lang = "id"


def pilih_bahasa(explicit: str | None = None) -> str:
    """``id`` or ``en`` from the option, then the environment; Indonesian by default."""
    if explicit:
        code = explicit.lower().replace("-", "_").split("_")[0]
        return code if code in BAHASA else "id"
    for name in ("SAKIPGEN_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name, "")
        code = value.lower().split(".")[0].split("_")[0]
        if code in BAHASA:
            return code
        if value and name != "SAKIPGEN_LANG" and code not in ("c", "posix"):
            return "id"  # another language: the planners' default
    return "id"


def atur_bahasa(lang: str) -> None:
    """Switch every later message to ``lang``."""
    global _active, _lang
    _lang = lang if lang in BAHASA else "id"
    if _lang == "id":
        _active = gettext.NullTranslations()
    else:
        _active = gettext.translation(
            "sakipgen", localedir=str(LOCALE_DIR), languages=[_lang], fallback=True
        )


def bahasa() -> str:
    return _lang


def _(message: str) -> str:
    """The message in the active language (the Indonesian text is the key)."""
    return _active.gettext(message)


def N_(message: str) -> str:
    """Mark a message for the catalogue without translating it here: for text that is
    kept in Indonesian in one place (a file's column header) and translated in another
    (the same header on screen, with :func:`_`)."""
    return message


def compile_catalogue() -> None:
    """Compile every ``.po`` of the package to ``.mo`` (``python -m sakipgen.i18n``; a
    developer's command: Babel comes with the ``test`` extra)."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    for po in sorted(LOCALE_DIR.glob("*/LC_MESSAGES/sakipgen.po")):
        with po.open("rb") as fh:
            catalog = read_po(fh, locale=po.parts[-3])
        with po.with_suffix(".mo").open("wb") as fh:
            write_mo(fh, catalog)
        print(po.with_suffix(".mo"))


if __name__ == "__main__":
    compile_catalogue()
