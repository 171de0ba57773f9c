"""The narrative Markdown subset → WordprocessingML paragraphs.

Supported (README "Narrative"): paragraphs separated by blank lines; list items
starting with ``-``/``*`` (bullet), ``1.``, ``1)``, ``a.``, ``a)``, ``(1)``, nested by
indentation; ``**bold**``, ``*italic*``, ``***both***``; ``#`` lines as bold
paragraphs (document headings come from the template).  Markers are printed as
written, so the numbering is exactly the dinas's.  Lines may end in LF, CRLF or CR.

Narrative is untrusted input of up to ``MAX_BYTES``, so everything here runs in time
linear in its length: lines are split once, and the emphasis scanner below replaces a
backtracking regex that was quadratic on ``*a *a *a …``.  A CommonMark parser
(markdown-it-py is linear too) was not used: it renumbers lists and does not know
``a.``/``(1)`` markers, and its emphasis rules differ, so existing documents would change.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from markupsafe import Markup

from sakipgen.render.xml import para, run

_ITEM = re.compile(
    r"^(?P<indent>[ \t]*)(?P<marker>[-*•]|\d{1,3}[.)]|[a-zA-Z][.)]|\(\d{1,3}\)|\([a-z]\))\s+(?P<text>.*)$"
)
_HEADING = re.compile(r"^#{1,6}\s+(.*)$")
# Where the single-star form, or any of the three emphasis forms, can start.
_OPENER = re.compile(r"(?<![\w*])\*(?!\s)")
_ANY_OPENER = re.compile(r"\*\*|(?<![\w*])\*(?!\s)")
# A single-star closer depends on its own position only, so its next one can be memoised.
_CLOSER = re.compile(r"(?<!\s)\*(?![\w*])")

INDENT_STEP = 425  # twips per list level (0,75 cm)
HANGING = 425


@dataclass
class _Block:
    kind: str  # "p", "item", "heading"
    text: str
    marker: str = ""
    level: int = 0
    lines: list[str] = field(default_factory=list)  # continuation lines, joined to text at the end


def _word_or_star(ch: str) -> bool:
    # ``[\w*]`` of a str pattern: \w is str.isalnum() or "_" (tests compare every code point).
    return ch.isalnum() or ch == "_" or ch == "*"


class _Next:
    """First index >= i at which something occurs (``len(text)`` if nowhere), asked for
    non-decreasing i.  One answer holds for every i up to it, so a closer that is missing
    is searched for once, not again from every later opener: linear in total."""

    __slots__ = ("_hit", "_search", "_start", "steps")

    def __init__(self, search: Callable[[int], int]) -> None:
        self._search = search
        self._start = 0
        self._hit = -1
        self.steps = 0  # characters searched, to let tests check the bound

    def __call__(self, i: int) -> int:
        if not self._start <= i <= self._hit:
            self._start, self._hit = i, self._search(i)
            self.steps += self._hit - i + 1
        return self._hit


def _spans(text: str, steps: list[int] | None = None) -> list[tuple[int, int]]:
    r"""``(start, end)`` of each emphasis span: exactly the non-overlapping matches of
    ``(\*\*\*.+?\*\*\*|\*\*.+?\*\*|(?<![\w*])\*(?!\s).+?(?<!\s)\*(?![\w*]))``
    (``.`` not matching a newline), found in linear time.

    At each possible opener the three forms are tried in that order; a lazy ``.+?`` ends at
    the first closer at least one character on, a match only if no newline comes first.
    A form that finds no closer before the end of the line cannot match later on that line
    either, so it is not tried again there, and openers only it could use are skipped by a
    regex search (no quantifier, so no backtracking).  If ``steps`` is given, the work done
    (loop turns plus characters searched) is appended to it.
    """
    if "*" not in text:  # most paragraphs: skip building the searchers
        if steps is not None:
            steps.append(0)
        return []
    n = len(text)

    def finder(sub: str) -> Callable[[int], int]:
        def search(i: int) -> int:
            j = text.find(sub, i)
            return n if j < 0 else j

        return search

    def single_closer(i: int) -> int:
        m = _CLOSER.search(text, i)
        return n if m is None else m.start()

    newline = _Next(finder("\n"))
    triple, double, single = _Next(finder("***")), _Next(finder("**")), _Next(single_closer)
    out: list[tuple[int, int]] = []
    turns = searched = 0
    pos = 0
    # Forms that found no closer before line_end (the newline ending the current line):
    # dead2 implies dead1, since a "***" closer would hold a "**" one.
    line_end = -1
    dead1 = dead2 = dead3 = False
    while pos < n:
        turns += 1
        if pos >= line_end:
            dead1 = dead2 = dead3 = False
        if dead2 and dead3:
            pos = line_end  # nothing more can match on this line
            continue
        if dead3:  # only "**"/"***" can still match here
            s = text.find("**", pos, line_end)
            searched += (line_end if s < 0 else s) - pos
            if s < 0:
                pos = line_end
                continue
        elif dead2:  # only the single star can; endpos may admit a '*' before the newline,
            # which the opener test below then rejects.
            m = _OPENER.search(text, pos, line_end)
            searched += (line_end if m is None else m.start()) - pos
            if m is None:
                pos = line_end
                continue
            s = m.start()
        else:
            m = _ANY_OPENER.search(text, pos)
            searched += (n if m is None else m.start()) - pos
            if m is None:
                break
            s = m.start()
            if s >= line_end:
                dead1 = dead2 = dead3 = False
                line_end = newline(s)  # text[s] is a '*': the opener's line ends here
        span = None
        if not dead1 and text.startswith("***", s):
            if (q := triple(s + 4)) < line_end:
                span = (s, q + 3)
            else:
                dead1 = True
        if span is None and not dead2 and text.startswith("**", s):
            if (q := double(s + 3)) < line_end:
                span = (s, q + 2)
            else:
                dead1 = dead2 = True
        if (
            span is None
            and not dead3
            and (s == 0 or not _word_or_star(text[s - 1]))
            and s + 1 < n
            and not text[s + 1].isspace()
        ):
            if (q := single(s + 2)) < line_end:
                span = (s, q + 1)
            else:
                dead3 = True
        if span is None:
            pos = s + 1
        else:
            out.append(span)
            pos = span[1]
    if steps is not None:
        cursors = newline.steps + triple.steps + double.steps + single.steps
        steps.append(turns + searched + cursors)
    return out


def inline(text: str) -> Markup:
    """Runs for one paragraph's text with bold/italic spans."""
    out: list[str] = []
    pos = 0
    for start, end in _spans(text):
        if start > pos:
            out.append(run(text[pos:start]))
        # By the span's first characters, not by which form matched: the single-star form
        # can match "***1*", which has always been printed as bold italic "".
        token = text[start:end]
        if token.startswith("***"):
            out.append(run(token[3:-3], bold=True, italic=True))
        elif token.startswith("**"):
            out.append(run(token[2:-2], bold=True))
        else:
            out.append(run(token[1:-1], italic=True))
        pos = end
    if pos < len(text):
        out.append(run(text[pos:]))
    return Markup("".join(out))


