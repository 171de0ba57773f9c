"""Broken dinas folders: every problem is a diagnostic with its file, line and column."""

from __future__ import annotations

import os
import textwrap
from pathlib import Path

import pytest

from sakipgen.diagnostics import Diagnostic
from tests.conftest import periksa

SAKIP = """\
pemda: Kabupaten Contoh
dinas: {nama: Dinas Contoh}
kepala: {nama: Budi, jabatan: Kepala Dinas, nip: "19760817 199511 1 003"}
atasan: {jabatan: Bupati Contoh}
"""
RENSTRA = """\
periode: {mulai: 2020, akhir: 2024}
sasaran:
  - id: S1
    uraian: Sasaran satu
    indikator:
      - id: IK1
        uraian: Indikator satu
        satuan: unit
        target: {2021: 10}
"""


def make(tmp_path: Path, files: dict[str, str | bytes]) -> Path:
    root = tmp_path / "dinas"
    base = {"sakip.yaml": SAKIP, "renstra.yaml": RENSTRA}
    base.update(files)
    for name, content in base.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(textwrap.dedent(content), encoding="utf-8")
    return root


def run(root: Path) -> list[Diagnostic]:
    _, diags = periksa(root, base=root)
    return diags


def one(diags: list[Diagnostic], code: str) -> Diagnostic:
    found = [d for d in diags if d.code == code]
    assert len(found) == 1, [d.text() for d in diags]
    return found[0]


def where(d: Diagnostic) -> tuple[str, int, int]:
    return (d.location.file, d.location.line, d.location.column)


def test_clean_minimal_folder(tmp_path: Path) -> None:
    assert run(make(tmp_path, {})) == []


def test_unknown_key_with_suggestion(tmp_path: Path) -> None:
    renstra = RENSTRA.replace(
        "        satuan: unit", "        satuan: unit\n        polaritass: negatif"
    )
    d = one(run(make(tmp_path, {"renstra.yaml": renstra})), "S001")
    assert where(d) == ("renstra.yaml", 9, 9)
    assert "polaritass" in d.message and "'polaritas'" in d.message
    assert d.location.yaml_path == "sasaran[0].indikator[0].polaritass"


@pytest.mark.parametrize(
    ("files", "at", "message"),
    [
        # revisi_pk belongs to dokumen.yaml's pk_perubahan (README "<tahun>/dokumen.yaml")
        (
            {"2021/target.yaml": "pk_perubahan:\n  revisi_pk: pk-2021\n  indikator: {IK1: 9}\n"},
            ("2021/target.yaml", 2, 3),
            "kunci 'revisi_pk' bukan isian target.yaml; tulis di 2021/dokumen.yaml, di bawah "
            "pk_perubahan",
        ),
        (  # at the top of the file: the one place dokumen.yaml takes it
            {"2021/target.yaml": "revisi_pk: pk-2021\npk:\n  indikator: {IK1: 9}\n"},
            ("2021/target.yaml", 1, 1),
            "kunci 'revisi_pk' bukan isian target.yaml; tulis di 2021/dokumen.yaml, di bawah "
            "pk_perubahan",
        ),
        (  # under another document of dokumen.yaml it would be ignored: only pk_perubahan
            {"2021/dokumen.yaml": "pk:\n  tanggal: 2021-01-04\n  revisi_pk: pk-2021\n"},
            ("2021/dokumen.yaml", 3, 3),
            "kunci 'revisi_pk' tidak berlaku di sini; tulis di bawah pk_perubahan",
        ),
        (  # a key of another mapping of the same file
            {"sakip.yaml": SAKIP + "metode_negatif: rasio\n"},
            ("sakip.yaml", 5, 1),
            "kunci 'metode_negatif' tidak berlaku di sini; tulis di bawah profil",
        ),
        (  # the date of a document written with its targets: the same document's place
            {"2021/target.yaml": "pk:\n  tanggal: 2021-01-04\n  indikator: {IK1: 9}\n"},
            ("2021/target.yaml", 2, 3),
            "kunci 'tanggal' bukan isian target.yaml; tulis di 2021/dokumen.yaml, di bawah pk",
        ),
        (  # a key of a top-level file: no year in its name
            {"renstra.yaml": RENSTRA + "kepala: {nama: Budi}\n"},
            ("renstra.yaml", 10, 1),
            "kunci 'kepala' bukan isian renstra.yaml; tulis di sakip.yaml, di tingkat teratas",
        ),
        (  # several files take it: they are named
            {"2021/realisasi.yaml": "indikator:\n  IK1: {nilai: 8, target: 9}\n"},
            ("2021/realisasi.yaml", 2, 19),
            "kunci 'target' bukan isian realisasi.yaml; kunci ini ditulis di renstra.yaml, "
            "2021/target.yaml, 2021/anggaran.yaml atau 2021/rencana-aksi.yaml",
        ),
    ],
    ids=["target-pk-perubahan", "target-top", "dokumen-pk", "sakip", "tanggal", "kepala", "many"],
)
def test_a_key_of_another_place_says_where_it_belongs(
    tmp_path: Path, files: dict[str, str], at: tuple[str, int, int], message: str
) -> None:
    d = one(run(make(tmp_path, files)), "S001")
    assert (where(d), d.message) == (at, message)


