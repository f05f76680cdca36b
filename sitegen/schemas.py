"""JSON Schemas of the data files, for completion and red underlines in the editor.

Generated from the same pydantic models the validation uses (sitegen.validate.FILE_MODELS),
so the editor and `make validate` cannot disagree about which keys exist. The schemas are
committed under schemas/ (editors read them from there through the first line of each
data file, `# yaml-language-server: $schema=../schemas/<stem>.schema.json`) and a test
fails when they are stale. Regenerate with:

    python -m sitegen schemas

The schema is a help while typing; `make validate` stays the authority (it also checks
what a schema cannot say: YAML 1.1 surprises, ids referenced across files, files on disk).
"""
from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import yaml
from pydantic.json_schema import GenerateJsonSchema

from .validate import FILE_MODELS

SCHEMA_DIR = "schemas"
REGENERATE = "python -m sitegen schemas"
_JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")


class _EditorSchema(GenerateJsonSchema):
    def field_title_should_be_set(self, schema: Any) -> bool:
        return False  # "Fiscal Year" made from the key name tells the editor nothing


# pydantic writes a bound of a type with a validator before it (Annotated[int,
# BeforeValidator(...), Field(ge=0)], as Yen and FiscalYear are) under its own argument
# names: {"ge": 0}. Those are no JSON Schema keywords, so every editor and validator
# ignores them and the bound is lost. Renamed to the keywords that carry the same meaning.
PYDANTIC_BOUNDS = {"ge": "minimum", "le": "maximum", "gt": "exclusiveMinimum", "lt": "exclusiveMaximum",
                   "multiple_of": "multipleOf", "min_length": "minLength", "max_length": "maxLength"}
# Keywords whose value maps names to schemas (the names are not keywords), and keywords
# whose value is data, not a schema.
_NAMED_SCHEMAS = {"properties", "$defs", "patternProperties", "dependentSchemas"}
_DATA = {"default", "const", "enum", "examples", "discriminator", "required"}


def _json_schema_keywords(node: Any) -> Any:
    """The schema `node` with pydantic's bound names replaced by JSON Schema keywords.
    A length bound is renamed for a string only (pydantic writes lists' as minItems itself)."""
    if isinstance(node, list):
        return [_json_schema_keywords(item) for item in node]
    if not isinstance(node, dict):
        return node
    out = {}
    for key, value in node.items():
        if key in _NAMED_SCHEMAS and isinstance(value, dict):
            out[key] = {name: _json_schema_keywords(sub) for name, sub in value.items()}
        elif key in _DATA:
            out[key] = value
        elif key in PYDANTIC_BOUNDS and (not key.endswith("_length") or node.get("type") == "string"):
            keyword = PYDANTIC_BOUNDS[key]
            if keyword in node and node[keyword] != value:
                raise ValueError(f"two different bounds {key}={value!r} and {keyword}={node[keyword]!r}")
            out[keyword] = value
        else:
            out[key] = _json_schema_keywords(value)
    return out


def _drop_developer_docstrings(schema: dict) -> None:
    """Model docstrings are notes for developers, in English: hover text must be bilingual."""
    for definition in schema.get("$defs", {}).values():
        if "description" in definition and " / " not in definition["description"]:
            del definition["description"]


def schema_for(stem: str) -> dict:
    model = FILE_MODELS[stem]
    schema = _json_schema_keywords(model.model_json_schema(schema_generator=_EditorSchema))
    _drop_developer_docstrings(schema)
    header = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": f"data/{stem}.yaml",
        "description": f"data/{stem}.yaml の書き方(sitegen の検証モデルから生成。手で編集せず `{REGENERATE}` で作り直す) / "
                       f"format of data/{stem}.yaml (generated from sitegen's models; do not edit, run `{REGENERATE}`)",
    }
    schema.pop("title", None)
    schema.pop("description", None)
    return {**header, **schema}


def schema_text(stem: str) -> str:
    """Deterministic JSON: the models' field order, two-space indent, Japanese kept readable."""
    return json.dumps(schema_for(stem), ensure_ascii=False, indent=2) + "\n"


def write_schemas(root: Path) -> list[Path]:
    """Write schemas/<stem>.schema.json for every data file; return the paths written."""
    out = root / SCHEMA_DIR
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for stem in FILE_MODELS:
        path = out / f"{stem}.schema.json"
        path.write_text(schema_text(stem), encoding="utf-8")
        written.append(path)
    return written


# --- Reading YAML as the editor does ----------------------------------------------------

class EditorYamlLoader(yaml.SafeLoader):
    """YAML 1.2 core schema, as the YAML language server reads a file.

    PyYAML reads YAML 1.1 (`2024-04-01` -> date, `no` -> False); the editor does not,
    so a check of what the editor will underline must read the file its way.
    """


EditorYamlLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers
            if tag not in ("tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:bool", "tag:yaml.org,2002:int")]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
EditorYamlLoader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
                                       list("tTfF"))
EditorYamlLoader.add_implicit_resolver("tag:yaml.org,2002:int", re.compile(r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$"),
                                       list("-+0123456789"))


def schema_errors(data_file: Path, schema_root: Path | None = None) -> list[str]:
    """What the editor would underline in data_file: 'line:column path: message' lines.

    The schema is the one named on the file's first line (the yaml-language-server
    comment), resolved against the file's folder, exactly as the editor finds it.
    """
    import jsonschema  # test/tool dependency: not needed to build the site

    from .yamlload import load_yaml

    text = data_file.read_text(encoding="utf-8")
    first = text.splitlines()[0] if text else ""
    match = re.match(r"^#\s*yaml-language-server:\s*\$schema=(\S+)", first)
    if not match:
        return ["1:1: 1行目に「# yaml-language-server: $schema=…」がありません / "
                "the first line has no '# yaml-language-server: $schema=…' comment"]
    schema_path = (schema_root or data_file.parent) / match.group(1)
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    data = yaml.load(text, Loader=EditorYamlLoader)  # noqa: S506 (a SafeLoader subclass)
    if data is None:  # nothing but comments: an empty file, as `make validate` reads it
        data = {}
    loaded = load_yaml(data_file)
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    found = []
    for error in sorted(validator.iter_errors(data), key=lambda e: list(map(str, e.absolute_path))):
        loc = tuple(error.absolute_path)
        if error.validator == "additionalProperties":  # point at the unknown key itself
            extra = re.findall(r"'([^']+)' was unexpected", error.message)
            loc = loc + (extra[0], "__key__") if extra else loc
        # The nearest value that has a position, else 1:1: a file of comments only has no
        # position at all (looking further up from the top for one used to never end).
        mark = loaded.mark(loc)
        shown = ".".join(str(p) for p in error.absolute_path) or "(top)"
        found.append(f"{mark.line}:{mark.column} {shown}: {error.message}")
    return found
