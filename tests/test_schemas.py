"""JSON Schemas for the editor: fresh, strict about keys, bilingual, and really used.

The YAML language server (VS Code's Red Hat YAML extension and others) reads the schema
named on each data file's first line; scripts/check_schema.py validates a file against it
with the jsonschema library, which is how these tests show what the editor will underline.
"""
from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from sitegen.schemas import REGENERATE, schema_errors, write_schemas
from sitegen.validate import FILE_MODELS
from tests.sitebuild import REPO, SEED_DATA

SCHEMAS = REPO / "schemas"


def _walk(node, path=()):
    yield path, node
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _walk(value, path + (key,))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _walk(value, path + (i,))


def test_committed_schemas_are_fresh(tmp_path):
    """Fails when a model changed and schemas/ was not regenerated."""
    write_schemas(tmp_path)
    fresh = {p.name: p.read_text(encoding="utf-8") for p in (tmp_path / "schemas").iterdir()}
    committed = {p.name: p.read_text(encoding="utf-8") for p in SCHEMAS.glob("*.json")}
    stale = sorted(name for name in fresh.keys() | committed.keys() if fresh.get(name) != committed.get(name))
    assert not stale, (f"schemas/ is out of date ({', '.join(stale)}): run `{REGENERATE}` "
                       "in the repository root and commit schemas/")


def test_schema_command_writes_one_schema_per_data_file(tmp_path):
    result = subprocess.run([sys.executable, "-m", "sitegen", "schemas", str(tmp_path)],
                            cwd=REPO, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in (tmp_path / "schemas").iterdir()) == sorted(f"{s}.schema.json" for s in FILE_MODELS)


@pytest.mark.parametrize("stem", list(FILE_MODELS))
def test_schema_refuses_unknown_keys_everywhere(stem):
    schema = json.loads((SCHEMAS / f"{stem}.schema.json").read_text(encoding="utf-8"))
    objects = [(p, n) for p, n in _walk(schema) if isinstance(n, dict) and n.get("type") == "object"]
    assert objects
    assert all(n.get("additionalProperties") is False for _, n in objects), \
        [p for p, n in objects if n.get("additionalProperties") is not False]


@pytest.mark.parametrize("stem", list(FILE_MODELS))
def test_descriptions_are_japanese_then_english(stem):
    schema = json.loads((SCHEMAS / f"{stem}.schema.json").read_text(encoding="utf-8"))
    descriptions = [n["description"] for _, n in _walk(schema) if isinstance(n, dict)
                    and isinstance(n.get("description"), str)]
    assert len(descriptions) >= 3
    for text in descriptions:
        ja, sep, en = text.partition(" / ")
        assert sep and re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", ja) and re.search(r"[A-Za-z]", en), text


def test_common_types_carry_their_description_and_constraints():
    schema = json.loads((SCHEMAS / "news.schema.json").read_text(encoding="utf-8"))
    item = schema["$defs"]["NewsItem"]["properties"]
    assert item["id"]["pattern"] == "^[a-z0-9][a-z0-9-]*$"
    assert item["date"]["format"] == "date" and "YYYY-MM-DD" in item["date"]["description"]
    text = schema["$defs"]["Text"]
    assert text["required"] == ["ja"] and "日本語" in text["description"]


@pytest.mark.parametrize("stem", list(FILE_MODELS))
def test_each_data_file_names_its_schema_on_the_first_line(stem):
    first = (SEED_DATA / f"{stem}.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert first == f"# yaml-language-server: $schema=../schemas/{stem}.schema.json"


def test_vscode_recommends_the_yaml_extension_and_maps_every_schema():
    extensions = json.loads((REPO / ".vscode" / "extensions.json").read_text(encoding="utf-8"))
    assert "redhat.vscode-yaml" in extensions["recommendations"]
    settings = json.loads((REPO / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    mapping = settings["yaml.schemas"]
    assert mapping == {f"./schemas/{s}.schema.json": f"data/{s}.yaml" for s in FILE_MODELS}
    assert all((REPO / schema).is_file() for schema in mapping)
    assert settings["[yaml]"]["editor.insertSpaces"] is True


# --- What the editor underlines: a sample checked against the committed schema ----------

SAMPLE = """# yaml-language-server: $schema=../schemas/news.schema.json
news:
  - id: 2025-05-new-call
    date: 2025-05-01
    title:
      ja: お知らせ
      en: News
    projects: [umi-no-hiryo]
"""


def _sample(tmp_path: Path, text: str) -> Path:
    (tmp_path / "schemas").symlink_to(SCHEMAS)
    (tmp_path / "data").mkdir()
    path = tmp_path / "data" / "news.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_valid_sample_matches_the_schema(tmp_path):
    assert schema_errors(_sample(tmp_path, SAMPLE)) == []


def test_repository_data_matches_the_schemas():
    assert {stem: schema_errors(SEED_DATA / f"{stem}.yaml") for stem in FILE_MODELS} == \
        {stem: [] for stem in FILE_MODELS}


@pytest.mark.parametrize("change, expected", [
    (("    title:", "    titel:"), "5:5 news.0: Additional properties are not allowed ('titel' was unexpected)"),
    (("date: 2025-05-01", "date: 2025/05/01"), "4:11 news.0.date: '2025/05/01' is not a 'date'"),
    (("projects: [umi-no-hiryo]", "projects: umi-no-hiryo"), "8:15 news.0.projects: 'umi-no-hiryo' is not of type 'array'"),
    (("      ja: お知らせ\n", ""), "6:7 news.0.title: 'ja' is a required property"),
    (("id: 2025-05-new-call", "id: New_Call"), "3:9 news.0.id: 'New_Call' does not match '^[a-z0-9][a-z0-9-]*$'"),
])
def test_sample_with_a_mistake_is_underlined_where_it_is(tmp_path, change, expected):
    assert expected in schema_errors(_sample(tmp_path, SAMPLE.replace(*change)))


def test_check_schema_script_reports_and_fails(tmp_path):
    bad = _sample(tmp_path, SAMPLE.replace("    title:", "    titel:"))
    script = [sys.executable, str(REPO / "scripts" / "check_schema.py")]
    ok = subprocess.run(script + [str(SEED_DATA / "news.yaml")], capture_output=True, text=True)
    assert ok.returncode == 0 and "OK" in ok.stdout
    failed = subprocess.run(script + [str(bad)], capture_output=True, text=True)
    assert failed.returncode == 1 and f"{bad}:5:5 news.0:" in failed.stdout and "'titel'" in failed.stdout