def test_revisi_pk_under_pk_perubahan_is_accepted(tmp_path: Path) -> None:
    dokumen = "pk_perubahan:\n  tanggal: 2021-09-01\n  revisi_pk: pk-2021\n"
    root = make(tmp_path, {"2021/dokumen.yaml": dokumen})
    dinas, diags = periksa(root, base=root)
    assert diags == [] and dinas is not None
    assert dinas.revisi_pk(2021) == "pk-2021" and dinas.revisi_pk(2020) is None


def test_a_comma_inside_braces_says_to_quote_the_value(tmp_path: Path) -> None:
    """README's own example once read ``{nama: Ir. MASKUR, M.M, …}``: YAML splits it at the
    comma and ``M.M`` becomes a key of its own."""
    dokumen = (
        "lkjip: {tempat: {x}}\n"
        "pk:\n"
        '  penandatangan: {nama: Dr. Budi, S.E., M.Si, jabatan: Kepala, nip: "19601020 '
        '199003 1 002"}\n'
    )
    root = make(tmp_path, {"2021/dokumen.yaml": dokumen.replace("{x}", "Blora, Jawa Tengah")})
    # lkjip: {tempat: Blora, Jawa Tengah}: 'J' is the 24th character of line 1.
    diags = run(root)
    assert [(where(d), d.code) for d in diags] == [
        (("2021/dokumen.yaml", 1, 24), "S001"),
        (("2021/dokumen.yaml", 3, 35), "S001"),
        (("2021/dokumen.yaml", 3, 41), "S001"),
    ]
    assert diags[0].message == (
        "'Jawa Tengah' terbaca sebagai kunci sendiri: di dalam {…} koma memisahkan isian. "
        "Bila ini lanjutan nilai 'tempat', beri tanda kutip pada nilainya: "
        'tempat: "Blora, Jawa Tengah"'
    )
    # Two pieces split off one value: each names the whole value.
    assert diags[1].message.startswith("'S.E.' terbaca sebagai kunci sendiri")
    assert diags[1].message.endswith('nama: "Dr. Budi, S.E., M.Si"')
    assert diags[2].message.endswith('nama: "Dr. Budi, S.E., M.Si"')
    # Quoted, it is one value; a key written with ':' and no value is no split value.
    quoted = dokumen.replace("{x}", '"Blora, Jawa Tengah"').replace(
        "Dr. Budi, S.E., M.Si", '"Dr. Budi, S.E., M.Si"'
    )
    assert run(make(tmp_path / "b", {"2021/dokumen.yaml": quoted})) == []
    kosong = "pk:\n  penandatangan: {nama: Budi, gelar: , jabatan: Kepala}\n"
    d = one(run(make(tmp_path / "c", {"2021/dokumen.yaml": kosong})), "S001")
    assert d.message.startswith("kunci 'gelar' tidak dikenal")


