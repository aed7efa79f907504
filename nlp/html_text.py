"""HTML → readable text: trafilatura for the article, lxml visible text as the fallback.

The output keeps one paragraph (or block) per line, with the page title as the first line
so that headlines reach the finders. Offsets are taken later, on the normalised result.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from datetime import date

# Content detection: a document is HTML when it starts with markup or names the HTML root.
_HTML_START = re.compile(
    r"\s*(?:<!--.*?-->\s*|<\?xml[^>]*>\s*)*<(?:!doctype\s+html|html|head|body|meta|title|"
    r"p|div|article|section|main|header|h[1-6]|span|table|ul|ol|br|a|b|i|strong|em|link|script|style)\b",
    re.IGNORECASE | re.DOTALL,
)
_HTML_ANYWHERE = re.compile(r"<(?:!doctype\s+html|html[\s>]|body[\s>])", re.IGNORECASE)

# `&#273ua`, `&#x111ua`: numeric references whose `;` is missing (browsers accept them).
_NUMERIC_NO_SEMI = re.compile(r"&#(x[0-9a-fA-F]{1,6}|[0-9]{1,7})(?![0-9a-fA-F;])", re.IGNORECASE)
# Entities in plain text: numeric with or without `;`, named only with `;` (so `AT&T` stays).
_ENTITY = re.compile(r"&(?:#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[A-Za-z][A-Za-z0-9]{1,31};);?")
_NAMED = re.compile(r"&[A-Za-z][A-Za-z0-9]{1,31};")

_SKIP = {"script", "style", "noscript", "template", "head", "svg", "iframe", "object", "canvas"}
_BLOCK = {
    "p", "div", "br", "li", "ul", "ol", "dl", "dt", "dd", "tr", "table", "thead", "tbody",
    "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "main", "header", "footer", "nav",
    "aside", "blockquote", "pre", "figure", "figcaption", "form", "hr", "address", "title",
    "td", "th", "caption", "details", "summary", "center",
}
# trafilatura is skipped above this size (its own limit is 20 MB, and it gets slow before).
TRAFILATURA_MAX_CHARS = 3_000_000
# Below this many characters the article text is compared with the visible text.
MIN_ARTICLE_CHARS = 200


@dataclass(slots=True)
class HtmlText:
    text: str
    title: str | None
    published: date | None


def looks_like_html(head: str) -> bool:
    """Content-based detection on the first few KB of the decoded document."""
    return bool(_HTML_START.match(head) or _HTML_ANYWHERE.search(head))


def fix_numeric_entities(s: str) -> str:
    """Add the missing `;` to numeric references so every parser reads them alike."""
    return _NUMERIC_NO_SEMI.sub(r"&#\1;", s) if "&#" in s else s


def has_entities(s: str) -> bool:
    """Plain text that clearly holds HTML entities: a numeric one, or a known named one."""
    if "&" not in s:
        return False
    for m in _ENTITY.finditer(s):
        tok = m.group()
        if tok[1] == "#" or (_NAMED.fullmatch(tok) and html.unescape(tok) != tok):
            return True
    return False


def unescape_text(s: str) -> str:
    """Decode entities in plain text: numeric ones with or without `;`, named ones with `;`."""
    def one(m: re.Match[str]) -> str:
        tok = m.group()
        return html.unescape(tok if tok.endswith(";") else tok + ";")

    return _ENTITY.sub(one, s)


def html_to_text(markup: str) -> HtmlText:
    """The article as lines of text (title first), its title and its published date."""
    markup = fix_numeric_entities(markup)
    body, title, published = None, None, None
    if len(markup) <= TRAFILATURA_MAX_CHARS:
        body, title, published = _trafilatura(markup)
    visible: str | None = None
    if not body or len(body) < MIN_ARTICLE_CHARS:
        visible, head_title = visible_text(markup)
        title = title or head_title
        if not body or len(visible) > 2 * len(body):
            body = visible
    body = _tidy_lines(body or "")
    title = " ".join(title.split()) if title else None
    if title and not body.startswith(title):
        body = f"{title}\n{body}" if body else title
    return HtmlText(body, title, published)


def _trafilatura(markup: str) -> tuple[str | None, str | None, date | None]:
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(
            markup,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            deduplicate=False,
            # Only dates stated in the markup: body dates are the date finder's job.
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception:  # noqa: BLE001 - a page trafilatura cannot read falls back to lxml
        return None, None, None
    if doc is None:
        return None, None, None
    return doc.text, doc.title, _parse_date(doc.date)


def _parse_date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def visible_text(markup: str) -> tuple[str, str | None]:
    """All visible text, blocks on their own lines; scripts, styles and head dropped."""
    from lxml import etree, html as lhtml

    try:
        parser = lhtml.HTMLParser(remove_comments=True, remove_pis=True, huge_tree=True)
        root = lhtml.document_fromstring(markup, parser=parser)
    except (etree.ParserError, ValueError):
        return _strip_tags(markup), None
    title_el = root.find(".//title")
    title = title_el.text_content() if title_el is not None else None
    parts: list[str] = []
    walker = etree.iterwalk(root, events=("start", "end"))
    for event, el in walker:
        tag = el.tag if isinstance(el.tag, str) else ""
        if event == "start":
            if tag in _SKIP:
                walker.skip_subtree()  # its "end" event still comes, and adds the tail
                continue
            if tag in _BLOCK:
                parts.append("\n")
            if el.text and tag:
                parts.append(el.text)
        else:
            if tag in _BLOCK:
                parts.append("\n")
            if el.tail:
                parts.append(el.tail)
    return _tidy_lines("".join(parts)), title


def _strip_tags(markup: str) -> str:
    """Last resort for markup lxml refuses: drop scripts, styles and tags, keep the text."""
    s = re.sub(r"(?is)<(script|style)\b.*?</\1\s*>", " ", markup)
    s = re.sub(r"(?i)<(?:br|/?p|/?div|/?h[1-6]|/?li|/?tr)\b[^>]*>", "\n", s)
    s = re.sub(r"<[^>]*>", " ", s)
    return _tidy_lines(html.unescape(s))


def _tidy_lines(s: str) -> str:
    """One space between words, no empty lines."""
    lines = (" ".join(line.split()) for line in s.splitlines())
    return "\n".join(line for line in lines if line)
