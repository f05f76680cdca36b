"""axe-core (WCAG 2.0/2.1 A and AA rules) on every page, both languages, both widths."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


def test_axe_finds_no_violations(visits):
    report = []
    for v in visits:
        for violation in v.axe_violations:
            nodes = "; ".join(f"{target}: {summary.splitlines()[-1].strip() if summary else ''}"
                              for target, summary in violation["nodes"][:5])
            report.append(f"{v.where()} [{violation['id']}, {violation['impact']}] {violation['help']}: {nodes}")
    assert not report, "\n".join(report)

