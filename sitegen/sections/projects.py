"""Projects: the listing `projects/`, filtered views and one page per project `projects/<id>/`.

Filtering works without JavaScript: every filter option is a real page
(`projects/status/ongoing/`, `projects/support/funding/`, `projects/department/<id>/`)
listing only the matching projects (sitegen/filter_pages.py). projects.js makes the same
links filter the full listing in place.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..context import BuildContext
from ..filetypes import inspect
from ..filter_pages import FilterGroup, FilterOption, filter_option, listing_pages
from ..i18n import translations, translator
from ..models.common import Text
from ..models.projects import (
    CATEGORIES, SUPPORT_TYPES, STATUSES, Department, FileReport, FormerProgramReport, Project, project_status,
    report_file_path, report_year,
)
from ..page_description import description_from, written_description
from ..pages import Output, Page
from ..render import SharedFragment, render
from ..validate import missing_translations

LISTING = "projects/"
NO_DEPARTMENT = "none"  # filter value of projects whose department the data does not state


@dataclass(frozen=True)
class ReportView:
    report: Any
    year: int | None
    file_url: str | None = None  # site path of a local file ('files/reports/x.pdf')
    file_label: str | None = None  # 「PDF・2.1MB」 / "PDF, 2.1 MB", read from the file


@dataclass(frozen=True)
class ProjectView:
    project: Project
    status: str | None
    department: Department | None
    reports: list[ReportView]

    @property
    def url(self) -> str:
        return f"projects/{self.project.id}/"

    @property
    def department_key(self) -> str:
        return self.department.id if self.department else NO_DEPARTMENT


def _reports(ctx: BuildContext, project: Project) -> list[ReportView]:
    """Newest first; a report without a year (pending) is the newest; earlier-program entries last in their year."""
    views = []
    for r in project.reports:
        if isinstance(r, FileReport):
            info = inspect(report_file_path(ctx.ds.root, r))  # validated already: cannot fail here
            views.append(ReportView(r, r.fiscal_year, f"files/{r.file}", info.describe(ctx.lang)))
        else:
            views.append(ReportView(r, report_year(r)))
    return sorted(views, key=lambda v: (-(v.year if v.year is not None else 10_000),
                                        isinstance(v.report, FormerProgramReport)))


def project_views(ctx: BuildContext) -> list[ProjectView]:
    pf = ctx.ds.projects
    return [ProjectView(p, project_status(p.period, ctx.today), pf.department(p.department), _reports(ctx, p))
            for p in pf.projects]


# The projects' fixed vocabularies, for the templates: {{ _(support_types[s]) }}.
VOCABULARIES = {"support_types": SUPPORT_TYPES, "statuses": STATUSES, "categories": CATEGORIES}


def filter_groups(ctx: BuildContext, views: list[ProjectView]) -> list[FilterGroup]:
    _ = translator(ctx.lang)

    def option(dim: str, value: str, label: Text | str, match) -> FilterOption:
        return filter_option(LISTING, dim, value, label, views, match)

    status = [option("status", key, _(label), lambda v, k=key: v.status == k) for key, label in STATUSES.items()]
    support = [option("support", key, _(label), lambda v, k=key: k in v.project.support)
               for key, label in SUPPORT_TYPES.items()]
    departments = [option("department", d.id, d.name, lambda v, k=d.id: v.department_key == k)
                   for d in ctx.ds.projects.departments]
    if any(v.department is None for v in views):
        departments.append(option("department", NO_DEPARTMENT, _("所管部署を掲載していないもの"), lambda v: v.department is None))
    headings = translations(ctx.lang)  # the filters' headings are shorter than the page's labels
    return [FilterGroup("status", headings.pgettext("project filter", "状態"), status),
            FilterGroup("support", headings.pgettext("project filter", "支援内容"), support),
            FilterGroup("department", headings.pgettext("project filter", "所管部署"), departments)]


def _listing(ctx: BuildContext, views: list[ProjectView], groups: list[FilterGroup],
             current: FilterOption | None, card: SharedFragment) -> Page:
    _ = translator(ctx.lang)
    base = _("認定プロジェクト")
    url = current.url if current else LISTING
    label = current and (current.label if isinstance(current.label, str) else current.label.get(ctx.lang)[0])
    title = base if current is None else f"{base}: {label}"
    shown = list(current.views) if current else views
    texts = ctx.ds.site.site.pages.projects  # the program's own words (site.yaml)
    return Page(url=url, title=title, description=written_description(texts.description, ctx.lang),
                body=render("projects/list.md.j2", ctx, url, views=shown, total=len(views), groups=groups,
                            current=current, intro=texts.intro, card=card, **VOCABULARIES))


def build(ctx: BuildContext) -> Output:
    out = Output()
    views = project_views(ctx)
    groups = filter_groups(ctx, views)
    card = SharedFragment("projects/_card.md.j2", ctx, **VOCABULARIES)  # one render per project for all listings
    out.pages.extend(listing_pages(groups, lambda current: _listing(ctx, views, groups, current, card)))
    for i, v in enumerate(views):
        p = v.project
        ja_only = ctx.lang == "en" and bool(missing_translations(p))
        out.pages.append(Page(
            url=v.url, title=p.title.get(ctx.lang)[0],
            description=description_from(p.summary, ctx.lang),
            body=render("projects/page.md.j2", ctx, v.url, view=v, project=p, ja_only=ja_only, **VOCABULARIES),
            edit=("data/projects.yaml", ctx.ds.line_of("projects", ("projects", i))),
            updated=p.updated, ja_only=ja_only))
    return out
