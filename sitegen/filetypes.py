"""What a downloadable file really is, read from its first bytes and its size.

Pages show 「PDF・2.1MB」 / "PDF, 2.1 MB" next to a download link. Staff never type
that label: it is computed from the file at build time, so it cannot go stale, and a
file whose content does not match its extension (a Word file renamed .pdf, an HTML
error page saved as .pdf) is refused before it reaches readers.
"""
from __future__ import annotations

import difflib
import math
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from .i18n import translator

if TYPE_CHECKING:
    from .errors import DataError
    from .yamlload import Loaded

# The folder of the repository that `file:` in the data is relative to.
FILES_DIR = "content/files"


class FileTypeError(ValueError):
    """A file that is not what its extension says (or of a type not published), in both languages."""

    def __init__(self, ja: str, en: str, hint_ja: str | None = None, hint_en: str | None = None):
        super().__init__(en)
        self.ja, self.en, self.hint_ja, self.hint_en = ja, en, hint_ja, hint_en


def _starts_with(*magics: bytes) -> Callable[[Path, bytes], bool]:
    return lambda path, head: any(head.startswith(m) for m in magics)


def _office(folder: str) -> Callable[[Path, bytes], bool]:
    """docx/xlsx/pptx are zip files holding [Content_Types].xml and a word/, xl/ or ppt/ folder."""
    def check(path: Path, head: bytes) -> bool:
        if not head.startswith(b"PK\x03\x04"):
            return False
        try:
            with zipfile.ZipFile(path) as z:
                names = z.namelist()
        except zipfile.BadZipFile:
            return False
        return "[Content_Types].xml" in names and any(n.startswith(folder) for n in names)
    return check


def _utf8_text(path: Path, head: bytes) -> bool:
    try:
        path.read_bytes().decode("utf-8")
    except UnicodeDecodeError:
        return False
    return b"\x00" not in head


@dataclass(frozen=True)
class Kind:
    label: str  # what readers see: PDF, Word, Excel …
    check: Callable[[Path, bytes], bool]


# Extension -> what the file must be. Only types a city publishes as downloads.
KINDS: dict[str, Kind] = {
    "pdf": Kind("PDF", _starts_with(b"%PDF-")),
    "docx": Kind("Word", _office("word/")),
    "xlsx": Kind("Excel", _office("xl/")),
    "pptx": Kind("PowerPoint", _office("ppt/")),
    "zip": Kind("ZIP", _starts_with(b"PK\x03\x04", b"PK\x05\x06")),
    "png": Kind("PNG", _starts_with(b"\x89PNG\r\n\x1a\n")),
    "jpg": Kind("JPEG", _starts_with(b"\xff\xd8\xff")),
    "jpeg": Kind("JPEG", _starts_with(b"\xff\xd8\xff")),
    "csv": Kind("CSV", _utf8_text),
    "txt": Kind("TXT", _utf8_text),
}


@dataclass(frozen=True)
class FileInfo:
    label: str  # "PDF"
    size: int  # bytes

    def describe(self, lang: str) -> str:
        """「PDF・2.1MB」 / "PDF, 2.1 MB"."""
        size = format_size(self.size, lang)
        _ = translator(lang)
        return _("{kind}・{size}").format(kind=self.label, size=size)


def inspect(path: Path) -> FileInfo:
    """Type and size of a local file.

    FileTypeError when it is not what its extension says; FileNotFoundError when it is
    not there (the data check words that one: `file_not_found_error`).
    """
    ext = path.suffix.lower().lstrip(".")
    kind = KINDS.get(ext)
    if kind is None:
        known = ", ".join(sorted(KINDS))
        raise FileTypeError(f"拡張子「.{ext}」のファイルは掲載できません", f"files ending in '.{ext}' cannot be published",
                            f"使える拡張子: {known}", f"allowed: {known}")
    if not path.is_file():
        raise FileNotFoundError(path)
    with path.open("rb") as f:
        head = f.read(16)
    if not kind.check(path, head):
        raise FileTypeError(f"ファイルの中身が{kind.label}ではありません", f"the file's content is not {kind.label}",
                            "拡張子と中身が合っているか確認してください",
                            "check that the file really is what its extension says")
    return FileInfo(kind.label, path.stat().st_size)


def file_not_found_error(loaded: "Loaded", loc: tuple, record: str, written: str, root: Path) -> "DataError":
    """A file named in the data (a result-report PDF) that is not where it was looked for.

    `record` is the id of the record naming it; `written` is the path as typed in the
    data, relative to FILES_DIR: 'reports/x.pdf' is looked for in content/files/reports/.
    The hint names the folder that was searched and, when one is close, the file that
    was probably meant, so the editor can either fix the name or upload the file.
    """
    searched = Path(FILES_DIR) / Path(written).parent
    where = searched.as_posix() + "/"
    folder = root / searched
    present = sorted(p.name for p in folder.iterdir() if p.is_file()) if folder.is_dir() else []
    close = difflib.get_close_matches(Path(written).name, present, n=1, cutoff=0.6)
    if close:
        hint_ja = f"{where} を探しました。「{close[0]}」の誤りではありませんか"
        hint_en = f"searched {where}; did you mean '{close[0]}'?"
    else:
        hint_ja = f"{where} を探しました。ファイルをこのフォルダに置くか、名前を直してください"
        hint_en = f"searched {where}; put the file in that folder or correct the name"
    return loaded.error(loc, f"{record}: ファイル「{written}」が見つかりません",
                        f"{record}: the file '{written}' was not found", repr(written), hint_ja=hint_ja, hint_en=hint_en)


def format_size(n: int, lang: str) -> str:
    """Size as city pages show it: whole KB (rounded up) below 1 MB, else MB with one decimal.

    1 KB = 1024 bytes, as in the sizes on the city's own pages (PDF -3,077KB).
    """
    if n < 1024 * 1024:
        value = f"{max(1, math.ceil(n / 1024)):,}"
        unit = "KB"
    else:
        tenths = math.floor(n * 10 / (1024 * 1024) + 0.5)  # half up, not banker's rounding
        value = f"{tenths // 10:,}.{tenths % 10}"
        unit = "MB"
    _ = translator(lang)
    return _("{value}{unit}").format(value=value, unit=unit)
