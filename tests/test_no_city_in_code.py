"""No city in the code (issue 15): everything that names the seed's cities, program, offices
or contacts comes from data/ and content/, so another city can adopt the generator by
changing its data only.

The names are read from the frozen seed (tests/seed/data), so the list grows with the seed
instead of going stale; a short list of the obvious proper nouns is added on top (the
prefecture, which the seed names only inside addresses, and the program's short name).
"""
from __future__ import annotations

import re
from pathlib import Path

import yaml

from tests.sitebuild import REPO, SEED_DATA

CODE_FOLDERS = ("sitegen", "sitegen_mkdocs", "hooks", "overrides")
TEXT_SUFFIXES = {".py", ".j2", ".html", ".js", ".css", ".md", ".txt", ".json", ".yml", ".yaml", ".svg"}

# Proper nouns the seed holds only inside longer texts (addresses, sentences, systems' names).
OBVIOUS = ("平塚", "Hiratsuka", "川崎", "Kawasaki", "神奈川", "Kanagawa", "知的対流", "Knowledge Convection",
           "e-kanagawa")

# Where the seed names someone: (data file, path); "*" is every item of a list. A bilingual
# text gives both of its languages.
NAMING_FIELDS = (
    ("site", "site.name"),
    ("site", "site.organisation"),
    ("site", "site.contact.department"),
    ("site", "site.contact.address"),
    ("site", "site.contact.phone"),
    ("site", "site.contact.fax"),
    ("site", "site.contact.email"),
    ("site", "site.contact.inquiry_form"),
    ("projects", "departments.*.name"),
    ("projects", "projects.*.title"),
    ("projects", "projects.*.leads.*.name"),
    ("projects", "projects.*.participants.*.name"),
    ("projects", "projects.*.reports.*.publisher"),
    ("projects", "projects.*.reports.*.source"),
    ("projects", "projects.*.reports.*.former_name"),
    ("donations", "donations.*.donor"),
    ("donations", "donations.*.donor_now"),
    ("donations", "voices.*.company"),
    ("donations", "how_to_donate.contacts.*"),
    ("donations", "how_to_donate.individual.designation"),
    ("donations", "how_to_donate.corporate.designation"),
    ("calls", "calls.*.title"),
    ("calls", "calls.*.issuer.organization"),
    ("calls", "calls.*.issuer.department"),
    ("calls", "calls.*.issuer.address"),
    ("calls", "calls.*.issuer.phone"),
    ("calls", "calls.*.issuer.fax"),
    ("calls", "calls.*.issuer.email"),
    ("calls", "calls.*.issuer.web_page"),
)
# What a name is before its brackets: 「知的対流推進事業(プロジェクト名)」 names the program
# 「知的対流推進事業」 (what is in the brackets is a generic gloss).
_PARTS = re.compile(r"[()()~〜「」]")
_MUNICIPALITY = re.compile(r"^(?P<stem>\S{2,})[市町村]$|^(?P<stem_en>\S+) (City|Town|Village)$")


def _values(node, keys: list[str]):
    if not keys:
        if isinstance(node, dict):  # a bilingual text
            yield from (v for v in node.values() if isinstance(v, str))
        elif isinstance(node, (str, int)):
            yield str(node)
        return
    key, rest = keys[0], keys[1:]
    if key == "*":
        for item in node if isinstance(node, list) else ():
            yield from _values(item, rest)
    elif isinstance(node, dict) and key in node:
        yield from _values(node[key], rest)


def seed_names() -> set[str]:
    files = {stem: yaml.safe_load((SEED_DATA / f"{stem}.yaml").read_text(encoding="utf-8"))
             for stem in {f for f, _ in NAMING_FIELDS}}
    names: set[str] = set(OBVIOUS)
    for stem, path in NAMING_FIELDS:
        for value in _values(files[stem], path.split(".")):
            value = value.strip()
            names.add(value)
            head = _PARTS.split(value)[0].strip()
            if len(head) >= 4:
                names.add(head)
            municipality = _MUNICIPALITY.match(value)
            if municipality:  # 平塚市 -> 平塚, Hiratsuka City -> Hiratsuka
                names.add(municipality.group("stem") or municipality.group("stem_en"))
    return {n for n in names if len(n) >= 2}


def code_files() -> list[Path]:
    return sorted(p for folder in CODE_FOLDERS for p in (REPO / folder).rglob("*")
                  if p.is_file() and p.suffix in TEXT_SUFFIXES and "__pycache__" not in p.parts)


def hits(names: set[str], files: list[Path]) -> list[str]:
    """'path:line: name' for every name found (case-insensitive: city.kawasaki.jp counts)."""
    lowered = {n: n.lower() for n in names}
    found = []
    for path in files:
        shown = path.relative_to(REPO) if path.is_relative_to(REPO) else path
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            low = line.lower()
            found += [f"{shown}:{number}: {name}" for name, n in lowered.items() if n in low]
    return found


def test_the_seed_names_are_read_from_the_seed():
    """The list really comes from the data: the program, both cities, the departments, the phones."""
    names = seed_names()
    for expected in ("平塚市", "Hiratsuka City", "川崎市", "Kawasaki", "産業振興課", "企画政策課", "0463-21-9758",
                     "044-200-2335", "知的対流推進事業", "Knowledge Convection Promotion Program",
                     "Industrial Promotion Division", "東京大学生産技術研究所"):
        assert expected in names, expected


def test_the_search_finds_a_name_in_code(tmp_path):
    """The scan itself works: a template naming the city is caught, with its line."""
    template = tmp_path / "sitegen" / "list.md.j2"
    template.parent.mkdir()
    template.write_text("<p>\n{{ t('平塚市が支援しているプロジェクト', 'supported by HIRATSUKA city') }}</p>\n",
                        encoding="utf-8")
    found = hits(seed_names(), [template])
    assert any(h.endswith(":2: 平塚市") for h in found), found
    assert any(h.endswith(":2: Hiratsuka City") for h in found), found


def test_no_seed_name_in_the_code():
    """sitegen/, sitegen_mkdocs/ (with the starter project), hooks/ and overrides/ name no city,
    program, office or contact of the seed:
    those come from data/ (site.yaml and the record files) and content/."""
    found = hits(seed_names(), code_files())
    assert not found, "the seed's names in the code (move them to data/):\n" + "\n".join(found)
