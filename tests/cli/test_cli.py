"""The command line as a user runs it: exit codes, output shapes, no tracebacks."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, EXPECTED_WARNING_COUNT, EXPECTED_WARNINGS, ROOT


def sakipgen(
    *args: str, cwd: Path = ROOT, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    full_env = {**os.environ, "NO_COLOR": "1", **(env or {})}
    full_env.pop("GITHUB_ACTIONS", None)
    if env and "GITHUB_ACTIONS" in env:
        full_env["GITHUB_ACTIONS"] = env["GITHUB_ACTIONS"]
    proc = subprocess.run(
        [sys.executable, "-m", "sakipgen", *args],
        cwd=cwd,
        env=full_env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert "Traceback" not in proc.stderr + proc.stdout
    return proc


def test_version_and_help() -> None:
    v = sakipgen("--version")
    assert v.returncode == 0 and v.stdout.startswith("sakipgen ")
    for cmd in ([], ["check"], ["show"]):
        h = sakipgen(*cmd, "--help")
        assert h.returncode == 0
        assert "Contoh" in h.stdout or "contoh" in h.stdout.lower()


def test_a_process_builds_only_the_command_it_runs() -> None:
    from sakipgen.cli.aplikasi import app, nama_perintah, perintah_dipakai

    semua = app.registered_commands
    assert sorted(map(nama_perintah, semua)) == [
        "build", "check", "diff", "export", "import", "init", "schema", "show",
    ]  # fmt: skip
    for args, tersisa in (
        (["check", "examples/blora"], ["check"]),
        (["import", "d", "f.xlsx", "--dry-run"], ["import"]),
        (["--version"], None),
        (["chek"], None),
        ([], None),
    ):
        dipakai = [nama_perintah(c) for c in perintah_dipakai(args, semua)]
        assert dipakai == (tersisa or [nama_perintah(c) for c in semua]), args
    # the group's help still lists every command; a misspelt one is still suggested
    assert all(f"  {n} " in sakipgen("--help").stdout for n in ("build", "import", "show"))
    assert "Mungkin maksudnya: 'check'" in sakipgen("chek").stderr


def test_usage_error_is_exit_2() -> None:
    assert sakipgen("check", "--format", "xml").returncode == 2
    assert sakipgen("show").returncode == 2
    assert sakipgen("nonsense").returncode == 2


def test_check_examples_clean() -> None:
    # examples/schema holds the editors' JSON Schemas, not a dinas.
    dirs = sorted(
        str(p.relative_to(ROOT)) for p in EXAMPLES.iterdir() if (p / "sakip.yaml").is_file()
    )
    proc = sakipgen("check", *dirs)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    summary = (
        f"{len(dirs)} folder dinas diperiksa: 0 kesalahan, {EXPECTED_WARNING_COUNT} peringatan"
    )
    assert summary in proc.stdout + proc.stderr
    found = {
        (ln.split("/")[1], "/".join(ln.split(":")[0].split("/")[2:]), ln.split(": ")[1].split()[0])
        for ln in proc.stdout.splitlines()
        if ln.startswith("examples/")
    }
    assert found == EXPECTED_WARNINGS


def test_check_finds_dinas_below_a_folder() -> None:
    proc = sakipgen("check", "examples")
    assert proc.returncode == 0
    assert "0 kesalahan" in proc.stdout + proc.stderr


def broken(tmp_path: Path) -> Path:
    import shutil

    root = tmp_path / "blora"
    shutil.copytree(EXAMPLES / "blora", root)
    target = root / "2021" / "target.yaml"
    target.write_text(
        target.read_text(encoding="utf-8").replace("IK2.2: 70", "IK2.3: 70"), encoding="utf-8"
    )
    return root


def test_check_findings_exit_1_text(tmp_path: Path) -> None:
    root = broken(tmp_path)
    proc = sakipgen("check", "blora", cwd=tmp_path)
    assert proc.returncode == 1
    lines = [ln for ln in proc.stdout.splitlines() if "R001" in ln]
    assert lines and lines[0].startswith(os.path.join("blora", "2021", "target.yaml") + ":")
    assert "mungkin maksudnya 'IK2.2'" in lines[0]
    assert "kesalahan" in proc.stderr
    del root


def test_check_json_and_github(tmp_path: Path) -> None:
    broken(tmp_path)
    js = sakipgen("check", "blora", "--format", "json", cwd=tmp_path)
    assert js.returncode == 1
    data = json.loads(js.stdout)
    codes = {d["code"] for d in data}
    assert "R001" in codes
    for d in data:
        assert set(d) == {"file", "line", "column", "path", "code", "severity", "message"}
        assert d["line"] >= 1
    gh = sakipgen("check", "blora", cwd=tmp_path, env={"GITHUB_ACTIONS": "true"})
    assert gh.returncode == 1
    assert any(
        ln.startswith("::error file=blora/2021/target.yaml,line=") for ln in gh.stdout.splitlines()
    )


def test_check_no_argument_uses_cwd(tmp_path: Path) -> None:
    proc = sakipgen("check", cwd=EXAMPLES / "blora")
    assert proc.returncode == 0
    empty = sakipgen("check", cwd=tmp_path)
    assert empty.returncode == 1 and "F005" in empty.stdout


def test_show_json_blora_2021() -> None:
    proc = sakipgen("show", "examples/blora", "--year", "2021", "--format", "json")
    assert proc.returncode == 0, proc.stderr
    d = json.loads(proc.stdout)
    assert set(d) >= {"dinas", "tahun", "capaian", "kategori", "sasaran", "anggaran"}
    assert (d["tahun"], d["capaian"], d["kategori"]) == (2021, "135.78", "Sangat Baik")
    s1, s2, s3 = d["sasaran"]
    assert set(s1) >= {"id", "uraian", "capaian", "kategori", "indikator"}
    assert (s1["capaian"], s2["capaian"]) == ("164.68", "106.88")
    # S3's one indikator has a Renstra target for 2020 only and none in the 2021 PK: the
    # sasaran is kept, with its indikator and no figures (issue 24).
    assert (s3["id"], s3["capaian"], s3["kategori"]) == ("S3", None, None)
    assert [(i["id"], i["target"], i["capaian"]) for i in s3["indikator"]] == [
        ("IK3.1", None, None)
    ]
    ind = {i["id"]: i for s in d["sasaran"] for i in s["indikator"]}
    assert set(ind["IK1.1"]) >= {
        "id",
        "uraian",
        "satuan",
        "target",
        "realisasi",
        "capaian",
        "kategori",
    }
    assert ind["IK1.1"]["target"] == "32" and ind["IK1.1"]["realisasi"] == "43.30"
    assert [ind[k]["capaian"] for k in ("IK1.1", "IK1.2", "IK2.1", "IK2.2")] == [
        "135.31",
        "194.05",
        "89.89",
        "123.86",
    ]
    assert ind["IK1.1"]["capaian_tahun_lalu"] == "117.31"
    a = d["anggaran"]
    assert set(a) >= {"pagu", "realisasi", "serapan", "efisiensi", "efisiensi_persen", "sasaran"}
    assert (a["pagu"], a["realisasi"], a["serapan"]) == ("1727182400", "1576408211", "91.27")
    assert (a["efisiensi"], a["efisiensi_persen"]) == ("150774189", "8.73")
    assert [(s["id"], s["serapan"]) for s in a["sasaran"]] == [("S1", "85.58"), ("S2", "99.21")]
    prog = a["sasaran"][0]["program"][0]
    assert set(prog) >= {"uraian", "pagu", "realisasi", "serapan"}


def test_show_text_is_indonesian_formatted() -> None:
    proc = sakipgen("show", "examples/blora", "--year", "2021")
    assert proc.returncode == 0
    out = proc.stdout
    for figure in ("135,31", "194,05", "89,89", "135,78", "1.727.182.400", "91,27", "2.942.679"):
        assert figure in out, figure


def test_show_unknown_year_and_broken_data(tmp_path: Path) -> None:
    assert sakipgen("show", "examples/blora", "--year", "1999").returncode == 2
    broken(tmp_path)
    assert sakipgen("show", "blora", cwd=tmp_path).returncode == 1


@pytest.mark.parametrize("args", [["check", "/nonexistent/dir"], ["show", "/nonexistent/dir"]])
def test_missing_folders(args: list[str]) -> None:
    assert sakipgen(*args).returncode == 1


def test_strict_makes_warnings_fail() -> None:
    # sinjai has only (documented) warnings: clean by default, a finding with --strict
    assert sakipgen("check", "examples/sinjai").returncode == 0
    strict = sakipgen("check", "examples/sinjai", "--strict")
    assert strict.returncode == 1 and "K006" in strict.stdout


def test_rule_switched_off_per_dinas(tmp_path: Path) -> None:
    import shutil

    root = tmp_path / "sinjai"
    shutil.copytree(EXAMPLES / "sinjai", root, ignore=shutil.ignore_patterns("build"))
    sakip = root / "sakip.yaml"
    sakip.write_text(
        sakip.read_text(encoding="utf-8")
        + "periksa:\n  abaikan:\n    - kode: K006\n      alasan: selisih pagu tercetak di sumber\n",
        encoding="utf-8",
    )
    proc = sakipgen("check", "sinjai", "--strict", "--format", "json", cwd=tmp_path)
    codes = sorted(d["code"] for d in json.loads(proc.stdout))
    assert codes == ["K007", "K013"]


def test_json_output_is_deterministic() -> None:
    runs = {sakipgen("check", "examples", "--format", "json").stdout for _ in range(2)}
    assert len(runs) == 1


def test_text_colour_only_on_request() -> None:
    from sakipgen.diagnostics import Diagnostic, Location, sebagai_teks

    diags = [
        Diagnostic.make(Location("a.yaml", 1, 2), "K006", "x"),
        Diagnostic.make(Location("b.yaml", 3, 4), "R001", "y"),
    ]
    plain = sebagai_teks(diags)
    assert "\033[" not in plain and plain.count("\n") == 1
    coloured = sebagai_teks(diags, color=True)
    assert "\033[33mK006\033[0m" in coloured and "\033[31mR001\033[0m" in coloured
    assert "\n\n" in coloured  # files grouped


def test_show_prints_the_table_view_export_writes() -> None:
    """show's tables come from the export's table view (typed cells): Blora 2021's
    budget by sasaran, hand-summed from LKjIP Tabel 3.8 (S1: P01–P04, S2: P05–P09)."""
    from decimal import Decimal

    from sakipgen.ekspor.tabel import tabel_layar
    from tests.conftest import bundel

    b = bundel("blora")
    assert b.dinas is not None
    capaian, anggaran = tabel_layar(b.dinas, b.hasil[2021])
    assert [k.judul for k in capaian.kolom][-1] == "Tahun lalu (%)"  # no manual capaian
    first = capaian.baris[1]  # IK1.1, indented under S1
    assert first[:5] == [
        "IK1.1 Persentase koperasi sehat",
        "%",
        Decimal("32"),
        Decimal("43.30"),
        Decimal("135.31"),
    ]
    assert capaian.inden[1] == 1 and 0 in capaian.tebal
    by_label = {row[0]: row[1:3] for row in anggaran.baris}
    s1 = next(v for k, v in by_label.items() if str(k).startswith("S1."))
    assert s1 == [30_000_000 + 556_182_400 + 320_000_000 + 100_000_000, 861_084_520]
    assert by_label["JUMLAH"] == [1_727_182_400, 1_576_408_211]
    # 2020's capaian were entered by hand: the note column appears.
    capaian_2020, _ = tabel_layar(b.dinas, b.hasil[2020])
    assert capaian_2020.kolom[-1].judul == "Ket."
    assert capaian_2020.baris[1][-1] == "manual"


def test_show_json_has_the_indikator_mean_and_kegiatan_rows() -> None:
    """Blora 2021: the mean over all four indikator (135,31 + 194,05 + 89,89 + 123,86) / 4
    = 135,7775 → 135,78.  Sinjai 2018: P01's first kegiatan as anggaran.yaml gives it
    (pagu 56.460.000, no realisasi), with no sub kegiatan."""
    d = json.loads(sakipgen("show", "examples/blora", "--year", "2021", "--format", "json").stdout)
    assert d["rata_rata_indikator"] == "135.78"
    s = json.loads(sakipgen("show", "examples/sinjai", "--year", "2018", "--format", "json").stdout)
    programs = [p for sas in s["anggaran"]["sasaran"] for p in sas["program"]]
    first = next(p for p in programs if p["id"] == "P01")["kegiatan"][0]
    assert first["uraian"] == "Penyediaan jasa komunikasi, sumber daya air dan Listrik"
    assert (first["pagu"], first["realisasi"], first["sub_kegiatan"]) == ("56460000", None, [])


def test_show_and_export_print_the_serapan_kategori(tmp_path: Path) -> None:
    """Issue 13: with ``skala_serapan: permendagri-86`` show (text and JSON) and the
    anggaran exports carry each serapan's kategori: Blora 2021 total 91,27 Sangat
    Tinggi, S1 85,58 Tinggi, P02 78,30 Tinggi."""
    from tests.conftest import dengan_skala_serapan

    root = dengan_skala_serapan(tmp_path)
    d = json.loads(sakipgen("show", str(root), "--year", "2021", "--format", "json").stdout)
    a = d["anggaran"]
    assert a["kategori_serapan"] == "Sangat Tinggi"
    s1 = a["sasaran"][0]
    assert (s1["serapan"], s1["kategori_serapan"]) == ("85.58", "Tinggi")
    p02 = next(p for p in s1["program"] if p["id"] == "P02")
    assert (p02["serapan"], p02["kategori_serapan"]) == ("78.30", "Tinggi")
    shown = sakipgen("show", str(root), "--year", "2021", env={"COLUMNS": "250"}).stdout
    assert "Kategori Serapan" in shown
    out = tmp_path / "csv"
    assert (
        sakipgen(
            "export", str(root), "--year", "2021", "--format", "csv", "--out", str(out)
        ).returncode
        == 0
    )
    rows = (out / "anggaran-sasaran.csv").read_text(encoding="utf-8").splitlines()
    assert "Kategori Serapan" in rows[0]
    assert "Tinggi" in rows[1] and rows[1].startswith("S1")


def test_the_process_collects_only_what_the_command_makes() -> None:
    # sakipgen.__main__: nothing collected while importing, the imports frozen, the
    # collector on while the command runs, and its objects frozen once it has ended.
    code = (
        "import gc, sys\n"
        "import sakipgen.cli\n"
        "seen = []\n"
        "def command():\n"
        "    seen.append((gc.isenabled(), gc.get_freeze_count()))\n"
        "    sakipgen.made = [[i] for i in range(1000)]\n"
        "sakipgen.cli.main = command\n"
        "from sakipgen.__main__ import main\n"
        "main()\n"
        "print(seen[0][0], seen[0][1], gc.get_freeze_count())\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert proc.returncode == 0, proc.stderr
    enabled, frozen_at_start, frozen_at_end = proc.stdout.split()
    assert enabled == "True"
    assert int(frozen_at_start) > 10_000  # typer, pydantic and the models
    assert int(frozen_at_end) >= int(frozen_at_start) + 1000  # the command's lists


def test_the_process_does_not_import_pydantics_plugin_finder() -> None:
    proc = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "sakipgen", "check", "examples/blora"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "NO_COLOR": "1"},
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "0 kesalahan, 7 peringatan" in proc.stderr  # the options were parsed, the check ran
    imported = {
        line.rsplit("|", 1)[1].strip()
        for line in proc.stderr.splitlines()
        if line.startswith("import time:")
    }
    assert {"sakipgen.cli.check", "pydantic.plugin._schema_validator"} <= imported
    assert "importlib.metadata" not in imported
    assert "pydantic.plugin._loader" not in imported


def test_the_stand_in_plugin_finder_answers_as_pydantics(monkeypatch: pytest.MonkeyPatch) -> None:
    from pydantic.plugin import _loader

    from sakipgen.__main__ import _PencariPlugin

    pengganti = _PencariPlugin("pydantic.plugin._loader")
    for mati in ("__all__", "1", "true"):
        monkeypatch.setenv("PYDANTIC_DISABLE_PLUGINS", mati)
        assert pengganti.get_plugins() == ()
    monkeypatch.delenv("PYDANTIC_DISABLE_PLUGINS")
    assert list(pengganti.get_plugins()) == list(_loader.get_plugins())
    assert pengganti.PYDANTIC_ENTRY_POINT_GROUP == "pydantic"  # anything else: the real one
    with pytest.raises(AttributeError):
        _ = pengganti.__path__  # the import system must not take it for a package


def test_a_process_not_started_as_sakipgen_keeps_its_collector() -> None:
    import gc

    from sakipgen import proses

    before = gc.get_freeze_count()
    proses.bekukan()  # this test process never ran proses.mulai()
    assert gc.get_freeze_count() == before
    assert gc.isenabled()
