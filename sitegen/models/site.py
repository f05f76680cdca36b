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


class Site(Strict):
    name: Text = Field(description="サイト名 / site name")
    organisation: Text = Field(description="運営する自治体 / the municipality")
    contact: Contact
    news_window_months: int = Field(default=3, ge=1, le=24, description="新着ニュースの表示期間(月) / months of recent news on the home page")
    license: Text = Field(description="オープンデータのライセンス / open-data license")
    license_url: Url | None = None


class SiteFile(Strict):
    site: Site
