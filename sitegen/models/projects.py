"""data/projects.yaml: certified projects (認定プロジェクト). Extended by the projects issue."""
from __future__ import annotations

from pydantic import Field

from .common import Id, Str, Strict, Text, Url


class Project(Strict):
    id: Id
    title: Text = Field(description="プロジェクト名 / project title")
    summary: Text = Field(description="概要(Markdown) / summary (limited Markdown)")


class ProjectsFile(Strict):
    projects: list[Project] = Field(default_factory=list)
