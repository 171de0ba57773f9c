from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path

import pytest

# Tests compare messages in Indonesian, the default language; a developer or CI machine
# whose LANG is English must not switch them (tests of English set SAKIPGEN_LANG=en).
os.environ["SAKIPGEN_LANG"] = "id"
# sakipgen's own cache (build manifests, charts) lives outside the dinas folders; the
# tests use a throw-away one, so they neither read nor fill the developer's.
CACHE = Path(tempfile.mkdtemp(prefix="sakipgen-tes-cache-"))
os.environ["SAKIPGEN_CACHE"] = str(CACHE)
atexit.register(shutil.rmtree, CACHE, ignore_errors=True)

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"


@pytest.fixture
def examples() -> Path:
    return EXAMPLES


# The warnings the seeds deserve, each documented by a comment in the example's YAML:
# (example, file relative to the example, code).
EXPECTED_WARNINGS = {
    ("blora", "2021/realisasi.yaml", "K013"),  # printed capaian 89,88, computed 89,89
    ("sinjai", "2017/realisasi.yaml", "K013"),  # printed 102,39, computed 102,38
    ("sinjai", "2018/anggaran.yaml", "K006"),  # P01 pagu vs its kegiatan
    ("sinjai", "2018/anggaran.yaml", "K007"),  # P07 names no sasaran
    ("buleleng", "2021/anggaran.yaml", "K006"),  # kegiatan pagu vs its printed sub kegiatan
}
EXPECTED_WARNING_COUNT = 6  # sinjai has two K006 (P01 and P02)
