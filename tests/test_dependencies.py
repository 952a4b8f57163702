"""The lower bounds in pyproject.toml are versions the suite is run on: .ci/lowest.txt pins
exactly them, and .ci/run installs that file and runs the suite a second time."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def lower_bounds() -> dict[str, str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    found = {}
    for spec in [*project["dependencies"], *project["optional-dependencies"]["test"]]:
        name, low = re.match(r"^([A-Za-z0-9_.-]+)>=([0-9.]+)", spec).groups()
        found[name.lower()] = low
    return found


def pinned() -> dict[str, str]:
    lines = (ROOT / ".ci" / "lowest.txt").read_text(encoding="utf-8").splitlines()
    pairs = [line.split("==") for line in lines if line.strip() and not line.startswith("#")]
    return {name.strip().lower(): version.strip() for name, version in pairs}


def test_every_dependency_has_a_lower_bound_that_ci_installs():
    bounds, pins = lower_bounds(), pinned()
    assert set(bounds) == set(pins)
    for name, low in bounds.items():
        wanted = low.split(".") + ["0"] * (3 - low.count(".") - 1)
        assert pins[name].split(".") == wanted[: len(pins[name].split("."))], name


def test_ci_runs_the_suite_on_the_lowest_versions():
    run = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert ".ci/lowest.txt" in run and "mypy" in run and "ruff check" in run