def test_missing_required_field(tmp_path: Path) -> None:
    renstra = RENSTRA.replace("        uraian: Indikator satu\n", "")
    d = one(run(make(tmp_path, {"renstra.yaml": renstra})), "S002")
    assert where(d) == ("renstra.yaml", 6, 9)
    assert "'uraian'" in d.message


def test_wrong_type(tmp_path: Path) -> None:
    renstra = (
        "periode: {mulai: 2020, akhir: 2024}\n"
        "sasaran:\n  - id: S1\n    uraian: x\n    indikator: IK1\n"
    )
    d = one(run(make(tmp_path, {"renstra.yaml": renstra})), "S003")
    assert where(d) == ("renstra.yaml", 5, 16)
    assert "daftar" in d.message


def test_tab_indentation(tmp_path: Path) -> None:
    d = one(run(make(tmp_path, {"sakip.yaml": SAKIP + "kop:\n\talamat: x\n"})), "Y001")
    assert where(d)[:2] == ("sakip.yaml", 6)
    assert "tab" in d.message


def test_bare_dash_value_gets_advice(tmp_path: Path) -> None:
    files = {"2021/target.yaml": "rkt:\n  indikator:\n    IK1: -\n"}
    d = one(run(make(tmp_path, files)), "Y001")
    assert d.location.file == os.path.join("2021", "target.yaml") and d.location.line == 3
    assert '"-"' in d.message


@pytest.mark.parametrize(
    ("teks", "at", "pesan"),
    [
        ('pemda: "Kabupaten Contoh\n', (1, 8), 'tanda kutip " yang dibuka di sini tidak ditutup'),
        (
            "pemda: @Kabupaten\n",
            (1, 8),
            "karakter @ tidak boleh mengawali nilai YAML; beri tanda kutip pada nilainya, "
            'misalnya "@…"',
        ),
        (
            "pemda: Kabupaten Contoh\n  ibukota: Contoh\n",
            (2, 10),
            "indentasi baris ini tidak sejajar dengan baris di atasnya; samakan jumlah spasi di "
            "depan kunci-kunci yang setingkat",
        ),
        (
            "kop:\n  alamat: Jalan A\n kota: Contoh\n",
            (3, 2),
            "indentasi baris ini tidak sejajar dengan baris di atasnya; samakan jumlah spasi di "
            "depan kunci-kunci yang setingkat",
        ),
        (
            "pemda: Kabupaten Contoh\n- ibukota\n",
            (2, 1),
            "butir daftar ('- …') dan pasangan 'kunci: nilai' tidak boleh bercampur pada "
            "tingkat yang sama; periksa indentasinya",
        ),
        (
            'pemda: "Kabupaten" Contoh\n',
            (1, 20),
            "ada teks sesudah tanda kutip penutup; masukkan seluruh nilainya ke dalam tanda kutip",
        ),
        (
            'pemda: "C:\\data\\Contoh"\n',
            (1, 11),
            "di dalam tanda kutip dua, \\ memulai kode khusus: tulis \\\\, atau pakai tanda "
            "kutip satu ('…')",
        ),
        (
            "pemda: &a Kabupaten\nibukota: &a Contoh\n",
            (2, 10),
            "nama anchor YAML (&nama) ini sudah dipakai; beri nama lain",
        ),
        (
            "pemda: *kabupaten\n",
            (1, 8),
            "alias YAML (*nama) ini tidak didefinisikan: tulis anchor-nya (&nama) lebih dulu",
        ),
    ],
    ids=[
        "quote",
        "at-sign",
        "indent-key",
        "indent-less",
        "list-and-keys",
        "after-quote",
        "escape",
        "anchor-twice",
        "alias",
    ],
)
def test_yaml_syntax_errors_are_said_in_indonesian(
    tmp_path: Path, teks: str, at: tuple[int, int], pesan: str
) -> None:
    """Each ruamel problem a planner meets, in words, never ruamel's English."""
    d = one(run(make(tmp_path, {"sakip.yaml": teks})), "Y001")
    assert (where(d)[1:], d.message) == (at, pesan)


