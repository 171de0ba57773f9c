"""Narrative is untrusted input (issue 10): its parser is linear in the input, keeps the
results of the regexes it replaced, and three narrative defects stay fixed.

Linearity is shown without a clock: the adversarial inputs are as large as the loader
accepts (``MAX_BYTES``), where a quadratic parser would run for hours, and the emphasis
scanner's own step count is bounded by a constant times the input length.  Equality
with the old behaviour is checked against the old regexes, copied here as oracles.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markupsafe import Markup

from sakipgen.calc.narasi import MAKS_ISIAN, Konteks, Masalah, NarasiError, _evaluate, isi
from sakipgen.calc.tahun import hitung_tahun
from sakipgen.load import muat_dinas
from sakipgen.load.yaml_reader import MAX_BYTES
from sakipgen.model.folder import Dinas
from sakipgen.render import susun
from sakipgen.render.dok_teks import _MARKER
from sakipgen.render.markdown import _blocks, _spans, _word_or_star, inline, markdown, pisah_tabel
from sakipgen.render.xml import run
from tests.baca_docx import Paragraph, buka, fragmen, teks_tabel
from tests.conftest import EXAMPLES, bundel
from tests.security.alat import salin

# --- the old implementations, as oracles ------------------------------------------------

_OLD_INLINE = re.compile(r"(\*\*\*.+?\*\*\*|\*\*.+?\*\*|(?<![\w*])\*(?!\s).+?(?<!\s)\*(?![\w*]))")
_OLD_PLACEHOLDER = re.compile(r"\{\{(.*?)\}\}", re.S)
_OLD_ARG = re.compile(
    r"""\s*(?:(?P<kw>[A-Za-z_]+)\s*=\s*)?(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)'|(?P<int>\d+))\s*(?:,|$)"""
)


def old_inline(text: str) -> Markup:
    out: list[str] = []
    pos = 0
    for m in _OLD_INLINE.finditer(text):
        if m.start() > pos:
            out.append(run(text[pos : m.start()]))
        token = m.group(0)
        if token.startswith("***"):
            out.append(run(token[3:-3], bold=True, italic=True))
        elif token.startswith("**"):
            out.append(run(token[2:-2], bold=True))
        else:
            out.append(run(token[1:-1], italic=True))
        pos = m.end()
    if pos < len(text):
        out.append(run(text[pos:]))
    return Markup("".join(out))


def old_isi(teks: str, functions: dict[str, Callable[..., str]]) -> tuple[str, list[Masalah]]:
    problems: list[Masalah] = []

    def sub(m: re.Match[str]) -> str:
        try:
            return _evaluate(m.group(1), functions)
        except NarasiError as exc:
            line = teks.count("\n", 0, m.start()) + 1
            col = m.start() - (teks.rfind("\n", 0, m.start()) + 1) + 1
            problems.append(Masalah(line, col, str(exc)))
            return m.group(0)

    return _OLD_PLACEHOLDER.sub(sub, teks), problems


def old_args(argtext: str) -> tuple[bool, str]:
    """The old argument loop: (True, repr of the arguments) or (False, the rest it rejected)."""
    args: list[object] = []
    kwargs: dict[str, object] = {}
    rest = argtext.strip()
    while rest:
        a = _OLD_ARG.match(rest)
        if not a or a.end() == 0:
            return False, rest
        value: object = a.group("dq") if a.group("dq") is not None else a.group("sq")
        if a.group("int") is not None:
            value = int(a.group("int"))
        if a.group("kw"):
            kwargs[a.group("kw")] = value
        else:
            args.append(value)
        rest = rest[a.end() :].strip()
    return True, repr((tuple(args), sorted(kwargs.items())))


def _echo(*args: object, **kwargs: object) -> str:
    return repr((args, sorted(kwargs.items())))


# Placeholder functions independent of any dinas, for the scanning and position tests.
FUNGSI: dict[str, Callable[..., str]] = {
    "a": lambda: "1",
    "dua": lambda: "2",
    "f": lambda x: f"<{x}>",
}

# --- the emphasis scanner ----------------------------------------------------------------

ALFABET = "*ab \n\t_{}()|\"'\r\u00a0é1"


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet=ALFABET, max_size=40))
def test_inline_scanner_is_the_old_regex(text: str) -> None:
    assert _spans(text) == [m.span() for m in _OLD_INLINE.finditer(text)]
    assert inline(text) == old_inline(text)


