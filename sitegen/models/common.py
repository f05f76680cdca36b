"""Field types shared by every data file.

Each type refuses what PyYAML's YAML 1.1 reading would silently change
(`no` -> False, `0123` -> 83, `1:30` -> 90, bare dates) and raises a
`sitegen` error carrying the Japanese and English message, which
`sitegen.validate` turns into a one-line DataError.
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field
from pydantic_core import PydanticCustomError

from ..dates import parse_japanese_date
from ..money import parse_yen_text


def fail(ja: str, en: str, hint_ja: str = "", hint_en: str = "") -> PydanticCustomError:
    return PydanticCustomError("sitegen", en, {"ja": ja, "en": en, "hint_ja": hint_ja, "hint_en": hint_en})


class Strict(BaseModel):
    """Unknown keys are typos: refuse them. Values are never coerced behind the editor's back."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)

    def __getstate__(self) -> dict:
        """Pickled (the validated data each language's page generation reads, sitegen.build)
        with one shared copy of each distinct set of fields given. Otherwise every model
        brings back a set of its own: a fifth of the loaded data's memory (measured at
        10,000 projects: 770 MB -> 600 MB). Models are frozen, so nothing adds to these sets."""
        state = super().__getstate__()
        given = frozenset(state["__pydantic_fields_set__"])
        state["__pydantic_fields_set__"] = _FIELDS_GIVEN.setdefault(given, given)
        return state


_FIELDS_GIVEN: dict[frozenset, frozenset] = {}


# --- Text ---------------------------------------------------------------------

_HTML_TAG = re.compile(r"<\s*/?\s*[A-Za-z!?]")


def _typed_as(value: Any) -> str:
    if isinstance(value, bool):
        return "真偽値(yes/no/on/off) / a yes/no value"
    if isinstance(value, (int, float)):
        return "数値 / a number"
    if isinstance(value, dt.date):
        return "日付 / a date"
    if isinstance(value, (list, dict)):
        return "一覧や項目 / a list or mapping"
    return "文字列以外 / not text"


def _text(value: Any) -> str:
    if value is None:
        raise fail("文章がありません", "text is missing")
    if not isinstance(value, str):
        raise fail("文章は引用符(\")で囲んでください", "quote this text with \"…\"",
                   f"YAMLが{_typed_as(value).split(' / ')[0]}として読みました",
                   f"YAML read it as {_typed_as(value).split(' / ')[1]}")
    value = value.strip()
    if not value:
        raise fail("文章が空です", "text is empty")
    if _HTML_TAG.search(value):
        raise fail("HTMLタグは使えません", "raw HTML is not allowed",
                   "Markdownで書いてください", "write Markdown instead")
    return value


Str = Annotated[str, BeforeValidator(_text), Field(description="文章 / text")]
"""One line or paragraph of text in one language, never a YAML number/boolean/date."""


class Text(Strict):
    """Bilingual text. `ja` is required; a missing `en` falls back to Japanese, marked lang="ja"."""

    # What the editor shows on hover (the docstring above is for developers).
    model_config = ConfigDict(json_schema_extra={
        "description": "日本語(ja、必須)と英語(en、省略可)の文章 / text in Japanese (ja, required) and English (en, optional)"})

    ja: Str = Field(description="日本語 / Japanese")
    en: Str | None = Field(default=None, description="英語(省略すると日本語を表示) / English (Japanese is shown when missing)")

    def get(self, lang: str) -> tuple[str, str]:
        """(text, language of that text) for a page in `lang`."""
        if lang == "en" and self.en:
            return self.en, "en"
        return self.ja, "ja"


# --- Identifiers and addresses ---------------------------------------------------

_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")


