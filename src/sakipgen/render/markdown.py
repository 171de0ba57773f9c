"""The narrative Markdown subset → WordprocessingML paragraphs.

Supported (README "Narrative"): paragraphs separated by blank lines; list items
starting with ``-``/``*`` (bullet), ``1.``, ``1)``, ``a.``, ``a)``, ``(1)``, nested by
indentation; ``**bold**``, ``*italic*``, ``***both***``; ``#`` lines as bold
paragraphs (document headings come from the template).  Markers are printed as
written, so the numbering is exactly the dinas's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from markupsafe import Markup

from sakipgen.render.xml import para, run

_ITEM = re.compile(
    r"^(?P<indent>[ \t]*)(?P<marker>[-*•]|\d{1,3}[.)]|[a-zA-Z][.)]|\(\d{1,3}\)|\([a-z]\))\s+(?P<text>.*)$"
)
_HEADING = re.compile(r"^#{1,6}\s+(.*)$")
_INLINE = re.compile(r"(\*\*\*.+?\*\*\*|\*\*.+?\*\*|(?<![\w*])\*(?!\s).+?(?<!\s)\*(?![\w*]))")

INDENT_STEP = 425  # twips per list level (0,75 cm)
HANGING = 425


@dataclass
class _Block:
    kind: str  # "p", "item", "heading"
    text: str
    marker: str = ""
    level: int = 0
    lines: list[str] = field(default_factory=list)


def inline(text: str) -> Markup:
    """Runs for one paragraph's text with bold/italic spans."""
    out: list[str] = []
    pos = 0
    for m in _INLINE.finditer(text):
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


def _blocks(source: str) -> list[_Block]:
    blocks: list[_Block] = []
    current: _Block | None = None
    for raw in source.replace("\r\n", "\n").split("\n"):
        line = raw.rstrip()
        if line.strip().startswith("<!--") and line.strip().endswith("-->"):
            current = None  # a placement marker or a comment: never printed
            continue
        if not line.strip():
            current = None
            continue
        h = _HEADING.match(line.strip())
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
            current.text += " " + line.strip()
        else:
            current = _Block("p", line.strip())
            blocks.append(current)
    # Normalise nesting: levels are relative to the shallowest indentation in a run of items.
    levels = sorted({b.level for b in blocks if b.kind == "item"})
    rank = {lv: i for i, lv in enumerate(levels)}
    for b in blocks:
        if b.kind == "item":
            b.level = rank[b.level]
    return blocks


def markdown(source: str, *, style: str = "Teks", list_style: str = "Daftar") -> Markup:
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
            out.append(para(inline(b.text), style=style))
    return Markup("".join(out))
