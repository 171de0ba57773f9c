"""The targets in force at the end of a month (calc/pk.py target_berlaku): a PK
Perubahan from its date, an undated one from December; before it the PK, else the
PK Perubahan's ``semula``, else the RKT, else the Renstra (issue 24)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from sakipgen.calc.pk import target_berlaku
from sakipgen.load import muat_dinas
from tests.conftest import ganti, salin

D = Decimal


def _dinas(tmp_path: Path, target: str, dokumen: str | None = None):  # type: ignore[no-untyped-def]
    root = salin(tmp_path, "blora")
    (root / "2021" / "target.yaml").write_text(target, encoding="utf-8")
    if dokumen is not None:
        ganti(root / "2021" / "dokumen.yaml", "lkjip:", dokumen + "\nlkjip:")
    found = muat_dinas(root)
    assert found.dinas is not None, [d.text() for d in found.diagnostics]
    return found.dinas


PK = "pk:\n  indikator: {IK1.1: 32}\n"
PERUBAHAN = "pk_perubahan:\n  indikator:\n    IK1.1: {target: 35, semula: 31}\n"


def test_a_pk_perubahan_from_its_date(tmp_path: Path) -> None:
    dinas = _dinas(tmp_path, PK + PERUBAHAN, "pk_perubahan: {tanggal: 2021-09-15}")
    # 31 Agustus: before 15 September, the PK (32); 30 September: the PK Perubahan (35)
    before, after = target_berlaku(dinas, 2021, 8), target_berlaku(dinas, 2021, 9)
    assert (before.sumber, before.target["IK1.1"].angka) == ("pk", D(32))
    assert before.perubahan_menunggu and str(before.tanggal_perubahan) == "2021-09-15"
    assert (after.sumber, after.target["IK1.1"].angka) == ("pk_perubahan", D(35))
    assert not after.perubahan_menunggu


def test_an_undated_pk_perubahan_from_december(tmp_path: Path) -> None:
    dinas = _dinas(tmp_path, PK + PERUBAHAN)
    assert target_berlaku(dinas, 2021, 11).sumber == "pk"
    assert target_berlaku(dinas, 2021, 12).sumber == "pk_perubahan"


def test_before_it_without_a_pk(tmp_path: Path) -> None:
    # No pk written: the PK Perubahan's own semula (31) is the signed PK's target.
    dinas = _dinas(tmp_path, PERUBAHAN, "pk_perubahan: {tanggal: 2021-09-15}")
    found = target_berlaku(dinas, 2021, 3)
    assert (found.sumber, found.target["IK1.1"].angka) == ("pk", D(31))
    # Neither pk nor semula: the RKT; without one the Renstra target of 2021 (32).
    rkt = "rkt:\n  indikator: {IK1.1: 30}\npk_perubahan:\n  indikator: {IK1.1: 35}\n"
    dinas = _dinas(tmp_path / "b", rkt, "pk_perubahan: {tanggal: 2021-09-15}")
    found = target_berlaku(dinas, 2021, 3)
    assert (found.sumber, found.target["IK1.1"].angka) == ("rkt", D(30))
    found = target_berlaku(
        _dinas(tmp_path / "c", "pk_perubahan:\n  indikator: {IK1.1: 35}\n"), 2021, 3
    )
    assert (found.sumber, found.target["IK1.1"].angka) == ("renstra", D(32))


def test_a_year_without_pk_perubahan_is_its_measured_targets(tmp_path: Path) -> None:
    found = target_berlaku(_dinas(tmp_path, PK), 2021, 3)
    assert (found.sumber, found.target["IK1.1"].angka, found.ada_perubahan) == ("pk", D(32), False)