def _id(value: Any) -> str:
    if not isinstance(value, str):
        value = str(value) if isinstance(value, int) and not isinstance(value, bool) else value
        if not isinstance(value, str):
            raise fail("idは英小文字・数字・ハイフンで書いてください", "write the id with a-z, 0-9 and '-'")
    if not _ID.match(value):
        suggestion = re.sub(r"[^a-z0-9-]+", "-", value.lower()).strip("-")
        raise fail("idは英小文字・数字・ハイフンで書いてください", "write the id with a-z, 0-9 and '-'",
                   f"例: {suggestion}" if suggestion else "", f"e.g. {suggestion}" if suggestion else "")
    return value


Id = Annotated[str, BeforeValidator(_id), Field(description="英小文字・数字・ハイフン / a-z, 0-9, '-'",
                                                 pattern=_ID.pattern, json_schema_extra={"pattern": _ID.pattern})]

_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")


def _url(value: Any) -> str:
    value = _text(value)
    if " " in value or "\u3000" in value:
        raise fail("アドレスに空白が含まれています", "the address contains a space")
    slip = re.match(r"^(https?)(?::/|//|:(?!//))(?P<rest>[^/].*)$", value, re.IGNORECASE)
    if slip:  # https//x, https:/x, https:x: a slip in the "://", not a relative link
        fixed = f"{slip.group(1).lower()}://{slip.group('rest')}"
        raise fail("アドレスは https:// で始めてください", "the address must start with https://",
                   f"例: {fixed}", f"e.g. {fixed}")
    scheme = _SCHEME.match(value)
    if scheme:
        name = scheme.group(1).lower()
        if name in ("https", "http"):
            if not re.match(r"^https?://[^/\s]+\.[^/\s]+", value):
                raise fail("ウェブアドレスの形が正しくありません", "malformed web address")
            return value
        if name == "mailto":
            if not re.match(r"^mailto:[^@\s]+@[^@\s]+\.[^@\s]+$", value):
                raise fail("メールアドレスの形が正しくありません", "malformed mailto address")
            return value
        raise fail("アドレスは https:// で始めてください", "the address must start with https://",
                   f"{name}: は使えません", f"'{name}:' links are not allowed")
    if value.startswith("//"):
        raise fail("アドレスは https:// で始めてください", "the address must start with https://")
    if value.startswith("www.") or re.match(r"^[a-z0-9-]+(\.[a-z0-9-]+)+(/|$)", value):
        raise fail("アドレスは https:// で始めてください", "the address must start with https://",
                   f"例: https://{value}", f"e.g. https://{value}")
    return value  # a relative link to a file in the site


Url = Annotated[str, BeforeValidator(_url),
                Field(description="アドレス(https://、http://、mailto: で始まるもの、またはサイト内の相対パス) / "
                                  "an https, http or mailto address, or a relative link inside the site")]


def _email(value: Any) -> str:
    value = _text(value)
    if not re.match(r"^[^@\s]+@[^@\s]+\.[A-Za-z]{2,}$", value):
        raise fail("メールアドレスの形が正しくありません", "malformed email address")
    return value


Email = Annotated[str, BeforeValidator(_email), Field(description="メールアドレス / email address")]


# The shape of a number, not anyone's number (the code names no city: tests/test_no_city_in_code.py).
_PHONE_EXAMPLE = "012-345-6789"


def _phone(value: Any) -> str:
    value = _text(value)
    if not re.match(r"^0\d{1,4}-\d{1,4}-\d{3,4}$", value):
        raise fail(f"電話番号は {_PHONE_EXAMPLE} のように半角数字とハイフンで書いてください",
                   f"write the phone number like {_PHONE_EXAMPLE}")
    return value


Phone = Annotated[str, BeforeValidator(_phone),
                  Field(description=f"電話番号 例: {_PHONE_EXAMPLE} / phone number, e.g. {_PHONE_EXAMPLE}")]


# --- Dates and amounts --------------------------------------------------------------

