"""Every bad input gets its clear message: one folder per error kind in tests/errors/.

A folder holds the input file(s), ``cmd`` (the planner arguments, e.g.
``cost recipe.toml --lang en``), ``expected.txt`` (the exact stderr) and, when
the exit code is not 1, an ``exit`` file holding it. The command runs inside the
folder at COLUMNS=80, so the paths in the messages are the ones a user typing
that command would see. A folder without planner.toml uses the embedded
defaults (settings in Indonesian, the shipped catalog).

``UPDATE_GOLDEN=1`` writes expected.txt from the current output: read every
changed file before committing it.
"""

from __future__ import annotations

import os
import shlex
from pathlib import Path

import pytest

from tests.conftest import run_cli

ERRORS = Path(__file__).resolve().parent / "errors"
CASES = sorted(p for p in ERRORS.iterdir() if p.is_dir())


def expected_exit(case: Path) -> int:
    exit_file = case / "exit"
    return int(exit_file.read_text().strip()) if exit_file.exists() else 1


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.name)
def test_error_message(case: Path) -> None:
    result = run_cli(*shlex.split((case / "cmd").read_text()), cwd=case)
    expected = case / "expected.txt"
    if os.environ.get("UPDATE_GOLDEN"):
        expected.write_text(result.err, encoding="utf-8")
    assert result.err == expected.read_text(encoding="utf-8")
    assert result.code == expected_exit(case), result.err


def test_every_folder_has_a_command_and_its_message() -> None:
    assert len(CASES) >= 20
    for case in CASES:
        assert (case / "cmd").is_file(), f"{case.name}: no cmd file"
        assert (case / "expected.txt").is_file(), f"{case.name}: no expected.txt"
        assert (case / "expected.txt").read_text(encoding="utf-8").strip(), f"{case.name}: empty expected.txt"


def test_messages_are_lines_without_tracebacks() -> None:
    for case in CASES:
        text = (case / "expected.txt").read_text(encoding="utf-8")
        assert "Traceback" not in text and "internal error" not in text, case.name
        assert text.endswith("\n"), case.name


def test_examples_without_settings_fall_back_to_the_embedded_defaults() -> None:
    """The examples rely on no planner.toml above the checkout."""
    from planner.workspace import find_root

    assert find_root(ERRORS) is None
