"""A dinas's own templates: ``halaman.yaml`` (the page its documents are laid out on)
and what a template may contain (the rules ``check`` and the sandbox share)."""

from __future__ import annotations

from typing import Any

from pydantic import Field, model_validator

from sakipgen.i18n import _
from sakipgen.model.base import Model, skema

# Twips: 1 cm = 567.  Bounds wide enough for any real paper (A5 to A3, F4, Letter) and
# narrow enough that a typo cannot make a page no text fits on.
_SISI = Field(ge=2835, le=23814, description="Ukuran dalam twip (1 cm = 567)")
_MARGIN = Field(ge=0, le=5670, description="Margin dalam twip (1 cm = 567), paling besar 10 cm")


class Ukuran(Model):
    model_config = skema("Ukuran kertas dan margin satu arah halaman, dalam twip")

    lebar: int = _SISI
    tinggi: int = _SISI
    atas: int = _MARGIN
    kanan: int = _MARGIN
    bawah: int = _MARGIN
    kiri: int = _MARGIN

    @model_validator(mode="after")
    def _ada_ruang_teks(self) -> Ukuran:
        # At least 3 cm of text both ways: tables are sized from the text width.
        if (
            self.lebar - self.kiri - self.kanan < 1701
            or self.tinggi - self.atas - self.bawah < 1701
        ):
            raise ValueError(_("margin terlalu besar: sisa ruang teks kurang dari 3 cm"))
        return self


class HalamanTemplat(Model):
    model_config = skema("templates/docx/halaman.yaml: halaman tegak (potret) dan mendatar")

    potret: Ukuran
    lanskap: Ukuran


def aturan_pohon(tree: Any) -> list[tuple[int, str]]:
    """What the sandbox refuses in a parsed template, as (line, message): ``for ...
    recursive`` (its inner loops could not be counted)."""
    from jinja2 import nodes

    return [
        (loop.lineno, _("for ... recursive tidak diizinkan di templat"))
        for loop in tree.find_all(nodes.For)
        if loop.recursive
    ]