def _date(value: Any) -> dt.date:
    if isinstance(value, dt.datetime):
        raise fail("日付だけを書いてください(時刻は不要です)", "write the date only, without a time")
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        if re.match(r"^\d{4}-\d{2}-\d{2}$", value):
            try:
                return dt.date.fromisoformat(value)
            except ValueError:
                raise fail("存在しない日付です", "this date does not exist")
        guess = parse_japanese_date(value)
        if guess:
            raise fail("日付はYYYY-MM-DD形式で書いてください", "write the date as YYYY-MM-DD",
                       f"例: {guess.isoformat()}", f"e.g. {guess.isoformat()}")
    raise fail("日付はYYYY-MM-DD形式で書いてください", "write the date as YYYY-MM-DD")


Date = Annotated[dt.date, BeforeValidator(_date),
                 Field(description="日付 YYYY-MM-DD(例: 2024-04-01) / date as YYYY-MM-DD (e.g. 2024-04-01)")]


def _yen(value: Any) -> int:
    if isinstance(value, bool) or isinstance(value, float):
        raise fail("金額は円単位の整数で書いてください", "write the amount as a whole number of yen")
    if isinstance(value, str):
        guess = parse_yen_text(value)
        hint = (f"例: {guess}", f"e.g. {guess}") if guess is not None else ("", "")
        raise fail("金額は単位やカンマを付けずに円単位の整数で書いてください",
                   "write the amount in yen as a plain integer, without units or commas", *hint)
    if not isinstance(value, int):
        raise fail("金額は円単位の整数で書いてください", "write the amount as a whole number of yen")
    if value < 0:
        raise fail("金額は0以上で書いてください", "the amount cannot be negative")
    return value


Yen = Annotated[int, BeforeValidator(_yen),
                Field(ge=0, description="金額(円)、単位やカンマなしの整数 例: 30000000 / amount in yen, a plain integer, e.g. 30000000")]


def _fiscal_year(value: Any) -> int:
    if isinstance(value, str) and re.match(r"^\d{4}$", value.strip()):
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int):
        raise fail("年度は西暦4桁の数字で書いてください(例: 2024)", "write the fiscal year as four digits (e.g. 2024)")
    if not 1989 <= value <= 2100:
        raise fail("年度は1989から2100の間で書いてください", "the fiscal year must be between 1989 and 2100")
    return value


FiscalYear = Annotated[int, BeforeValidator(_fiscal_year),
                       Field(ge=1989, le=2100, description="年度(西暦) / fiscal year starting in April, e.g. 2024")]


def _flag(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    raise fail("true か false で書いてください", "write true or false")


Flag = Annotated[bool, BeforeValidator(_flag), Field(description="true または false / true or false")]


# --- Codes of a fixed vocabulary ---------------------------------------------------
# A vocabulary is {code: Japanese label}, written once where it belongs (the English is in the
# UI catalog, sitegen/i18n.py). Codes are stable English words used in URLs, data-* attributes
# and open data; the Japanese staff might type is accepted as a hint, not as a value.


def code_of(vocabulary: dict[str, str], what_ja: str, what_en: str, aliases: dict[str, str] | None = None):
    """A BeforeValidator's function: the value must be one of the vocabulary's codes. The message
    names the allowed codes, or, for Japanese that an alias (a word it contains) points to, the code
    to write instead; aliases are tried in their order, so a longer word goes before its part."""
    listed_ja = "、".join(f"{k}({ja})" for k, ja in vocabulary.items())
    listed_en = ", ".join(vocabulary)

    def check(value: Any) -> str:
        if isinstance(value, str) and value in vocabulary:
            return value
        hint_ja, hint_en = f"使える値: {listed_ja}", f"allowed: {listed_en}"
        if isinstance(value, str):
            for alias, key in (aliases or {}).items():
                if alias in value and key in vocabulary:
                    hint_ja, hint_en = f"「{value}」なら {key} と書いてください", f"for '{value}' write {key}"
                    break
        raise fail(f"知らない{what_ja}です", f"unknown {what_en}", hint_ja, hint_en)
    return check
