"""Reading back what the Pagefind bundles of a built site answer with."""
from __future__ import annotations

import gzip
import json
from pathlib import Path

from sitegen_mkdocs.search import PARTS_FILE


def indexed_urls(bundle: Path) -> set[str]:
    """The page URLs one Pagefind bundle answers with, read from its fragment files."""
    urls = set()
    for fragment in (bundle / "fragment").glob("*.pf_fragment"):
        data = gzip.decompress(fragment.read_bytes())
        assert data.startswith(b"pagefind_dcd")
        urls.add(json.loads(data[len(b"pagefind_dcd"):])["url"])
    return urls


def part_bundles(first: Path) -> list[Path]:
    """A language's bundles: the first one and the parts its parts.json lists."""
    listed = json.loads((first / PARTS_FILE).read_text(encoding="utf-8"))["parts"]
    return [first] + [first / part for part in listed]
