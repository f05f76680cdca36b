"""The validated data of one project: each data file's model, by its stem.

`load_dataset` (sitegen.validate) makes it; everything after reads it. The files are held
in one dict, so a new kind of record (sitegen.kinds) needs no new field here, and read as
attributes (`ds.projects` is the model of data/projects.yaml). Pickled by `build` for the
language runs: a plain dataclass of models and marks, nothing that reads the disk.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

from pydantic import BaseModel

from .models.common import Text
from .yamlload import Loaded, load_yaml


@dataclass
class Dataset:
    root: Path
    files: dict[str, BaseModel | None]  # stem -> the validated model of data/<stem>.yaml
    loaded: dict[str, Loaded] = field(repr=False, default_factory=dict)
    _precise: dict[str, Loaded] = field(repr=False, default_factory=dict)

    def __getattr__(self, name: str) -> Any:
        """`ds.projects`: the model of data/projects.yaml. (Called only for names that are not
        attributes; `files` is read from __dict__, which is empty while unpickling.)"""
        files = self.__dict__.get("files")
        if files is not None and name in files:
            return files[name]
        raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")

    def precise_line_of(self, stem: str, loc: tuple) -> int:
        """Line of any value, reading the file's full marks on first use (messages only)."""
        if stem not in self._precise:
            self._precise[stem] = load_yaml(self.root / self.loaded[stem].file, self.loaded[stem].file)
        return self._precise[stem].mark(loc).line

    def line_of(self, stem: str, loc: tuple) -> int:
        """Source line of a value, for "edit this page" links and messages."""
        return self.loaded[stem].mark(loc).line

    def site_only(self) -> "Dataset":
        """The site file alone (the records set to None), for work after the pages are made:
        the per-page metadata reads only the site's contact. What MkDocs' hooks get of the
        data (the generated pages' Manifest), not the records."""
        return dataclasses.replace(self, files={stem: model if stem == "site" else None
                                                for stem, model in self.files.items()},
                                   loaded={"site": self.loaded["site"]}, _precise={})

    def without_raw_yaml(self) -> "Dataset":
        """The dataset the page builders need: the models and the marks, not the parsed YAML
        the models were made from (a second copy of every record, a fifth of the memory)."""
        return dataclasses.replace(self, loaded={stem: dataclasses.replace(loaded, data=None)
                                                 for stem, loaded in self.loaded.items()}, _precise={})


# --- Walking the records ---------------------------------------------------------------

def iter_models(value: Any, loc: tuple = ()) -> Iterator[tuple[tuple, Any]]:
    """Every model and list inside a validated model (itself first), with its data loc: parents
    before children, fields in their order (the order messages are listed in).

    A loop over a stack, not a recursive generator: nested `yield from` hands every item up
    through each level above it, which cost 0.7 CPU s at 1,000 records (3.6 million
    resumptions for 0.45 million items), twice per build. Text and number values are not
    visited: nothing asks for them. A model's fields are read from its __dict__, which pydantic
    keeps in field order and which holds nothing else."""
    stack = [(loc, value)]
    while stack:
        loc, value = stack.pop()
        if isinstance(value, BaseModel):
            children = [(loc + (name,), v) for name, v in value.__dict__.items() if isinstance(v, _CONTAINERS)]
        elif isinstance(value, (list, tuple)):
            children = [(loc + (i,), v) for i, v in enumerate(value) if isinstance(v, _CONTAINERS)]
        else:
            continue
        yield loc, value
        stack.extend(reversed(children))


_CONTAINERS = (BaseModel, list, tuple)


def missing_translations(model: BaseModel) -> list[tuple]:
    """Locs of every bilingual text without English (reported as information)."""
    return [loc for loc, v in iter_models(model) if isinstance(v, Text) and not v.en]
