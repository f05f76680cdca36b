"""Checks that read the disk: the files the data names exist and are what they say.

A step of its own, after the data has been validated (load_dataset runs it unless told not
to): the models only describe the data, and the data can be checked without the files.
Today the files are the result reports of data/projects.yaml, under content/files/.
"""
from __future__ import annotations

from .dataset import Dataset
from .errors import DataError
from .filetypes import FILES_DIR, FileTypeError, file_not_found_error, inspect
from .models.projects import FileReport, report_file_path


def check_files(ds: Dataset) -> list[DataError]:
    """Every mistake about the files on disk."""
    return report_files(ds)


def report_files(ds: Dataset) -> list[DataError]:
    """Each report of kind `file` names a file that exists and whose content matches its extension."""
    loaded = ds.loaded["projects"]
    errors = []
    for i, p in enumerate(ds.projects.projects):
        for j, r in enumerate(p.reports):
            if isinstance(r, FileReport):
                loc = ("projects", i, "reports", j, "file")
                try:
                    inspect(report_file_path(ds.root, r))
                except FileNotFoundError:
                    errors.append(file_not_found_error(loaded, loc, p.id, r.file, ds.root))
                except FileTypeError as exc:
                    errors.append(loaded.error(loc, f"{p.id}: {exc.ja}", f"{p.id}: {exc.en}",
                                               repr(f"{FILES_DIR}/{r.file}"), hint_ja=exc.hint_ja, hint_en=exc.hint_en))
    return errors
