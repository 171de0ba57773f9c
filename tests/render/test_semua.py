"""Every example builds every document its data supports, twice to the same bytes."""

from __future__ import annotations

import pytest

from sakipgen import render
from sakipgen.jenis import JENIS, tahun_bawaan
from tests.render.conftest import load

EXPECTED = {
    "blora": {"rkt-2020", "iku-2017", "pk-2021", "lkjip-2021"},
    "sinjai": {"rkt-2018", "iku-2013", "lkjip-2017"},
    "buleleng": {"iku-2017", "pk-2021", "rencana-aksi-2021", "monitoring-2021", "e81-2021"},
    "tanjabbar": {"iku-2017"},
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_all_documents_of_example(name: str) -> None:
    b = load(name)
    built = {}
    for jenis in JENIS:
        tahun = tahun_bawaan(b.dinas, jenis)
        if tahun is None:
            continue
        hasil = render.susun(b, jenis, tahun)
        if hasil.data is not None:
            built[f"{jenis}-{tahun}"] = hasil.data
            assert render.susun(b, jenis, tahun).data == hasil.data
        else:
            assert [d.code for d in hasil.diagnostics] == ["D001"]
    assert set(built) == EXPECTED[name]