def test_duplicate_key(tmp_path: Path) -> None:
    files = {"2021/target.yaml": "rkt:\n  indikator:\n    IK1: 10\n    IK1: 12\n"}
    d = one(run(make(tmp_path, files)), "Y002")
    assert where(d) == (os.path.join("2021", "target.yaml"), 4, 5)
    assert "baris 3" in d.message


def test_unknown_reference_did_you_mean(tmp_path: Path) -> None:
    files = {"2021/target.yaml": "pk:\n  indikator:\n    IK2: 10\n"}
    d = one(run(make(tmp_path, files)), "R001")
    assert where(d) == (os.path.join("2021", "target.yaml"), 3, 5)
    assert "'IK2'" in d.message and "'IK1'" in d.message


def test_ambiguous_thousands(tmp_path: Path) -> None:
    files = {"2021/target.yaml": "pk:\n  indikator:\n    IK1: 6.825\n"}
    d = one(run(make(tmp_path, files)), "N001")
    assert where(d) == (os.path.join("2021", "target.yaml"), 3, 10)
    assert "6825" in d.message and "6.8250" in d.message


def test_indonesian_number_strings_are_accepted(tmp_path: Path) -> None:
    files = {
        "2021/target.yaml": 'pk:\n  indikator:\n    IK1: "6.825 unit"\n',
        "2021/realisasi.yaml": 'indikator:\n  IK1: "13.244"\n',
    }
    diags = run(make(tmp_path, files))
    assert [d.code for d in diags] == ["N001", "N001"]  # "6.825 unit" and "13.244" are ambiguous
    files = {
        "2021/target.yaml": 'pk:\n  indikator:\n    IK1: "6825 unit"\n',
        "2021/realisasi.yaml": 'indikator:\n  IK1: "1.013.244"\n',
        "2021/anggaran.yaml": (
            'program:\n  - {id: P1, uraian: x, sasaran: S1, pagu: "Rp 1.727.182.400,00"}\n'
        ),
    }
    # only the (legitimate) warning that the PK target 6825 differs from the Renstra's 10
    assert [d.code for d in run(make(tmp_path, files))] == ["K001"]


def test_nip_must_be_18_digits(tmp_path: Path) -> None:
    sakip = SAKIP.replace("199511 1 003", "199511 1 03")
    d = one(run(make(tmp_path, {"sakip.yaml": sakip})), "N006")
    line3 = sakip.splitlines()[2]
    assert where(d) == ("sakip.yaml", 3, line3.index('"1976') + 1)


def test_nip_as_number_keeps_its_digits(tmp_path: Path) -> None:
    dinas, diags = periksa(
        make(
            tmp_path, {"sakip.yaml": SAKIP.replace('"19760817 199511 1 003"', "197608171995111003")}
        )
    )
    assert diags == [] and dinas is not None
    assert dinas.identitas.model.kepala.nip == "197608171995111003"


def test_kode_keeps_leading_zero(tmp_path: Path) -> None:
    files = {
        "2021/anggaran.yaml": "program:\n  - {id: P1, kode: 010, uraian: x, sasaran: S1, pagu: 5}\n"
    }
    dinas, diags = periksa(make(tmp_path, files))
    assert diags == [] and dinas is not None
    assert dinas.tahun[2021].anggaran is not None
    assert dinas.tahun[2021].anggaran.model.program[0].kode == "010"


def test_fractional_rupiah(tmp_path: Path) -> None:
    files = {"2021/anggaran.yaml": "program:\n  - id: P1\n    uraian: x\n    pagu: 100.50\n"}
    d = one(run(make(tmp_path, files)), "N005")
    assert d.location.line == 4


