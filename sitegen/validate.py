"""Load and check every data file; return a Dataset or raise DataErrors listing all mistakes.

Order of checks: YAML syntax (per file) -> types and required fields (pydantic,
per file) -> ids unique within each list -> references between files -> the files on
disk the data names (sitegen.disk_checks). All mistakes of the run are collected before
anything is raised. Which files there are, and their models, is sitegen.kinds' list.
"""
from __future__ import annotations

import contextlib
import difflib
import gc
import types
import typing
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from .dataset import Dataset, iter_models, missing_translations  # noqa: F401 (re-exported)
from .disk_checks import check_files
from .errors import BilingualValueError, DataError, DataErrors, format_path  # noqa: F401 (re-exported)
from .kinds import FILE_MODELS, kinds  # noqa: F401 (FILE_MODELS re-exported)
from .models.common import Text
from .references import check_references
from .yamlload import Loaded, load_yaml


# --- Turning pydantic errors into DataErrors ----------------------------------------

def _unwrap(t: Any) -> Any:
    while True:
        origin = typing.get_origin(t)
        if origin is typing.Annotated:
            t = typing.get_args(t)[0]
        elif origin in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(t) if a is not type(None)]
            if len(args) != 1:
                return t
            t = args[0]
        else:
            return t


def _union_member(t: Any, tag: str) -> Any:
    """The member of a discriminated union whose `kind` (or other literal) equals tag."""
    for member in typing.get_args(t):
        member = _unwrap(member)
        if isinstance(member, type) and issubclass(member, BaseModel):
            for f in member.model_fields.values():
                if typing.get_origin(f.annotation) is typing.Literal and tag in typing.get_args(f.annotation):
                    return member
    return None


def _walk(model: type[BaseModel], loc: tuple) -> tuple[tuple, Any]:
    """Follow pydantic's error loc through the model types.

    Returns the loc as it is in the data (discriminator tags that pydantic inserts
    dropped) and the type found at the end (None when the loc leaves the model).
    """
    t: Any = model
    data_loc: list = []
    for part in loc:
        t = _unwrap(t)
        if isinstance(part, int):
            args = typing.get_args(t)
            t = args[0] if args else None
            data_loc.append(part)
        elif isinstance(t, type) and issubclass(t, BaseModel):
            f = t.model_fields.get(part)
            t = f.annotation if f else None
            data_loc.append(part)
        elif typing.get_origin(t) in (typing.Union, types.UnionType) and _union_member(t, part):
            t = _union_member(t, part)  # a tag pydantic put in the loc: not in the data
        elif typing.get_origin(t) is dict:
            t = typing.get_args(t)[1]
            data_loc.append(part)
        else:
            data_loc.append(part)
            t = None
    return tuple(data_loc), _unwrap(t) if t is not None else None


def _describe(value: Any) -> str:
    if isinstance(value, (dict, list)):
        return type(value).__name__
    return repr(value)


def _translate(loaded: Loaded, model: type[BaseModel], err: dict) -> DataError:
    kind = err["type"]
    ctx = err.get("ctx") or {}
    data_loc, _ = _walk(model, err["loc"])
    source = loaded.marks.get(data_loc)
    got = repr(source.source) if source and source.source else _describe(err.get("input"))
    if kind == "sitegen":
        return loaded.error(data_loc, ctx["ja"], ctx["en"], got,
                            hint_ja=ctx.get("hint_ja") or None, hint_en=ctx.get("hint_en") or None)
    name = data_loc[-1] if data_loc else ""
    if kind == "missing":
        _, parent = _walk(model, err["loc"][:-1])
        if parent is Text and name == "ja":
            return loaded.error(data_loc[:-1], "日本語の文章(ja)がありません", "the Japanese text ('ja') is missing",
                                hint_ja="「ja: 」の行に日本語を書いてください(英語の en は省略できます)",
                                hint_en="add a 'ja:' line with the Japanese text ('en' is optional, 'ja' is not)")
        return loaded.error(data_loc[:-1], f"必須の項目「{name}」がありません", f"required field '{name}' is missing",
                            hint_ja=f"「{name}: 」の行を加えてください", hint_en=f"add a '{name}:' line")
    if kind == "extra_forbidden":
        _, parent = _walk(model, err["loc"][:-1])
        allowed = list(parent.model_fields) if isinstance(parent, type) and issubclass(parent, BaseModel) else []
        close = difflib.get_close_matches(str(name), allowed, n=1, cutoff=0.6)
        key_loc = data_loc + ("__key__",)
        hint = ({"hint_ja": f"「{close[0]}」の誤りではありませんか", "hint_en": f"did you mean '{close[0]}'?"}
                if close else {"hint_ja": "使える項目: " + ", ".join(allowed),
                               "hint_en": "allowed: " + ", ".join(allowed)} if allowed else {})
        m = loaded.marks.get(key_loc) or loaded.mark(data_loc)
        return DataError(loaded.file, m.line, m.column, format_path(data_loc),
                         f"知らない項目名「{name}」です", f"unknown field '{name}'", None, **hint)
    if kind in ("literal_error", "union_tag_invalid", "enum"):
        expected = ctx.get("expected") or ctx.get("expected_tags") or ""
        return loaded.error(data_loc, f"次のいずれかを書いてください: {expected}",
                            f"expected one of: {expected}", got)
    if kind == "union_tag_not_found":
        tag = ctx.get("discriminator", "kind")
        return loaded.error(data_loc, f"必須の項目「{tag}」がありません", f"required field {tag} is missing")
    if kind in ("model_type", "dict_type", "model_attributes_type") and isinstance(err.get("input"), str) \
            and _walk(model, err["loc"])[1] is Text:
        return loaded.error(data_loc, "文章は ja:(日本語)と en:(英語)の2行に分けて書いてください",
                            "write the text as two lines, ja: (Japanese) and en: (English)", got,
                            hint_ja=f"次の行に半角スペース2つで字下げして「ja: {err['input']}」",
                            hint_en=f"on the next line, indented by two spaces: 'ja: {err['input']}'")
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return loaded.error(data_loc, "項目(キー: 値)の形で書いてください", "expected a mapping of 'key: value'", got)
    if kind == "list_type":
        return loaded.error(data_loc, "「- 」で始まる一覧で書いてください", "expected a list of '- ' items", got)
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return loaded.error(data_loc, "整数で書いてください", "expected a whole number", got)
    if kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        return loaded.error(data_loc, f"値の範囲外です({err['msg']})", err["msg"].lower(), got)
    if kind in ("bool_type", "bool_parsing"):
        return loaded.error(data_loc, "true か false で書いてください", "write true or false", got)
    if kind == "string_pattern_mismatch":
        return loaded.error(data_loc, "書き方が正しくありません", f"does not match {ctx.get('pattern')}", got)
    # A check written as a model validator (e.g. "end before start") reports in its own words.
    if kind == "value_error" and isinstance(ctx.get("error"), BilingualValueError):
        e = ctx["error"]
        return loaded.error(data_loc + e.subpath, e.ja, e.en, None, hint_ja=e.hint_ja, hint_en=e.hint_en)
    return loaded.error(data_loc, "値が正しくありません", err["msg"], got)