def _split_lines(source: str) -> list[str]:
    """The lines of a text whose lines end in LF, CRLF or a lone CR (old Mac editors)."""
    return source.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def _comment(stripped: str) -> bool:
    """An HTML comment line (``<!-- … -->``): a marker or a note, never printed."""
    return stripped.startswith("<!--") and stripped.endswith("-->")


def pisah_tabel(text: str, penanda: re.Pattern[str]) -> list[str]:
    """The text cut at its table marker lines (which are dropped): one more part than
    there are markers, lines ending in LF, CRLF or CR alike.  A line is a marker when its
    stripped text fullmatches ``penanda``; other comment lines stay in their part, where
    :func:`markdown` leaves them out."""
    parts: list[list[str]] = [[]]
    for line in _split_lines(text):
        stripped = line.strip()
        if _comment(stripped) and penanda.fullmatch(stripped):
            parts.append([])
        else:
            parts[-1].append(line)
    return ["\n".join(part) for part in parts]


def _blocks(source: str) -> list[_Block]:
    blocks: list[_Block] = []
    current: _Block | None = None
    for raw in _split_lines(source):
        line = raw.rstrip()
        stripped = line.strip()
        if _comment(stripped):
            current = None  # a placement marker or a comment: never printed
            continue
        if not stripped:
            current = None
            continue
        h = _HEADING.match(stripped)
        if h:
            blocks.append(_Block("heading", h.group(1).strip()))
            current = None
            continue
        m = _ITEM.match(line)
        if m:
            indent = len(m.group("indent").replace("\t", "    "))
            current = _Block("item", m.group("text").strip(), m.group("marker"), indent // 2)
            blocks.append(current)
            continue
        if current is not None:
            # Joined once below: `text += …` on an attribute copies the whole paragraph
            # every line, quadratic for a long one.
            current.lines.append(stripped)
        else:
            current = _Block("p", stripped)
            blocks.append(current)
    for b in blocks:
        if b.lines:
            b.text = " ".join([b.text, *b.lines])
            b.lines = []
    # Normalise nesting: levels are relative to the shallowest indentation in a run of items.
    levels = sorted({b.level for b in blocks if b.kind == "item"})
    rank = {lv: i for i, lv in enumerate(levels)}
    for b in blocks:
        if b.kind == "item":
            b.level = rank[b.level]
    return blocks


def markdown(
    source: str, *, style: str = "Teks", list_style: str = "Daftar", tahan: bool = False
) -> Markup:
    """WordprocessingML paragraphs of ``source``; ``tahan``: its paragraphs of text kept
    on the page of what follows them."""
    out: list[str] = []
    for b in _blocks(source):
        if b.kind == "heading":
            out.append(para(inline(f"**{b.text}**"), style=style, keep_next=True))
        elif b.kind == "item":
            marker = "•" if b.marker in "-*•" else b.marker
            left = INDENT_STEP * b.level + HANGING
            content = Markup(str(run(marker)) + "<w:r><w:tab/></w:r>" + str(inline(b.text)))
            out.append(para(content, style=list_style, indent_left=left, hanging=HANGING))
        else:
            out.append(para(inline(b.text), style=style, keep_next=tahan))
    return Markup("".join(out))
