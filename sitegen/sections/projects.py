"""Projects: the listing `projects/` and one page per project `projects/<id>/`."""
from __future__ import annotations

from ..context import BuildContext
from ..pages import Output, Page
from ..render import render
from ..validate import missing_translations


def build(ctx: BuildContext) -> Output:
    out = Output()
    projects = ctx.ds.projects.projects
    out.pages.append(Page(url="projects/", title=ctx.lang == "ja" and "認定プロジェクト" or "Certified projects",
                          body=render("projects/list.md.j2", ctx, "projects/", projects=projects)))
    for i, p in enumerate(projects):
        url = f"projects/{p.id}/"
        ja_only = ctx.lang == "en" and bool(missing_translations(p))
        out.pages.append(Page(
            url=url, title=p.title.get(ctx.lang)[0],
            description=p.summary.get(ctx.lang)[0][:120],
            body=render("projects/page.md.j2", ctx, url, project=p, ja_only=ja_only),
            edit=("data/projects.yaml", ctx.ds.line_of("projects", ("projects", i))),
            ja_only=ja_only))
    return out
