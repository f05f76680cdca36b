"""data/news.yaml: news items (新着ニュース) shown on the home page, the archive and the feeds."""
from __future__ import annotations

from pydantic import Field

from .common import Date, Id, Strict, Text, Url


class NewsItem(Strict):
    id: Id
    date: Date = Field(description="掲載日(YYYY-MM-DD) / date of the news (YYYY-MM-DD)")
    title: Text = Field(description="見出し / headline")
    body: Text | None = Field(default=None, description="本文(Markdown) / body (limited Markdown)")
    link: Url | None = Field(default=None, description="詳しい情報のアドレス / address with more information")
    link_label: Text | None = Field(default=None, description="リンクの文言(省略時はアドレス) / link text (the address when omitted)")
    projects: list[Id] = Field(default_factory=list, description="関連プロジェクトのid / related project ids")
    calls: list[Id] = Field(default_factory=list, description="関連する公募のid / related call ids")


class NewsFile(Strict):
    news: list[NewsItem] = Field(default_factory=list)
