"""Command-line mistakes (exit 2) speak the user's language too."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import run_cli

RECIPE = "recipes/bingka-kentang.toml"


def test_an_unknown_option_in_indonesian_by_default(examples: Path):
    result = run_cli("cost", RECIPE, "--no-such", cwd=examples)
    assert result.code == 2
    assert result.err == (
        "planner cost: tidak ada opsi --no-such (saran: --help pada perintah itu menampilkan "
        "opsinya)\nCoba 'planner cost --help'.\n"
    )


def test_lang_en_switches_a_usage_error_too(examples: Path):
    result = run_cli("cost", RECIPE, "--lang", "en", "--colour", "x", cwd=examples)
    assert result.code == 2
    assert result.err.splitlines()[0] == (
        "planner cost: there is no option --colour (hint: the --help of the command lists its options)"
    )


def test_a_workspace_in_english_gets_usage_errors_in_english(tmp_path: Path):
    (tmp_path / "planner.toml").write_text('language = "en"\n', encoding="utf-8")
    result = run_cli("cost", "--explian", cwd=tmp_path)
    assert result.code == 2
    assert "there is no option --explian" in result.err and "Try 'planner cost --help'." in result.err


def test_a_misspelt_command_suggests_the_closest(examples: Path):
    result = run_cli("cosst", RECIPE, cwd=examples)
    assert result.code == 2
    assert result.err.splitlines()[0] == "planner: tidak ada perintah 'cosst' (saran: maksudnya cost?)"


def test_a_missing_file_argument_is_named(examples: Path):
    result = run_cli("price", cwd=examples)
    assert result.code == 2
    assert result.err.startswith("planner price: FILE belum diisi")


def test_a_number_option_that_is_not_a_number(examples: Path):
    result = run_cli("breakeven", RECIPE, "--volume", "abc", cwd=examples)
    assert result.code == 2
    assert result.err.splitlines()[0] == "planner breakeven: --volume perlu bilangan bulat, bukan 'abc'"


def test_help_still_prints_and_exits_zero(examples: Path):
    result = run_cli("cost", "--help", cwd=examples)
    assert result.code == 0 and "Contoh: planner cost" in result.out


def test_an_argument_too_long_to_be_a_path_is_still_told(examples: Path):
    """Telling a usage error looks for the workspace of each argument; a 300-character
    one is not a path the system will even look at."""
    result = run_cli("breakeven", RECIPE, "--volume", "x" * 300, cwd=examples)
    assert result.code == 2 and "Traceback" not in result.err
    assert result.err.startswith("planner breakeven: --volume perlu bilangan bulat, bukan 'xxx")
