"""planner check, as a user runs it: the shipped examples pass, and a broken
workspace reports every problem in one run (errors exit 1, warnings do not)."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import assert_golden, run_cli

TODAY = "2026-06-01"  # price ages are judged against a fixed day


def transcript(args: tuple[str, ...], cwd: Path) -> str:
    """The command, what it printed on each stream and its exit code: one golden text."""
    result = run_cli(*args, cwd=cwd)
    assert "Traceback" not in result.err
    return f"$ planner {' '.join(args)}\n--- stdout\n{result.out}--- stderr\n{result.err}--- exit {result.code}\n"


def test_the_shipped_examples_pass_check(examples):
    text = transcript(("check", "recipes", "patterns", "plans"), examples)
    assert_golden("check-examples.txt", text)
    assert text.endswith("--- exit 0\n")


SETTINGS = 'currency = "IDR"\nlanguage = "id"\n'

CATALOG = """\
[gula-pasir]
name = "Gula pasir"
pack = "1 kg"
price = 17_000
as_of = 2024-11-10          # more than 12 months before the check: stale

[telur-ayam]
pack = "1 kg"
price = 29_000
as_of = 2026-01-15
piece = "62.5 g"

[tepung-terigu]
pack = "1 kg"
price = 12_700
as_of = 2026-01-15
units = { sdm = "8 g" }

[vanili]                    # nothing uses it
pack = "20 g"
price = 8_000
as_of = 2026-01-15
"""

FILES = {
    # no minutes: a warning, not an error
    "resep/kue-sus.toml": """\
name = "Kue sus"

[batch]
pieces = 20

[[ingredients]]
item = "tepung-terigu"
qty = "150 g"
[[ingredients]]
item = "telur-ayam"
qty = "4 butir"
""",
    # two costing errors in one file: an unknown item and a conversion the catalog cannot make
    "resep/bolu.toml": """\
name = "Bolu pandan"

[batch]
pieces = 16
minutes = 50

[[ingredients]]
item = "gula-pasr"
qty = "200 g"
[[ingredients]]
item = "tepung-terigu"
qty = "2 butir"
""",
    # a value out of range and an ambiguous quantity: found while reading the file
    "resep/onde.toml": """\
name = "Onde-onde"

[batch]
pieces = 25
loss = 1.5
minutes = 60

[[ingredients]]
item = "gula-pasir"
qty = "1.500 kg"
""",
    # a TOML syntax error
    "resep/rusak.toml": """\
name = "Rusak"
[batch]
pieces = 10
minutes = 30
[[ingredients]]
item = tepung-terigu
qty = "100 g"
""",
    # a plan naming a product that does not exist
    "rencana/arisan.toml": """\
name = "Arisan"

[[make]]
product = "../resep/kue-sus.toml"
pieces = 40

[[make]]
product = "../resep/lemper.toml"
pieces = 30
""",
}


def broken_workspace(folder: Path) -> Path:
    for name, text in {"planner.toml": SETTINGS, "prices.toml": CATALOG, **FILES}.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_a_broken_workspace_shows_every_problem_at_once(tmp_path):
    text = transcript(("check", "--today", TODAY), broken_workspace(tmp_path))
    assert_golden("check-broken.txt", text)
    for expected in (
        "bolu.toml:8:",
        "gula-pasr",
        "bolu.toml:11:",
        "butir",
        "onde.toml:5:",
        "onde.toml:10:",
        "1.500 kg",
        "rusak.toml:6:",
        "lemper",
        "kue-sus.toml:3:",
        "prices.toml:5:",
        "prices.toml:19:",
    ):
        assert expected in text, expected
    assert text.endswith("--- exit 1\n")


def test_the_broken_workspace_in_english(tmp_path):
    text = transcript(("check", "--today", TODAY, "--lang", "en"), broken_workspace(tmp_path))
    assert_golden("check-broken-en.txt", text)


def test_warnings_alone_exit_0(tmp_path):
    broken_workspace(tmp_path)
    result = run_cli("check", "resep/kue-sus.toml", "--today", TODAY, cwd=tmp_path)
    assert result.code == 0
    # a file named alone: its own warning and the stale price, but no "unused" (the rest was not checked)
    assert "Kue sus" in result.err and "gula-pasir" in result.err and "vanili" not in result.err


def test_check_finds_the_workspace_from_a_sub_folder(tmp_path):
    broken_workspace(tmp_path)
    result = run_cli("check", "--today", TODAY, cwd=tmp_path / "resep")
    assert result.code == 1
    assert "../prices.toml:" in result.err or "prices.toml" in result.err
    assert "bolu.toml:8:" in result.err


def test_a_bad_today_is_an_input_error(tmp_path):
    broken_workspace(tmp_path)
    result = run_cli("check", "--today", "1 Juni", cwd=tmp_path)
    assert result.code == 1 and "1 Juni" in result.err


def test_help_has_an_example(tmp_path):
    result = run_cli("check", "--help", cwd=tmp_path)
    assert result.code == 0 and "Contoh: planner check" in result.out