@settings(max_examples=1000, deadline=None)
@given(st.text(alphabet="*a \n_", max_size=60))
def test_inline_scanner_is_the_old_regex_on_star_heavy_text(text: str) -> None:
    steps: list[int] = []
    assert _spans(text, steps) == [m.span() for m in _OLD_INLINE.finditer(text)]
    assert steps[0] <= 8 * len(text)


_T = '<w:t xml:space="preserve">'
_BOLD_ITALIC = "<w:rPr><w:b/><w:bCs/><w:i/><w:iCs/></w:rPr>"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("***x***", f"<w:r>{_BOLD_ITALIC}{_T}x</w:t></w:r>"),
        ("**x**", f"<w:r><w:rPr><w:b/><w:bCs/></w:rPr>{_T}x</w:t></w:r>"),
        ("*x*", f"<w:r><w:rPr><w:i/><w:iCs/></w:rPr>{_T}x</w:t></w:r>"),
        # the single-star form matched "***1*" and it was printed as bold italic nothing
        ("***1*", f"<w:r>{_BOLD_ITALIC}{_T}</w:t></w:r>"),
        ("a*b*", f"<w:r>{_T}a*b*</w:t></w:r>"),  # opener after a letter
        ("* a*", f"<w:r>{_T}* a*</w:t></w:r>"),  # space after the opener
        ("*a\nb*", f"<w:r>{_T}*a</w:t><w:br/>{_T}b*</w:t></w:r>"),  # a newline between
    ],
)
def test_inline_examples(text: str, expected: str) -> None:
    assert str(inline(text)) == expected


def test_word_and_space_classes_are_the_regex_classes_for_every_code_point() -> None:
    # The scanner tests characters with str methods where the regex used \w and \s.
    chars = "".join(chr(c) for c in range(sys.maxunicode + 1))
    word = {m.start() for m in re.finditer(r"[\w*]", chars)}
    space = {m.start() for m in re.finditer(r"\s", chars)}
    assert word == {i for i, ch in enumerate(chars) if _word_or_star(ch)}
    assert space == {i for i, ch in enumerate(chars) if ch.isspace()}


ADVERSARIAL = ["*a ", "**a ", "***a ", "*", "* ", "a*", "*a*b ", "***a*", "a* *a ", "** ", "*** "]


