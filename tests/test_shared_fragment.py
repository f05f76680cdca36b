"""Issue 18, item 4: a fragment shown alike on many pages is rendered once (render.SharedFragment).

The project cards of the listing pages are rendered once per language and placed on the full
listing and on every filter page; only their link differs from page to page."""
from __future__ import annotations

import datetime as dt

import jinja2
import pytest

from sitegen import render
from sitegen.context import BuildContext
from sitegen.models.common import Text
from sitegen.validate import load_dataset
from tests.sitebuild import SEED

TEMPLATES = {
    "card.j2": '<li data-n="{{ n }}"><a href="{{ href }}">{{ L.text(title) }}</a></li>',
    "bad.j2": '<a href="{{ L.href("about/") }}">x</a>',
}


@pytest.fixture()
def ctx(monkeypatch):
    env = jinja2.Environment(loader=jinja2.DictLoader(TEMPLATES), autoescape=True, undefined=jinja2.StrictUndefined)
    monkeypatch.setattr(render, "_env", lambda lang: env)
    return BuildContext(ds=load_dataset(SEED), lang="en", today=dt.date(2025, 4, 15))


def test_rendered_once_per_key_with_each_pages_own_link(ctx):
    card = render.SharedFragment("card.j2", ctx)
    listing = render.Localizer(ctx, "projects/")
    filtered = render.Localizer(ctx, "projects/status/ongoing/")
    title = Text(ja="題", en="Title & more")
    first = card(listing, "p1", "projects/p1/", n=1, title=title)
    again = card(filtered, "p1", "projects/p1/", n=2, title=title)  # n=2 is never rendered: the key is done
    assert str(first) == '<li data-n="1"><a href="p1/">Title &amp; more</a></li>'
    assert str(again) == '<li data-n="1"><a href="../../p1/">Title &amp; more</a></li>'
    assert not listing.fell_back and not filtered.fell_back


def test_japanese_fallback_in_the_fragment_counts_for_every_page_showing_it(ctx):
    card = render.SharedFragment("card.j2", ctx)
    pages = [render.Localizer(ctx, "projects/"), render.Localizer(ctx, "projects/support/pr/")]
    for page in pages:
        html = card(page, "p2", "projects/p2/", n=1, title=Text(ja="海の肥料"))
        assert '<span lang="ja">海の肥料</span>' in str(html)
    assert all(page.fell_back for page in pages)


def test_a_page_relative_link_inside_a_shared_fragment_is_refused(ctx):
    with pytest.raises(AssertionError, match="href"):
        render.SharedFragment("bad.j2", ctx)(render.Localizer(ctx, "projects/"), "k", "projects/k/")


def test_templates_compile_once_for_both_languages(monkeypatch):
    # the second language's environment loads the first one's compiled code (render._COMPILED)
    compiled = []
    real_compile = jinja2.Environment.compile

    def counting(self, source, name=None, filename=None, raw=False, defer_init=False):
        compiled.append(name)
        return real_compile(self, source, name, filename, raw, defer_init)

    render._env.cache_clear()
    monkeypatch.setattr(render, "_COMPILED", render.InMemoryBytecodeCache())
    monkeypatch.setattr(jinja2.Environment, "compile", counting)
    try:
        render.load_templates(["ja"])
        names = sorted(compiled)
        assert len(names) >= 20 and "calls/page.md.j2" in names
        render.load_templates(["en"])
        assert sorted(compiled) == names  # nothing compiled again
        # each environment keeps its own catalog, which the shared code looks up when it runs
        assert render._env("en").from_string('{{ _("受付中") }}').render() == "Open"
        assert render._env("ja").from_string('{{ _("受付中") }}').render() == "受付中"
    finally:
        render._env.cache_clear()  # later tests get environments with the module's own cache
