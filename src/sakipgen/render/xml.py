"""WordprocessingML building blocks: escaped text, runs, paragraphs, fields.

Every function escapes what it is given and returns :class:`markupsafe.Markup`,
so templates can place the result without escaping it twice, and user text
(``&``, ``<``, ``{{``, control characters) always arrives as literal text.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable

from markupsafe import Markup

# XML 1.0 allows tab, newline and carriage return; other C0 controls (and the
# non-characters) would make the document unreadable, so they are dropped.
_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


_KHUSUS = re.compile('[&<>"\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]')


def teks(value: object) -> str:
    """Escape text for an XML text node."""
    s = str(value)
    if _KHUSUS.search(s) is None:  # most text: one scan instead of five
        return s
    s = _INVALID.sub("", s)
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def run(
    text: str,
    *,
    bold: bool = False,
    italic: bool = False,
    underline: bool = False,
    size: int | None = None,
    caps: bool = False,
) -> Markup:
    props = ""
    if bold:
        props += "<w:b/><w:bCs/>"
    if italic:
        props += "<w:i/><w:iCs/>"
    if caps:
        props += "<w:caps/>"
    if underline:
        props += '<w:u w:val="single"/>'
    if size:
        props += f'<w:sz w:val="{size * 2}"/><w:szCs w:val="{size * 2}"/>'
    rpr = f"<w:rPr>{props}</w:rPr>" if props else ""
    parts = str(text).split("\n")
    body = "<w:br/>".join(f'<w:t xml:space="preserve">{teks(p)}</w:t>' for p in parts)
    return Markup(f"<w:r>{rpr}{body}</w:r>")


def para(
    content: str | Iterable[str] = "",
    *,
    style: str | None = None,
    align: str | None = None,
    keep_next: bool = False,
    page_break_before: bool = False,
    indent_left: int | None = None,
    hanging: int | None = None,
    space_after: int | None = None,
    space_before: int | None = None,
) -> Markup:
    """A paragraph; ``content`` is runs (Markup) or plain text (made into one run)."""
    if isinstance(content, Markup):
        inner = str(content)
    elif isinstance(content, str):
        inner = str(run(content)) if content else ""
    else:
        inner = "".join(str(c) for c in content)
    ppr = ""
    if style:
        ppr += f'<w:pStyle w:val="{teks(style)}"/>'
    if keep_next:
        ppr += "<w:keepNext/>"
    if page_break_before:
        ppr += "<w:pageBreakBefore/>"
    if space_after is not None or space_before is not None:
        attrs = ""
        if space_before is not None:
            attrs += f' w:before="{space_before}"'
        if space_after is not None:
            attrs += f' w:after="{space_after}"'
        ppr += f"<w:spacing{attrs}/>"
    if indent_left is not None or hanging is not None:
        attrs = f' w:left="{indent_left or 0}"'
        if hanging:
            attrs += f' w:hanging="{hanging}"'
        ppr += f"<w:ind{attrs}/>"
    if align:
        ppr += f'<w:jc w:val="{align}"/>'
    ppr_xml = f"<w:pPr>{ppr}</w:pPr>" if ppr else ""
    return Markup(f"<w:p>{ppr_xml}{inner}</w:p>")


def field(instruction: str, result: str = "", *, dirty: bool = True) -> Markup:
    """A complex field (PAGE, TOC …); ``result`` is shown until the field is updated."""
    d = ' w:dirty="true"' if dirty else ""
    return Markup(
        f'<w:r><w:fldChar w:fldCharType="begin"{d}/></w:r>'
        f'<w:r><w:instrText xml:space="preserve"> {teks(instruction)} </w:instrText></w:r>'
        f'<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        f"{result}"
        f'<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )


def page_break() -> Markup:
    return Markup('<w:p><w:r><w:br w:type="page"/></w:r></w:p>')


_RUN_TEKS = r"<w:t(?:\s[^>]*)?>([^<]*)</w:t>"
_TEKS_XML = re.compile(_RUN_TEKS + r"|<w:(?:br|tab|p)\b")
_RUN = re.compile(_RUN_TEKS)


def teks_xml(fragment: str, pemisah: str = "\n") -> str:
    """The text of ready WordprocessingML: its ``w:t`` runs, with ``pemisah`` where a
    paragraph starts or a line break or tab stands (the inverse of :func:`run`)."""
    return "".join(
        html.unescape(m.group(1)) if m.group(1) is not None else pemisah
        for m in _TEKS_XML.finditer(fragment)
    )


def ada_teks(fragment: str) -> bool:
    """Whether ready WordprocessingML shows any text (``teks_xml(fragment).strip()`` is
    not empty), read only as far as its first run that is not white space."""
    return any(html.unescape(m.group(1)).strip() for m in _RUN.finditer(fragment))
