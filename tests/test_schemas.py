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
import typing
from pathlib import Path

import annotated_types
import jsonschema
import pytest
import yaml
from pydantic import BaseModel
from pydantic.fields import FieldInfo

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


# --- Bounds: every limit the models enforce is a JSON Schema keyword validators obey -------

# What a bound of the models (annotated_types metadata, from Field(ge=...), Field(min_length=...))
# is called in JSON Schema, and a value just outside it.
_OUTSIDE = {
    annotated_types.Ge: ("minimum", lambda b: b.ge - 1),
    annotated_types.Gt: ("exclusiveMinimum", lambda b: b.gt),
    annotated_types.Le: ("maximum", lambda b: b.le + 1),
    annotated_types.Lt: ("exclusiveMaximum", lambda b: b.lt),
    annotated_types.MinLen: ("minItems", lambda b: [None] * (b.min_length - 1)),
    annotated_types.MaxLen: ("maxItems", lambda b: [None] * (b.max_length + 1)),
}
_BOUND_TYPES = tuple(_OUTSIDE) + (annotated_types.MultipleOf,)


def _model_bounds() -> list[tuple[str, type, str, object, object]]:
    """(data file, model, field, bound, wrap) for every bound anywhere in the models, found by
    walking the fields' types and metadata; wrap puts a value where the bound applies (inside
    a list for a list's items)."""
    found, seen = [], set()

    def in_metadata(items, stem, model, name, wrap):
        for item in items:
            if isinstance(item, FieldInfo):  # Annotated[int, Field(ge=0)] inside a union
                in_metadata(item.metadata, stem, model, name, wrap)
            elif isinstance(item, _BOUND_TYPES):
                found.append((stem, model, name, item, wrap))

    def in_type(tp, stem, model, name, wrap):
        origin = typing.get_origin(tp)
        if origin is typing.Annotated:
            base, *metadata = typing.get_args(tp)
            in_metadata(metadata, stem, model, name, wrap)
            in_type(base, stem, model, name, wrap)
        elif isinstance(tp, type) and issubclass(tp, BaseModel):
            in_model(tp, stem)
        elif origin in (list, set, frozenset, tuple):
            for arg in typing.get_args(tp):
                if arg is not Ellipsis:
                    in_type(arg, stem, model, name, lambda v, wrap=wrap: wrap([v]))
        elif origin is dict:
            in_type(typing.get_args(tp)[1], stem, model, name, lambda v, wrap=wrap: wrap({"key": v}))
        elif origin is not typing.Literal:
            for arg in typing.get_args(tp):  # unions
                in_type(arg, stem, model, name, wrap)

    def in_model(model, stem):
        if model in seen:
            return
        seen.add(model)
        for name, info in model.model_fields.items():
            in_metadata(info.metadata, stem, model, name, lambda v: v)
            in_type(info.annotation, stem, model, name, lambda v: v)

    for stem, model in FILE_MODELS.items():
        in_model(model, stem)
    return found


def _keywords(error) -> set[str]:
    """The keywords that refused a value, looking inside anyOf/oneOf."""
    found = {error.validator}
    for sub in error.context or ():
        found |= _keywords(sub)
    return found


def test_models_have_the_bounds_the_issue_counted():
    """The walk finds the bounds (it would pass vacuously if it found none): fiscal years,
    yen amounts, percentages, donation amounts, list lengths."""
    bounds = _model_bounds()
    named = {(m.__name__, f, type(b).__name__) for _, m, f, b, _ in bounds}
    assert {("Donation", "fiscal_year", "Ge"), ("Donation", "fiscal_year", "Le"),
            ("Donation", "amount", "Ge")} <= named
    per_file = {stem: sum(1 for s, *_ in bounds if s == stem) for stem in FILE_MODELS}
    # numeric bounds the issue found under pydantic's names: 4 in calls, 21 in donations,
    # 10 in projects, plus the ones pydantic did write as keywords and the list lengths
    assert per_file["calls"] >= 4 and per_file["donations"] >= 21 and per_file["projects"] >= 10, per_file


@pytest.mark.parametrize("stem, model, field, bound, wrap",
                         [pytest.param(*b, id=f"{b[1].__name__}.{b[2]}:{b[3]!r}") for b in _model_bounds()])
def test_schema_refuses_a_value_outside_each_bound(stem, model, field, bound, wrap):
    """The value just outside the bound, at that field, is refused by jsonschema because
    of the bound's own JSON Schema keyword (not some other rule)."""
    assert not isinstance(bound, annotated_types.MultipleOf), "no multiple_of yet: add it to _OUTSIDE"
    schema = json.loads((SCHEMAS / f"{stem}.schema.json").read_text(encoding="utf-8"))
    is_root = model is FILE_MODELS[stem]
    if not is_root:
        assert model.__name__ in schema["$defs"], f"{model.__name__} is not a definition of {stem}"
    pointer = ("#" if is_root else f"#/$defs/{model.__name__}") + f"/properties/{field}"
    keyword, outside = _OUTSIDE[type(bound)]
    value = wrap(outside(bound))
    validator = jsonschema.Draft202012Validator({"$defs": schema.get("$defs", {}), "$ref": pointer}
                                                if not is_root else {**schema, "$ref": pointer})
    errors = list(validator.iter_errors(value))
    assert errors, f"{stem}: {model.__name__}.{field} = {value!r} passes the schema"
    assert keyword in set().union(*map(_keywords, errors)), [e.message for e in errors]


def test_pydantic_bound_names_never_reach_a_schema():
    """Only JSON Schema keywords (plus pydantic's `discriminator`, an annotation that
    validators ignore and that loses nothing: the oneOf beside it holds the rule)."""
    keywords = set(jsonschema.Draft202012Validator.VALIDATORS) | {
        "$schema", "$defs", "$ref", "title", "description", "default", "format", "examples",
        "discriminator"}

    def unknown(node):
        if isinstance(node, list):
            for item in node:
                yield from unknown(item)
        elif isinstance(node, dict):
            for key, value in node.items():
                if key not in keywords:
                    yield key
                elif key in ("properties", "$defs", "patternProperties"):
                    for sub in value.values():
                        yield from unknown(sub)
                elif key not in ("default", "const", "enum", "examples", "discriminator", "required"):
                    yield from unknown(value)

    found = {stem: sorted(set(unknown(json.loads((SCHEMAS / f"{stem}.schema.json").read_text(encoding="utf-8")))))
             for stem in FILE_MODELS}
    assert found == {stem: [] for stem in FILE_MODELS}


def test_out_of_range_sample_is_underlined(tmp_path):
    """The issue's examples, as the editor sees them: fiscal_year 1200 and amount -5."""
    text = (SEED_DATA / "donations.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    first = data["donations"][0]
    assert isinstance(first["fiscal_year"], int) and isinstance(first["amount"], int)
    (tmp_path / "schemas").symlink_to(SCHEMAS)
    (tmp_path / "data").mkdir()
    path = tmp_path / "data" / "donations.yaml"
    lines = text.splitlines(keepends=True)
    # the first fiscal_year and amount lines of the file belong to the first donation
    for key, bad in (("fiscal_year", "1200"), ("amount", "-5")):
        i = next(n for n, line in enumerate(lines) if line.strip().startswith(f"{key}:"))
        lines[i] = lines[i].split(":")[0] + f": {bad}\n"
    path.write_text("".join(lines), encoding="utf-8")
    errors = schema_errors(path)
    assert any("donations.0.fiscal_year: 1200 is less than the minimum of 1989" in e for e in errors), errors
    assert any("donations.0.amount: -5 is not valid under any of the given schemas" in e for e in errors), errors
