"""Call data sets for the build tests: the Kawasaki call plus copies with other dates."""
from __future__ import annotations

from tests.sitebuild import REPO, SEED_DATA

KAWASAKI = "kawasaki-decarbonization-2024"
TWO_ROUNDS = "example-two-rounds-2025"
TWO_ROUNDS_FIXTURE = REPO / "tests" / "fixtures" / "calls" / "two-rounds.yaml"


def calls_yaml_with_two_rounds() -> str:
    """The seed's calls.yaml with the two-round, two-track call of the issue appended as it stands."""
    text = (SEED_DATA / "calls.yaml").read_text(encoding="utf-8")
    return text.rstrip("\n") + "\n" + TWO_ROUNDS_FIXTURE.read_text(encoding="utf-8")


def calls_yaml_with_copies() -> str:
    """The repo's calls.yaml plus two copies of the Kawasaki call: one that closed on
    2024-04-10 and one that opens on 2024-07-01 (the way staff publish a new call)."""
    text = (SEED_DATA / "calls.yaml").read_text(encoding="utf-8")
    head, record = text.split("calls:\n", 1)
    copies = [record]
    for new_id, start, end in (("early-call-2024", "2024-04-01", "2024-04-10"),
                               ("summer-call-2024", "2024-07-01", "2024-07-31")):
        copies.append(record.replace(f"id: {KAWASAKI}", f"id: {new_id}")
                      .replace("acceptance_start_datetime: 2024-04-23", f"acceptance_start_datetime: {start}")
                      .replace("acceptance_end_datetime: 2024-06-11", f"acceptance_end_datetime: {end}"))
    return head + "calls:\n" + "".join(c if c.endswith("\n") else c + "\n" for c in copies)
