"""--help speaks the user's language: --lang, else the workspace's settings, else Indonesian.

The English texts live in the command modules, marked for the gettext catalogue,
which holds each one's translation, found by the English text (planner/cli/helptext.py).
"""

from __future__ import annotations

from pathlib import Path

import pytest
import typer.main

from planner.cli import COMMANDS, app, load_commands
from planner.cli.helptext import CLICK_WORDS
from planner.i18n import translations
from tests.conftest import assert_golden, run_cli

ENGLISH = [
    "Usage:",
    "Options:",
    "Arguments:",
    "Commands:",
    "required",
    "default:",
    "Show this message",
    "Example:",
    "Recipe",
    "Only this",
    "Write to FILE",
]


def help_texts() -> set[str]:
    """Every help text the command tree declares, in English."""
    load_commands(None)
    group = typer.main.get_command(app)
    texts = {group.help} | {p.help for p in group.params if getattr(p, "help", None)}
    for command in group.commands.values():  # type: ignore[attr-defined]
        texts.add(command.help)
        texts |= {p.help for p in command.params if getattr(p, "help", None)}
    return texts


def test_every_help_text_has_its_translation() -> None:
    known = translations("id")._catalog  # type: ignore[attr-defined]
    missing = sorted(text for text in help_texts() | set(CLICK_WORDS) if text not in known)
    assert missing == []


@pytest.mark.parametrize("command", sorted(set(COMMANDS)))
def test_each_command_help_is_indonesian_by_default(command: str, tmp_path: Path) -> None:
    result = run_cli(command, "--help", cwd=tmp_path)
    assert result.code == 0 and f"Contoh: planner {command}" in result.out
    assert [w for w in ENGLISH if w in result.out] == []


@pytest.mark.parametrize("command", sorted(set(COMMANDS)))
def test_each_command_help_in_english_with_lang_en(command: str, tmp_path: Path) -> None:
    result = run_cli(command, "--help", "--lang", "en", cwd=tmp_path)
    assert result.code == 0 and f"Example: planner {command}" in result.out
    assert "Cara pakai" not in result.out and "Opsi:" not in result.out


def test_help_follows_the_workspace_language(tmp_path: Path) -> None:
    (tmp_path / "planner.toml").write_text('language = "en"\n', encoding="utf-8")
    assert run_cli("--help", cwd=tmp_path).out.startswith("Usage: planner [OPTIONS] COMMAND")
    assert run_cli("--help", "--lang", "id", cwd=tmp_path).code == 2  # the top level has no --lang
    assert run_cli("cost", "-h", "--lang", "id", cwd=tmp_path).out.startswith("Cara pakai: planner cost")


def test_no_command_shows_the_top_level_help_in_indonesian(tmp_path: Path) -> None:
    result = run_cli(cwd=tmp_path)
    assert result.code == 2 and "Cara pakai: planner [OPTIONS] COMMAND" in result.out + result.err
    assert "Perintah:" in result.out + result.err


def test_version(tmp_path: Path) -> None:
    from planner import __version__

    result = run_cli("--version", cwd=tmp_path)
    assert (result.code, result.out) == (0, f"planner {__version__}\n")


def page(*args: str, cwd: Path) -> str:
    """A help page as the newest typer draws it (typer 0.26 writes a list argument {FILE...})."""
    import re

    text = run_cli(*args, cwd=cwd).out
    first, _nl, rest = text.partition("\n")
    return re.sub(r"\{([A-Z][^{}]*)\}", r"\1", first) + "\n" + rest


def test_golden_help_pages(tmp_path: Path) -> None:
    assert_golden("help.txt", page("--help", cwd=tmp_path))
    assert_golden("help-cost.txt", page("cost", "--help", cwd=tmp_path))
    assert_golden("help-quote-en.txt", page("quote", "--help", "--lang", "en", cwd=tmp_path))