def test_english_grouping_in_braces_is_one_number(tmp_path: Path) -> None:
    # In {…} the commas of 1,250,000,000 split it into "1" and the keys "250", "000",
    # "000"; read back whole, it is the one N007 at the pagu, not a duplicate key '000'.
    program = "program:\n  - {id: P1, uraian: x, sasaran: S1, pagu: 1,250,000,000}\n"
    files = {"2021/anggaran.yaml": program}
    diags = run(make(tmp_path, files))
    d = one(diags, "N007")
    # "  - {id: P1, uraian: x, sasaran: S1, pagu: " is 43 characters: the 1 is column 44
    assert where(d) == ("2021/anggaran.yaml", 2, 44) and d.location.yaml_path == "program[0].pagu"
    assert "1,250,000,000" in d.message and "tulis 1250000000" in d.message
    assert [x.code for x in diags] == ["N007"]
    # A month map keeps its entries: only keys of exactly three digits with no value
    # after a number continue it ({1: 10, 2: 12} is untouched).
    files = {"2021/realisasi.yaml": "indikator:\n  IK1: {nilai: 12, triwulan: {1: 3, 2: 5}}\n"}
    assert run(make(tmp_path / "b", files)) == []


def test_nan_and_huge_numbers(tmp_path: Path) -> None:
    files = {"2021/realisasi.yaml": "indikator:\n  IK1: .nan\n"}
    assert one(run(make(tmp_path, files)), "N003").location.line == 2
    files = {"2021/realisasi.yaml": "indikator:\n  IK1: " + "9" * 40 + "\n"}
    assert one(run(make(tmp_path, files)), "N004").location.line == 2


def test_all_problems_are_reported_together(tmp_path: Path) -> None:
    files = {
        "2021/target.yaml": "pk:\n  indikator:\n    IK9: 10\n",
        "2021/anggaran.yaml": "program:\n  - {id: P1, uraian: x, sasaran: S9}\n",
        "2021/realisasi.yaml": "indikator:\n  IK1: 5\n  IKX: 3\n",
    }
    codes = sorted(d.code for d in run(make(tmp_path, files)) if d.severity == "error")
    assert codes == ["R001", "R001", "R001"]


def test_year_outside_renstra(tmp_path: Path) -> None:
    d = one(run(make(tmp_path, {"2030/target.yaml": "rkt: {indikator: {IK1: 1}}\n"})), "R003")
    assert where(d) == ("renstra.yaml", 1, 10) and "2030" in d.message


def test_missing_realisasi_and_zero_target(tmp_path: Path) -> None:
    files = {
        "2021/target.yaml": "pk:\n  indikator:\n    IK1: 0\n",
        "2021/realisasi.yaml": "indikator:\n  IK1: 5\n",
    }
    d = one(run(make(tmp_path, files)), "C001")
    assert where(d) == (os.path.join("2021", "realisasi.yaml"), 2, 3)
    files = {
        "2021/target.yaml": "pk: {indikator: {IK1: 10}}\n",
        "2021/realisasi.yaml": "indikator: {}\n",
    }
    assert one(run(make(tmp_path, files)), "C002").location.line == 1


@pytest.mark.parametrize(
    ("content", "code"),
    [
        (b"", "Y004"),
        (b"# only a comment\n", "Y004"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "F004"),
        (b"pemda: Kabupaten \xe9\n", "F004"),
        (b"a: [1, 2\n", "Y001"),
        (b"a: !custom x\n", "Y005"),
        (b"a: 1\n---\nb: 2\n", "Y001"),
        (b"- just\n- a list\n", "S003"),
    ],
)
def test_broken_files(tmp_path: Path, content: bytes, code: str) -> None:
    d = one(run(make(tmp_path, {"sakip.yaml": content})), code)
    assert d.location.file == "sakip.yaml" and d.location.line >= 1


def test_alias_bomb_is_capped(tmp_path: Path) -> None:
    lines = ['a0: &a0 ["x", "x", "x", "x", "x", "x", "x", "x", "x", "x"]']
    for i in range(1, 9):
        lines.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]")
    bomb = "\n".join(lines) + "\n"
    d = one(run(make(tmp_path, {"2021/dokumen.yaml": bomb})), "Y003")
    assert d.location.line >= 1


