"""The README tells the truth: its quick start is two commands that CI runs,
its sample output and error messages are what planner prints, and every
command of the design has its section."""

from __future__ import annotations

import re

from tests.conftest import GOLDEN, ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
COMMANDS = (
    "cost",
    "check",
    "price",
    "breakeven",
    "plan",
    "quote",
    "titip",
    "book",
    "orders",
    "scale",
    "compare",
    "whatif",
    "sheet",
    "target",
    "new",
    "init",
    "schema",
)


def section(title: str) -> str:
    match = re.search(rf"^## {title}\n(.*?)(?=^## )", README, re.S | re.M)
    assert match, f"no '## {title}' section"
    return match.group(1)


def fenced_blocks(text: str) -> list[str]:
    return re.findall(r"^```[a-z]*\n(.*?)^```", text, re.S | re.M)


def test_quick_start_is_exactly_two_commands_in_one_block():
    blocks = [b for b in fenced_blocks(section("Quick start")) if b.startswith("pip ")]
    assert len(blocks) == 1
    commands = blocks[0].strip().splitlines()
    assert len(commands) == 2
    assert commands[0].startswith("pip install . && planner cost recipes/")
    assert commands[1] == "pip install '.[test]' && python -m pytest"
    assert (ROOT / commands[0].split()[-1]).is_file()


def test_ci_runs_the_readme_test_command():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "pip install '.[test]'" in ci and "python -m pytest" in ci
    assert "pip install -e" not in ci  # the installed package, with its data files, is what is tested


def test_the_sample_output_is_what_planner_prints():
    sample = [b for b in fenced_blocks(section("Quick start")) if b.startswith("Bingka kentang")]
    assert sample == [(GOLDEN / "cost-recipe.txt").read_text(encoding="utf-8")]


def test_the_error_examples_are_real_messages():
    expected = "".join(p.read_text(encoding="utf-8") for p in (ROOT / "tests" / "errors").glob("*/expected.txt"))
    (block,) = fenced_blocks(section("When something is wrong"))
    lines = [line for line in block.splitlines() if not line.startswith("$ ")]
    assert lines
    for line in lines:
        assert line + "\n" in expected, line


def test_every_command_of_the_design_has_a_section_with_an_example():
    commands = section("Commands")
    for name in COMMANDS:
        match = re.search(rf"^### {name}\n(.*?)(?=^### |\Z)", commands, re.S | re.M)
        assert match, f"no section for {name}"
        assert f"planner {name}" in match.group(1), f"no example for {name}"


def test_the_book_walk_through_shows_what_planner_prints():
    """The settlement notes of the walk-through are tests/golden/titip-text.txt (tests/test_book_cli.py)."""
    walk = section("The book: what really happened")
    assert "planner titip -f text --today 2026-12-14" in walk
    sample = [b for b in fenced_blocks(walk) if b.startswith("Usaha Saya")]
    assert sample == [(GOLDEN / "titip-text.txt").read_text(encoding="utf-8")]