@pytest.mark.parametrize("pattern", ADVERSARIAL)
def test_inline_scanner_at_the_size_limit(pattern: str) -> None:
    text = pattern * (MAX_BYTES // len(pattern))
    steps: list[int] = []
    spans = _spans(text, steps)
    # A scanner that searched to the end from every opener would need ~len²/len(pattern).
    assert steps[0] <= 8 * len(text)
    assert all(0 <= s < e <= len(text) for s, e in spans)


@pytest.mark.parametrize("pattern", ["*a\n", "**a\n", "a**b\n", "*\n", "***a\n"])
def test_inline_scanner_step_count_with_newlines(pattern: str) -> None:
    # Markdown joins a paragraph's lines, so inline() never sees a newline from it; the
    # scanner still handles them in linear steps (smaller input: per-line work is Python).
    text = pattern * (MAX_BYTES // 8 // len(pattern))
    steps: list[int] = []
    _spans(text, steps)
    assert steps[0] <= 8 * len(text)


def test_inline_scanner_spans_at_the_size_limit() -> None:
    # "*a *a … a*": every opener waits for the one closer at the end; the first wins.
    n = MAX_BYTES // 3
    text = "*a " * n + "a*"
    assert _spans(text) == [(0, len(text))]


@pytest.mark.parametrize(
    "source",
    [
        "*a " * (MAX_BYTES // 3),
        # one bold run per 4 or 5 characters: the time is the output's (as before), so a
        # quarter of the limit; the scanner itself is tested at the limit above
        "**a " * (MAX_BYTES // 16),
        "***a " * (MAX_BYTES // 20),
        "a\n" * (MAX_BYTES // 2),  # one paragraph of 2 Mi lines: no copy per line
        "<!--" * (MAX_BYTES // 4),
        "<!--\n" * (MAX_BYTES // 5),
        "<!-- -->\r\n" * (MAX_BYTES // 10),
        " " * MAX_BYTES,
        "\t" * (MAX_BYTES - 1) + "-",
        "- " + " " * (MAX_BYTES - 3) + "a",
        "#" * MAX_BYTES,
        "{{" * (MAX_BYTES // 2),
        "\r" * MAX_BYTES,
    ],
    ids=lambda s: repr(s[:12]),
)
def test_markdown_at_the_size_limit(source: str) -> None:
    out = markdown(source)
    assert isinstance(out, Markup)


def test_long_paragraph_is_joined_once() -> None:
    blocks = _blocks("a\n" * 1000 + "\n- b\n  c\r\nd")
    assert [(b.kind, b.text) for b in blocks] == [("p", " ".join(["a"] * 1000)), ("item", "b c d")]


def test_lf_crlf_and_cr_give_the_same_document() -> None:
    lf = "# Judul\n\nSatu *dua*\ntiga.\n\n1. a\n   - b\n2. **c**\n<!-- catatan -->\nakhir"
    out = markdown(lf)
    assert markdown(lf.replace("\n", "\r\n")) == out
    assert markdown(lf.replace("\n", "\r")) == out
    assert "catatan" not in out
    # lone CR used to stay inside the line: the list item swallowed the next line
    assert str(out).count("<w:p>") == 6


# --- the table marker --------------------------------------------------------------------


@pytest.mark.parametrize("eol", ["\n", "\r\n", "\r"])
def test_only_the_documented_marker_splits(eol: str) -> None:
    source = eol.join(
        [
            "satu",
            "<!-- catatan -->",
            "dua",
            "  <!--  TABEL  -->  ",
            "tiga",
            "<!--tabel-->",
            "<!-- tabel --> bukan penanda",
            "<!-- tabel-tabel -->",
        ]
    )
    parts = pisah_tabel(source, _MARKER)
    assert parts == [
        "satu\n<!-- catatan -->\ndua",
        "tiga",
        "<!-- tabel --> bukan penanda\n<!-- tabel-tabel -->",
    ]


@pytest.mark.parametrize(
    "source",
    [
        "<!--" * (MAX_BYTES // 4),
        "<!--\n" * (MAX_BYTES // 5),
        "<!--" + " " * (MAX_BYTES - 7) + "-->",
        "<!-- tabel -->\r\n" * (MAX_BYTES // 16),
        " " * MAX_BYTES,
    ],
    ids=lambda s: repr(s[:12]),
)
def test_marker_split_at_the_size_limit(source: str) -> None:
    parts = pisah_tabel(source, _MARKER)
    assert len(parts) >= 1


def _body(data: bytes) -> list[tuple[str, str]]:
    """(tag, text) of the body's paragraphs and tables, in order; a table's text is a
    line per row, its cells separated by tabs."""
    return [
        ("p", el.text) if isinstance(el, Paragraph) else ("tbl", teks_tabel(el))
        for el in buka(data).iter_inner_content()
    ]


def _around_budget_table(body: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """From the paragraph the marker follows to the first paragraph after the marker."""
    intro = next(i for i, (_t, s) in enumerate(body) if s.startswith("Penggunaan anggaran"))
    after = next(i for i, (_t, s) in enumerate(body) if s.startswith("Dilihat dari sisi"))
    return body[intro : after + 1]


def _lkjip(root: Path) -> bytes:
    hasil = susun(bundel(root), "lkjip", 2021)
    assert hasil.data is not None, [d.text() for d in hasil.diagnostics]
    return hasil.data


def test_table_lands_at_the_marker_with_crlf_and_a_comment_places_nothing(tmp_path: Path) -> None:
    name = Path("2021/narasi/lkjip/bab3/realisasi-anggaran.md")
    original = (EXAMPLES / "blora" / name).read_text(encoding="utf-8")
    assert "\r" not in original and original.count("<!-- tabel -->") == 1
    # A note before the paragraph the table follows: it used to take the table.
    noted = original.replace(
        "Penggunaan anggaran tersebut",
        "<!-- catatan: cek angka -->\n\nPenggunaan anggaran tersebut",
    )
    lf = salin(tmp_path, nama="lf")
    (lf / name).write_text(noted, encoding="utf-8", newline="")
    crlf = salin(tmp_path, nama="crlf")
    (crlf / name).write_bytes(noted.replace("\n", "\r\n").encode("utf-8"))

    body_lf, body_crlf = _body(_lkjip(lf)), _body(_lkjip(crlf))
    around = _around_budget_table(body_lf)
    # paragraph, the table's numbered caption, the table (its JUMLAH row holds the pagu
    # total of 2021/anggaran.yaml), the spacing paragraph after a table, the next paragraph
    assert [t for t, _s in around] == ["p", "p", "tbl", "p", "p"]
    assert around[1][1].startswith("Tabel 3.8 Realisasi Anggaran")
    assert "JUMLAH\t1.727.182.400\t1.576.408.211\t91,27" in around[2][1]
    assert _around_budget_table(body_crlf) == around
    assert body_crlf == body_lf
    assert not any("catatan" in s or "<!--" in s for _t, s in body_lf)


# --- placeholders ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("teks", "keluaran", "masalah"),
    [
        ("x {{ a }} y", "x 1 y", []),
        ("{{a}}{{dua}}", "12", []),
        ('{{ f("b") | upper }}!', "<B>!", []),
        (
            "{{{ a }}}",
            "{{{ a }}}",
            [(1, 1, "'{{{ a }}' bukan isian yang dikenal; contoh: {{ capaian(\"IK1.1\") }}")],
        ),
        (
            "baris satu\n  {{ nope }} dan {{ a }}\n{{a",
            "baris satu\n  {{ nope }} dan 1\n{{a",
            [(2, 3, "'nope' tidak dikenal")],
        ),
        # CRLF: the line is counted by its \n, the column from after it
        (
            "a\r\nb {{ dua2 }}",
            "a\r\nb {{ dua2 }}",
            [(2, 3, "'dua2' tidak dikenal; mungkin maksudnya 'dua'?")],
        ),
        # a placeholder may span lines; the next one is counted from where it started
        (
            "{{ x\n}} {{ y }}",
            "{{ x\n}} {{ y }}",
            [(1, 1, "'x' tidak dikenal"), (2, 4, "'y' tidak dikenal")],
        ),
        ("{{ a }} {{ a", "1 {{ a", []),
        ("}} {{", "}} {{", []),
        (
            "{{ f(1, 'x') }}",
            "{{ f(1, 'x') }}",
            [(1, 1, "'f' dipanggil dengan argumen yang salah")],
        ),
        (
            '{{ f("a", b c) }}',
            '{{ f("a", b c) }}',
            [(1, 1, "argumen 'b c' tidak valid: tulis id dalam tanda kutip, misalnya \"IK1.1\"")],
        ),
    ],
)
def test_isi_examples(teks: str, keluaran: str, masalah: list[tuple[int, int, str]]) -> None:
    out, problems = isi(teks, FUNGSI)
    assert out == keluaran
    assert [(p.line, p.column, p.message) for p in problems] == masalah


@settings(max_examples=2000, deadline=None)
@given(st.text(alphabet="{}a ua\n|()\"'f,", max_size=40))
def test_isi_is_the_old_substitution(teks: str) -> None:
    assert isi(teks, FUNGSI) == old_isi(teks, FUNGSI)


@settings(max_examples=2000, deadline=None)
@given(st.text(alphabet=" ,=\"'ak_1\n\t", max_size=30))
def test_arguments_are_parsed_as_before(argtext: str) -> None:
    ok, expected = old_args(argtext)
    try:
        got = _evaluate(f"f({argtext})", {"f": _echo})
    except NarasiError as exc:
        assert not ok
        assert str(exc).startswith(f"argumen '{expected}' tidak valid")
    else:
        assert ok and got == expected


def test_over_long_placeholder_is_a_located_problem() -> None:
    long = "x" * (MAKS_ISIAN + 1)
    teks = f"judul\n  {{{{{long}}}}} lalu {{{{ a }}}}"
    out, problems = isi(teks, FUNGSI)
    assert out == f"judul\n  {{{{{long}}}}} lalu 1"
    assert [(p.line, p.column, p.message) for p in problems] == [
        (2, 3, "isian terlalu panjang (501 karakter; paling banyak 500)")
    ]
    # exactly at the cap it is still evaluated
    padded = " a".ljust(MAKS_ISIAN)
    assert isi(f"{{{{{padded}}}}}", FUNGSI) == ("1", [])


def test_many_arguments() -> None:
    args = ", ".join(['"x"'] * 90)  # 448 characters in all, under the cap
    out, problems = isi(f"{{{{ f({args}) }}}}", {"f": lambda *a: str(len(a))})
    assert (out, problems) == ("90", [])


@pytest.mark.parametrize(
    "teks",
    [
        "{{" * (MAX_BYTES // 2),
        "{{ a" * (MAX_BYTES // 4),
        "{{ a" * (MAX_BYTES // 4) + "}}",  # one placeholder of 4 MiB: too long, not evaluated
        "}}" * (MAX_BYTES // 2),
        "{{x}}" * (MAX_BYTES // 5),  # 838 860 problems, each located in constant time
        "{{a}}\n" * (MAX_BYTES // 6),
        "".join(f"{{{{ f({i}, " + '"a", ' * 94 + ") }}" for i in range(MAX_BYTES // 500)),
        ("{{ a" + " | upper" * 60 + " }}") * (MAX_BYTES // 500),
        " " * MAX_BYTES,
    ],
    ids=lambda s: repr(s[:12]),
)
def test_isi_at_the_size_limit(teks: str) -> None:
    out, problems = isi(teks, FUNGSI)
    assert len(out) <= len(teks)
    if teks.startswith("{{x}}"):
        last = problems[-1]
        assert (len(problems), last.line, last.column) == (
            MAX_BYTES // 5,
            1,
            MAX_BYTES // 5 * 5 - 4,
        )


# --- pagu(tahun=…) -----------------------------------------------------------------------


@pytest.fixture(scope="module")
def blora() -> Dinas:
    result = muat_dinas(EXAMPLES / "blora")
    assert result.dinas is not None
    return result.dinas


@pytest.fixture(scope="module")
def fungsi_blora(blora: Dinas) -> dict[str, Callable[..., str]]:
    hasil, _diags = hitung_tahun(blora, 2021)
    return Konteks(blora, hasil).functions()


def test_pagu_of_the_document_year(fungsi_blora: dict[str, Callable[..., str]]) -> None:
    # 2021/anggaran.yaml, the pagu of P01…P09: 30 000 000 + 556 182 400 + 320 000 000
    # + 100 000 000 + 10 000 000 + 596 000 000 + 60 000 000 + 45 000 000 + 10 000 000
    # = 1 727 182 400; 2020/anggaran.yaml has only its total, pagu 8 314 411 000.
    out, problems = isi("{{ pagu() }} {{ pagu(tahun=2021) }} {{ pagu(tahun=2020) }}", fungsi_blora)
    assert (out, problems) == ("1.727.182.400 1.727.182.400 8.314.411.000", [])


@pytest.mark.parametrize(
    "fungsi", ["pagu", "realisasi_anggaran", "serapan", "efisiensi", "efisiensi_persen"]
)
@pytest.mark.parametrize("tahun", ["0", "1999", '"2021"'])
def test_a_year_without_data_is_a_problem(
    fungsi_blora: dict[str, Callable[..., str]], fungsi: str, tahun: str
) -> None:
    teks = f"Pagu:\n  {{{{ {fungsi}(tahun={tahun}) }}}}."
    out, problems = isi(teks, fungsi_blora)
    assert out == teks
    assert [(p.line, p.column) for p in problems] == [(2, 3)]
    message = problems[0].message
    assert message.startswith(f"{fungsi}(tahun={tahun}): ")
    if tahun == '"2021"':
        assert "tulis tahun sebagai angka" in message
    else:
        assert f"tidak ada folder tahun {tahun}; yang ada: 2020, 2021" in message


def test_check_reports_pagu_of_year_zero_as_T001(tmp_path: Path) -> None:
    from sakipgen.pipeline import siapkan

    root = salin(tmp_path)
    name = root / "2021/narasi/lkjip/bab4/penutup.md"
    name.write_text("Anggaran\r\nRp {{ pagu(tahun=0) }}.\r\n", encoding="utf-8", newline="")
    found = [d for d in siapkan(root).diagnostics if d.code == "T001"]
    assert len(found) == 1
    assert (found[0].location.line, found[0].location.column) == (2, 4)
    assert "tidak ada folder tahun 0" in found[0].message


def test_document_xml_is_parseable_after_adversarial_narrative() -> None:
    # markdown() output of the adversarial inputs is well-formed WordprocessingML
    out = markdown("*a " * 1000 + "**b " * 1000 + "{{" * 1000)
    fragmen(out)
