"""A program or kegiatan without ``indikator:`` (what ``init --from`` writes: the workbook
has no column for it) once a quarter is reported: its E.81 row stands for no indikator,
with its rupiah figures, and every document of the year is built (issue 24: the E.81,
computed for the monitoring report, the LKjIP and the export, stopped with IndexError in
``calc/e81.py``, while ``check`` passed)."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from sakipgen.model.hasil import KRp
from sakipgen.pipeline import Pilihan, siapkan
from tests.conftest import ganti, salin

INIT = ["--pemda", "Kabupaten Contoh", "--dinas", "Dinas Contoh", "--start", "2026"]
INIT += ["--end", "2030", "--year", "2026"]


def _cli(*args: str | Path) -> tuple[int, str]:
    from sakipgen.cli import app

    result = CliRunner().invoke(app, [str(a) for a in args])
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.output


def _dinas_baru(tmp_path: Path) -> Path:
    """``sakipgen init`` with P01 of 2026 spending Rp 100.000.000 in triwulan I."""
    root = tmp_path / "dinas"
    assert _cli("init", root, *INIT)[0] == 0
    ganti(
        root / "2026" / "anggaran.yaml",
        "    penanggung_jawab: Sekretariat\n",
        "    penanggung_jawab: Sekretariat\n    realisasi_triwulan: {1: 100000000}\n",
    )
    code, out = _cli("check", root)
    # No error; the warnings are init's example values to replace (K024), nothing else.
    assert code == 0 and "0 kesalahan, " in out, out
    assert all(" K024 " in ln for ln in out.splitlines()[:-1]), out
    return root


def test_kegiatan_without_indikator_has_one_row_with_its_rupiah(tmp_path: Path) -> None:
    b = siapkan(_dinas_baru(tmp_path), pilihan=Pilihan(dokumen=True, periode=(2026, 3, 1)))
    assert b.dinas is not None and not b.galat
    rows = {r.nomor: r for r in b.e81[2026].baris}
    # The scaffold's K01.1 (pagu 300.000.000; only its sub kegiatan has an indikator)
    # and K01.2 (pagu 200.000.000) list no indikator: one row each, "-", no kinerja.
    for nomor, pagu in (("1.1.1", 300_000_000), ("1.1.2", 200_000_000)):
        r = rows[nomor]
        assert (r.tingkat, r.indikator, r.satuan) == ("kegiatan", "-", "")
        assert r.target_tahun == KRp(None, pagu)
        assert r.triwulan == (KRp(), KRp(), KRp(), KRp())  # no quarter reported
        assert r.capaian_k is None
    # P01 spent Rp 100.000.000 in triwulan I: (8) and (12), and (13) with no earlier
    # year (2026 starts the Renstra).
    p = rows["1.1"]
    assert p.triwulan[0] == KRp(None, 100_000_000)
    assert p.realisasi_tahun == KRp(None, 100_000_000)
    assert p.realisasi_renstra == KRp(None, 100_000_000)


@pytest.mark.parametrize(
    "args",
    [
        ["--doc", "lkjip"],  # the reproduction
        ["--doc", "e81", "--triwulan", "1"],
        ["--doc", "all"],
    ],
)
def test_the_documents_of_a_new_dinas_build_once_a_quarter_is_reported(
    tmp_path: Path, args: list[str]
) -> None:
    root = _dinas_baru(tmp_path)
    code, out = _cli("build", root, *args, "--out", tmp_path / "keluar")
    assert "kesalahan internal" not in out, out
    assert code == 0, out
    kind = args[1] if args[1] != "all" else "iku"
    suffix = "-tw1" if "--triwulan" in args else ""
    assert (tmp_path / "keluar" / f"{kind}-2026{suffix}.docx").is_file(), out


def test_export_of_a_new_dinas_once_a_quarter_is_reported(tmp_path: Path) -> None:
    root = _dinas_baru(tmp_path)
    code, out = _cli("export", root, "--out", tmp_path / "tabel.xlsx")
    assert code == 0, out
    assert (tmp_path / "tabel.xlsx").is_file()


@pytest.mark.parametrize(
    "args",
    [
        ["--doc", "monitoring", "--triwulan", "1"],
        *(["--doc", "e81", "--triwulan", str(q)] for q in (1, 2, 4)),
    ],
)
def test_blora_periodic_reports_end_in_a_message_not_an_internal_error(
    tmp_path: Path, args: list[str]
) -> None:
    """Blora's kegiatan list no indikator; asked for a quarter, its E.81 of every year
    is computed.  Blora reports no quarter, so neither report can be made: a D001 that
    says so (exit 1)."""
    root = salin(tmp_path, "blora")
    code, out = _cli("build", root, *args, "--out", tmp_path / "keluar")
    assert "kesalahan internal" not in out, out
    assert code == 1
    assert f"{root}: D001 {args[1]}" in out
