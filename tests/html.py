"""Reading built pages with the standard library's HTML parser (no regex on markup)."""
from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path


class Node:
    def __init__(self, tag: str, attrs: dict, parent: "Node | None"):
        self.tag, self.attrs, self.parent, self.children, self.text_parts = tag, attrs, parent, [], []

    def text(self) -> str:
        return "".join(p if isinstance(p, str) else p.text() for p in self.text_parts).strip()

    def iter(self):
        yield self
        for c in self.children:
            yield from c.iter()

    def find_all(self, tag: str | None = None, **attrs) -> list["Node"]:
        def ok(n):
            return (tag is None or n.tag == tag) and all(
                (n.attrs.get(k.rstrip("_").replace("_", "-")) == v) if v is not True
                else k.rstrip("_").replace("_", "-") in n.attrs for k, v in attrs.items())
        return [n for n in self.iter() if ok(n)]

    def find(self, tag: str | None = None, **attrs) -> "Node | None":
        found = self.find_all(tag, **attrs)
        return found[0] if found else None


_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class _Parser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Node("#root", {}, None)
        self.cur = self.root

    def handle_starttag(self, tag, attrs):
        node = Node(tag, {k: (v if v is not None else "") for k, v in attrs}, self.cur)
        self.cur.children.append(node)
        self.cur.text_parts.append(node)
        if tag not in _VOID:
            self.cur = node

    def handle_startendtag(self, tag, attrs):
        node = Node(tag, {k: (v if v is not None else "") for k, v in attrs}, self.cur)
        self.cur.children.append(node)

    def handle_endtag(self, tag):
        n = self.cur
        while n is not self.root and n.tag != tag:
            n = n.parent
        if n is not self.root:
            self.cur = n.parent

    def handle_data(self, data):
        self.cur.text_parts.append(data)


def parse(path_or_text: Path | str) -> Node:
    text = path_or_text.read_text(encoding="utf-8") if isinstance(path_or_text, Path) else path_or_text
    p = _Parser()
    p.feed(text)
    return p.root


def page(site: Path, url: str) -> Node:
    return parse(site / url / "index.html")


def content_headings(doc: Node, tag: str = "h2") -> list[str]:
    """Headings of the page's own content: without the contact footer every page ends with."""
    return [h.text().rstrip("¶") for h in doc.find_all(tag) if h.attrs.get("id") != "sg-page-contact"]
