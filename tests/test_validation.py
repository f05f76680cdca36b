"""Validation of the data files: one test per kind of mistake, checked message by message."""
from __future__ import annotations

import pickle

import pytest

from sitegen.validate import load_dataset
from tests.sitebuild import REPO, SEED, dataset_errors

PROJECT = """projects:
  - id: {id}
    title:
      ja: {title}
      en: Title
    summary:
      ja: 概要
"""


def test_repository_data_is_valid():
    ds = load_dataset(SEED)
    assert ds.projects.projects and ds.calls.calls


@pytest.mark.parametrize("value, typed", [("no", "yes/no"), ("yes", "yes/no"), ("off", "yes/no"),
                                          ("0123", "number"), ("1:30", "number"), ("2024-04-01", "date")])
def test_text_field_given_yaml_non_string_says_quote_it(tmp_path, value, typed):
    [e] = dataset_errors(tmp_path, projects=PROJECT.format(id="a", title=value))
    assert e.path == "projects[0].title.ja"
    assert "quote" in e.en and "引用符" in e.ja and typed in e.hint_en
    assert e.got == repr(value)  # what the editor typed, not what YAML made of it
    assert (e.line, e.column) == (4, 11)


def test_unknown_key_suggests_the_known_one(tmp_path):
    text = PROJECT.format(id="a", title="題").replace("    title:", "    titel:")
    errs = dataset_errors(tmp_path, projects=text)
    unknown = [e for e in errs if "unknown field" in e.en]
    assert unknown and "did you mean 'title'" in unknown[0].hint_en and unknown[0].line == 3


def test_missing_required_field(tmp_path):
    text = "projects:\n  - id: a\n    title:\n      ja: 題\n"
    [e] = dataset_errors(tmp_path, projects=text)
    assert "required field 'summary'" in e.en and "必須" in e.ja and e.path == "projects[0]"


def test_missing_ja_text(tmp_path):
    text = PROJECT.format(id="a", title="x").replace("      ja: x\n", "")
    [e] = dataset_errors(tmp_path, projects=text)
    assert e.path == "projects[0].title" and "'ja'" in e.en


@pytest.mark.parametrize("bad", ["Umi_Project", "-start", "日本語"])
def test_id_pattern(tmp_path, bad):
    [e] = dataset_errors(tmp_path, projects=PROJECT.format(id=f'"{bad}"', title="題"))
    assert e.path == "projects[0].id" and "a-z" in e.en


def test_duplicate_id_names_first_line(tmp_path):
    one = PROJECT.format(id="same", title="題")
    two = one + one.split("projects:\n", 1)[1]
    [e] = dataset_errors(tmp_path, projects=two)
    assert e.line == 8 and "already used on line 2" in e.en


def test_unknown_project_reference_suggests_nearest(tmp_path):
    news = """news:
  - id: n1
    date: 2025-04-01
    title:
      ja: お知らせ
    projects: [umi-no-hiryou]
"""
    [e] = dataset_errors(tmp_path, news=news)
    assert e.path == "news[0].projects[0]" and "did you mean 'umi-no-hiryo'" in e.hint_en


@pytest.mark.parametrize("url, expect", [("javascript:alert(1)", "not allowed"), ("www.city.jp/x", "https://"),
                                         ("ftp://a.jp/x", "not allowed"), ("mailto:nobody", "malformed")])
def test_url_schemes(tmp_path, url, expect):
    news = f"""news:
  - id: n1
    date: 2025-04-01
    title:
      ja: お知らせ
    link: "{url}"
"""
    [e] = dataset_errors(tmp_path, news=news)
    assert e.path == "news[0].link" and expect in (e.en + (e.hint_en or ""))


@pytest.mark.parametrize("typed, iso", [("2024/12/01", "2024-12-01"), ("令和6年4月1日", "2024-04-01")])
def test_date_written_otherwise_gets_iso_hint(tmp_path, typed, iso):
    news = f"""news:
  - id: n1
    date: "{typed}"
    title:
      ja: お知らせ
"""
    [e] = dataset_errors(tmp_path, news=news)
    line = e.format()
    assert "news[0].date: 日付はYYYY-MM-DD形式で書いてください" in line and iso in line and f"'{typed}'" in line


def test_every_error_of_a_run_is_reported(tmp_path):
    errs = dataset_errors(tmp_path, projects=PROJECT.format(id="BAD", title="no"),
                      news="news:\n  - id: n\n    date: 2024/01/01\n    title: {ja: x}\n")
    assert {e.file for e in errs} == {"data/projects.yaml", "data/news.yaml"} and len(errs) >= 3


def test_pickled_data_comes_back_equal_with_shared_field_sets():
    # The build hands the validated data to each language's page generation as a pickle;
    # Strict.__getstate__ shares the sets of given fields (a fifth of the memory at scale).
    ds = load_dataset(SEED)
    back = pickle.loads(pickle.dumps(ds.without_raw_yaml(), protocol=pickle.HIGHEST_PROTOCOL))
    assert back.projects == ds.projects and back.calls == ds.calls and back.news == ds.news
    titles = [p.title for p in back.projects.projects]
    assert len(titles) > 1 and len({id(t.__pydantic_fields_set__) for t in titles if t.en}) == 1
    assert back.projects.projects[0].title.__pydantic_fields_set__ == {"ja", "en"}
    assert back.line_of("projects", ("projects", 1)) == ds.line_of("projects", ("projects", 1))


def test_the_walk_of_the_records_visits_every_model_and_list_in_order(tmp_path):
    # dataset.iter_models walks with a stack; the plain recursive walk over pydantic's own
    # field list is the reference: the same (loc, object) pairs, parents first, fields in order
    from pydantic import BaseModel

    from sitegen.dataset import iter_models
    from tests.calls_amount_cases import calls_yaml_with_amount_fixtures
    from tests.sitebuild import make_project

    def reference(value, loc=()):
        if isinstance(value, BaseModel):
            yield loc, value
            for name in type(value).model_fields:
                yield from reference(getattr(value, name), loc + (name,))
        elif isinstance(value, (list, tuple)):
            yield loc, value
            for i, item in enumerate(value):
                yield from reference(item, loc + (i,))

    ds = load_dataset(make_project(tmp_path, {"calls": calls_yaml_with_amount_fixtures()}))
    visited = 0
    for stem in ds.files:
        model = getattr(ds, stem)
        expected = [(loc, id(v)) for loc, v in reference(model)]
        assert [(loc, id(v)) for loc, v in iter_models(model)] == expected
        visited += len(expected)
    assert visited > 500  # 932 in the seed with the fixture calls
