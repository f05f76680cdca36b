"""Projects: the listing `projects/`, filtered views and one page per project `projects/<id>/`.

Filtering works without JavaScript: every filter option is a real page
(`projects/status/ongoing/`, `projects/support/funding/`, `projects/department/<id>/`)
listing only the matching projects. projects.js makes the same links filter the
full listing in place.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..context import BuildContext
from ..filetypes import inspect
from ..models.common import Text
from ..models.projects import (
    SUPPORT_TYPES, STATUSES, Department, FileReport, FormerProgramReport, Project, project_status,
    report_file_path, report_year,
)
from ..page_description import description_from, written_description
from ..pages import Output, Page
from ..render import render
from ..validate import missing_translations

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


@dataclass(frozen=True)
class FilterOption:
    dim: str  # status | support | department
    value: str
    label: Text
    views: tuple[ProjectView, ...]

    @property
    def url(self) -> str:
        return f"projects/{self.dim}/{self.value}/"

    @property
    def count(self) -> int:
        return len(self.views)


@dataclass(frozen=True)
class FilterGroup:
    dim: str
    label: Text
    options: list[FilterOption]


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


def _text(pair: tuple[str, str]) -> Text:
    return Text(ja=pair[0], en=pair[1])


def filter_groups(ctx: BuildContext, views: list[ProjectView]) -> list[FilterGroup]:
    def option(dim: str, value: str, label: Text, match) -> FilterOption:
        return FilterOption(dim, value, label, tuple(v for v in views if match(v)))

    status = [option("status", key, _text(pair), lambda v, k=key: v.status == k) for key, pair in STATUSES.items()]
    support = [option("support", key, _text(pair), lambda v, k=key: k in v.project.support)
               for key, pair in SUPPORT_TYPES.items()]
    departments = [option("department", d.id, d.name, lambda v, k=d.id: v.department_key == k)
                   for d in ctx.ds.projects.departments]
    if any(v.department is None for v in views):
        departments.append(option("department", NO_DEPARTMENT, Text(ja="所管部署の記載なし", en="Department not stated"),
                                  lambda v: v.department is None))
    return [FilterGroup("status", Text(ja="状態", en="Status"), status),
            FilterGroup("support", Text(ja="支援内容", en="Support"), support),
            FilterGroup("department", Text(ja="所管部署", en="Department"), departments)]


def _listing(ctx: BuildContext, views: list[ProjectView], groups: list[FilterGroup],
             current: FilterOption | None) -> Page:
    base = "認定プロジェクト" if ctx.lang == "ja" else "Certified projects"
    url = current.url if current else "projects/"
    title = base if current is None else f"{base}: {current.label.get(ctx.lang)[0]}"
    shown = list(current.views) if current else views
    texts = ctx.ds.site.site.pages.projects  # the program's own words (site.yaml)
    return Page(url=url, title=title, description=written_description(texts.description, ctx.lang),
                body=render("projects/list.md.j2", ctx, url, views=shown, total=len(views), groups=groups,
                            current=current, intro=texts.intro),
                searchable=current is None)


def build(ctx: BuildContext) -> Output:
    out = Output()
    views = project_views(ctx)
    groups = filter_groups(ctx, views)
    out.pages.append(_listing(ctx, views, groups, None))
    for group in groups:
        for opt in group.options:
            out.pages.append(_listing(ctx, views, groups, opt))
    for i, v in enumerate(views):
        p = v.project
        ja_only = ctx.lang == "en" and bool(missing_translations(p))
        out.pages.append(Page(
            url=v.url, title=p.title.get(ctx.lang)[0],
            description=description_from(p.summary, ctx.lang),
            body=render("projects/page.md.j2", ctx, v.url, view=v, project=p, ja_only=ja_only),
            edit=("data/projects.yaml", ctx.ds.line_of("projects", ("projects", i))),
            updated=p.updated, ja_only=ja_only))
    return out
