"""Shared test helpers: run the CLI in-process, compare with golden files."""

from __future__ import annotations

import io
import os
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = Path(__file__).resolve().parent / "golden"


@dataclass
class Result:
    code: int
    out: str
    err: str


def run_cli(*args: str, cwd: Path | None = None, env: dict | None = None) -> Result:
    """Run ``planner ARGS`` in this process with COLUMNS=80 and no colour."""
    from planner.cli import main

    old_env = dict(os.environ)
    old_cwd = Path.cwd()
    os.environ.update({"COLUMNS": "80", "NO_COLOR": "1", "TERM": "dumb"})
    os.environ.pop("PLANNER_DEBUG", None)
    os.environ.update(env or {})
    out, err = io.StringIO(), io.StringIO()
    old_out, old_err = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = out, err
    code = 0
    try:
        if cwd is not None:
            os.chdir(cwd)
        main([str(a) for a in args])
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    finally:
        sys.stdout, sys.stderr = old_out, old_err
        os.chdir(old_cwd)
        os.environ.clear()
        os.environ.update(old_env)
    return Result(code, out.getvalue(), err.getvalue())


def assert_golden(name: str, text: str) -> None:
    """Compare with tests/golden/NAME; UPDATE_GOLDEN=1 rewrites it (review the diff!)."""
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN") or not path.exists():
        if not os.environ.get("UPDATE_GOLDEN") and os.environ.get("CI"):
            pytest.fail(f"golden file {name} is missing")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8"), f"output differs from tests/golden/{name}"


SLOW_MODULES = {"test_browser", "test_fuzz", "test_properties", "test_install"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Whole modules that take long are marked slow (the inner loop runs -m "not slow")."""
    for item in items:
        if item.module is not None and item.module.__name__.rsplit(".", 1)[-1] in SLOW_MODULES:
            item.add_marker(pytest.mark.slow)


@pytest.fixture
def cli():
    return run_cli


@pytest.fixture
def examples(tmp_path: Path) -> Path:
    """A copy of the shipped examples in a folder outside the checkout (no workspace)."""
    import shutil

    for name in ("recipes", "patterns", "plans", "books"):
        shutil.copytree(ROOT / name, tmp_path / name)
    return tmp_path