def test_deep_nesting(tmp_path: Path) -> None:
    deep = "a: " + "[" * 200 + "]" * 200 + "\n"
    d = one(run(make(tmp_path, {"2021/dokumen.yaml": deep})), "Y003")
    assert d.location.file == os.path.join("2021", "dokumen.yaml")


def test_large_file_cap(tmp_path: Path) -> None:
    big = "# " + "x" * (5 * 1024 * 1024) + "\n"
    one(run(make(tmp_path, {"2021/dokumen.yaml": big})), "F003")


def test_symlink_loop(tmp_path: Path) -> None:
    root = make(tmp_path, {})
    (root / "2021").mkdir()
    loop = root / "2021" / "target.yaml"
    loop.symlink_to(loop)
    d = one(run(root), "F002")
    assert d.location.file == os.path.join("2021", "target.yaml")


def test_not_a_dinas_folder(tmp_path: Path) -> None:
    one(run(tmp_path), "F005")


def test_missing_renstra(tmp_path: Path) -> None:
    root = make(tmp_path, {})
    (root / "renstra.yaml").unlink()
    assert one(run(root), "F001").location.file == "renstra.yaml"


def test_unknown_yaml_file_is_a_warning(tmp_path: Path) -> None:
    d = one(run(make(tmp_path, {"2021/targets.yaml": "a: 1\n"})), "F006")
    assert d.severity == "warning" and "target.yaml" in d.message


def test_narrative_placeholder_errors(tmp_path: Path) -> None:
    files = {
        "2021/target.yaml": "pk: {indikator: {IK1: 10}}\n",
        "2021/realisasi.yaml": "indikator: {IK1: 12}\n",
        "2021/narasi/indikator/IK1.md": (
            'Capaian {{ capaian("IK1") }}%.\n\nLalu {{ capaian("IK7") }} dan {{ capain("IK1") }}.\n'
        ),
        "2021/narasi/indikator/IK5.md": "teks\n",
    }
    diags = run(make(tmp_path, files))
    t = sorted(where(d) for d in diags if d.code == "T001")
    narasi = os.path.join("2021", "narasi", "indikator", "IK1.md")
    assert t == [(narasi, 3, 6), (narasi, 3, 31)]
    one(diags, "R001")  # a narrative for an indikator that does not exist


def test_fifo_and_directory_do_not_hang(tmp_path: Path) -> None:
    root = make(tmp_path, {})
    (root / "2021").mkdir()
    os.mkfifo(root / "2021" / "target.yaml")
    (root / "2021" / "realisasi.yaml").mkdir()
    (root / "2021" / "narasi").mkdir()
    os.mkfifo(root / "2021" / "narasi" / "x.md")
    diags = run(root)
    assert sorted((d.code, d.location.file) for d in diags) == [
        ("F002", os.path.join("2021", "narasi", "x.md")),
        ("F002", os.path.join("2021", "realisasi.yaml")),
        ("F002", os.path.join("2021", "target.yaml")),
    ]


def test_a_pk_perubahan_reads_against_the_years_pk(tmp_path: Path) -> None:
    """Issue 24: the input workbook gives a PK Perubahan beside the year's PK (its own
    column) and no ``semula``.  IK1's PK 10 (the Renstra's 2021 target) made 12 in the PK
    Perubahan: the PK documents what it replaces, as the PK Perubahan prints it (semula
    10) — no K001.  Without the year's PK the same entry is K001, as before."""
    both = "pk:\n  indikator: {IK1: 10}\npk_perubahan:\n  indikator: {IK1: 12}\n"
    assert [d.code for d in run(make(tmp_path / "a", {"2021/target.yaml": both}))] == []
    alone = "pk_perubahan:\n  indikator: {IK1: 12}\n"
    assert [d.code for d in run(make(tmp_path / "b", {"2021/target.yaml": alone}))] == ["K001"]
