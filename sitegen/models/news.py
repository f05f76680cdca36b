"""data/news.yaml: news items. Extended by the news issue."""
from __future__ import annotations

from pydantic import Field

from .common import Date, Id, Strict, Text, Url


class NewsItem(Strict):
    id: Id
    date: Date
    title: Text
    body: Text | None = None
    link: Url | None = None
    projects: list[Id] = Field(default_factory=list, description="関連プロジェクトのid / related project ids")


class NewsFile(Strict):
    news: list[NewsItem] = Field(default_factory=list)