# --- Checks across records ---------------------------------------------------------

def _duplicate_ids(stem: str, model: BaseModel, loaded: Loaded) -> list[DataError]:
    errors = []
    for loc, value in iter_models(model):
        if isinstance(value, list) and value and all(hasattr(v, "id") for v in value):
            first: dict[str, int] = {}
            for i, item in enumerate(value):
                if item.id in first:
                    line = loaded.mark(loc + (first[item.id], "id")).line
                    errors.append(loaded.error(loc + (i, "id"), f"id「{item.id}」は{line}行目でも使われています",
                                               f"the id '{item.id}' is already used on line {line}",
                                               hint_ja=f"別のidにしてください(例: {item.id}-2)",
                                               hint_en=f"choose another id (e.g. {item.id}-2)"))
                else:
                    first[item.id] = i
    return errors


# --- Entry point -----------------------------------------------------------------------

def validate_file(loaded: Loaded, model: type[BaseModel]) -> tuple[BaseModel | None, list[DataError]]:
    """Check one loaded file against its model: types, required fields, unique ids."""
    try:
        validated = model.model_validate(loaded.data if loaded.data is not None else {})
    except ValidationError as exc:
        return None, [_translate(loaded, model, e) for e in exc.errors()]
    return validated, _duplicate_ids("", validated, loaded)


# Marks kept while reading valid data: each record's first line (for "edit this page").
# Keeping every value's mark costs as much as parsing; messages need them, so a run that
# finds any mistake reads the files again with every mark before reporting.
RECORD_MARKS_DEPTH = 2


def load_dataset(root: Path, data_dir: str = "data", precise: bool = False, files: bool = True) -> Dataset:
    """Every data file of sitegen.kinds, read and checked. files=False leaves out the step that
    reads the disk (sitegen.disk_checks: the files the data names), to check the data alone."""
    with collector_paused():
        try:
            return _load_dataset(root, data_dir, None if precise else RECORD_MARKS_DEPTH, files)
        except DataErrors:
            if precise:
                raise
            return _load_dataset(root, data_dir, None, files)  # raises again, with exact positions


@contextlib.contextmanager
def collector_paused():
    """Python's cycle collector off while the data is read: parsing makes hundreds of thousands
    of objects that all stay alive (YAML nodes, marks, records), and the collector, started
    again and again by their number, walked them all each time it reached the oldest generation:
    half of the validation's CPU at 1,000 records (6.0 -> 3.1 s, same peak memory). What is
    made here holds no reference cycles to wait for; the collector runs again afterwards.
    The build pauses it too while it pickles the records (sitegen_mkdocs/build.py)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _load_dataset(root: Path, data_dir: str, marks_depth: int | None, files: bool) -> Dataset:
    errors: list[DataError] = []
    models: dict[str, BaseModel] = {}
    loaded_files: dict[str, Loaded] = {}
    for kind in kinds():
        shown = f"{data_dir}/{kind.stem}.yaml"
        try:
            loaded = load_yaml(root / data_dir / f"{kind.stem}.yaml", shown, marks_depth)
        except DataErrors as exc:
            errors.extend(exc.errors)
            continue
        loaded_files[kind.stem] = loaded
        validated, file_errors = validate_file(loaded, kind.model)
        errors.extend(file_errors)
        if validated is not None:
            models[kind.stem] = validated
    if errors:
        raise DataErrors(errors)
    ds = Dataset(root=root, files=models, loaded=loaded_files)
    errors.extend(check_references(ds))
    if files:  # a step of its own: the models describe the data, this looks at the disk
        errors.extend(check_files(ds))
    if errors:
        raise DataErrors(errors)
    return ds
