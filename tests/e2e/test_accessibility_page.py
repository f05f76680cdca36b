"""The accessibility policy page (content/*/accessibility.md): what it must and must not say."""
from __future__ import annotations

from tests.html import parse


def test_accessibility_page_states_target_scope_method_and_no_conformance_claim(seed_site):
    ja = " ".join(parse(seed_site / "accessibility" / "index.html").find("article").text().split())
    en = " ".join(parse(seed_site / "en" / "accessibility" / "index.html").find("article").text().split())
    for text in (ja, en):
        assert "JIS X 8341-3:2016" in text and "AA" in text
        assert "axe-core" in text and "375 px" in text and "1280 px" in text
    assert "対象範囲" in ja and "Scope" in en
    # Automated checks alone cannot justify a conformance claim (「準拠」 only named as not made).
    assert "準拠しています" not in ja and "準拠しております" not in ja and "に準拠" not in ja
    assert "conforms to" not in en.lower()
