"""data/site.yaml: settings of the site and the program it describes."""
from __future__ import annotations

from pydantic import Field

from .common import Phone, Str, Strict, Text, Url


class Contact(Strict):
    department: Text = Field(description="担当課 / responsible department")
    address: Text | None = None
    phone: Phone | None = None
    fax: Phone | None = None
    email: Str | None = None
    inquiry_form: Url | None = Field(default=None, description="お問い合わせフォームのアドレス / the city's inquiry form")


class PageText(Strict):
    """What a page made from the data says about the program, in the site's own words
    (the code names no city or program: tests/test_no_city_in_code.py)."""

    description: Text | None = Field(
        default=None, description="ページの説明(検索結果やリンクのプレビューに表示。書かなければサイト全体の説明) / "
                                  "the page's description, shown in search results and link previews "
                                  "(the site's description when left out)")


class ListingText(PageText):
    intro: Text | None = Field(
        default=None, description="一覧の最初に表示する文(書かなければ表示しない) / "
                                  "the sentence that opens the listing (none when left out)")


class NewsText(ListingText):
    recent_note: Text | None = Field(
        default=None, description="トップページの新着ニュースの下に表示する注記(書かなければ表示しない) / "
                                  "a note under the recent news on the home page (none when left out)")


class PageTexts(Strict):
    projects: ListingText = Field(default_factory=ListingText,
                                  description="認定プロジェクトの一覧 / the certified projects listing")
    news: NewsText = Field(default_factory=NewsText, description="ニュースの一覧 / the news archive")
    donations: PageText = Field(default_factory=PageText, description="寄附実績 / the donation history")


class Site(Strict):
    name: Text = Field(description="サイト名 / site name")
    organisation: Text = Field(description="運営する自治体 / the municipality")
    contact: Contact
    news_window_months: int = Field(default=3, ge=1, le=24, description="新着ニュースの表示期間(月) / months of recent news on the home page")
    closing_soon_days: int = Field(
        default=7, ge=1, le=60,
        description="公募の各回の締切前、「締切間近」と表示する日数(締切日を含む) / "
                    "days before a round's deadline, deadline day included, that calls show \"closing soon\"")
    license: Text = Field(description="オープンデータのライセンス / open-data license")
    license_url: Url | None = None
    pages: PageTexts = Field(default_factory=PageTexts,
                             description="ページごとの説明と導入文 / each page's description and opening text")


class SiteFile(Strict):
    site: Site
