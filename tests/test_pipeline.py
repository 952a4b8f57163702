"""One pipeline for every command: all problems at once, each placed at its line once;
broken files skipped with --keep-going; the commands callable without the command line."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from planner.diagnostics import Diagnostics
from planner.errors import InputError, InputErrors, problem, warning
from planner.texts import _
from planner.workspace import load_workspace
from tests.conftest import ROOT, run_cli

# ---------------------------------------------------------------- Diagnostics itself


def test_a_problem_is_kept_once_and_placed_once():
    placed = []

    def place(err: InputError) -> InputError:
        placed.append(err)
        return err.at(line=7)

    diag = Diagnostics(place)
    one = problem(_("unknown item '{item}'"), item="gula")
    diag.add(one, "a.toml")
    diag.add(one, "a.toml")  # the same problem found again (a sub-recipe used twice)
    diag.add(one, "b.toml")  # ... is another problem in another file
    assert [(p.path, p.line) for p in diag.problems] == [("a.toml", 7), ("b.toml", 7)]
    assert diag.counts()["a.toml"].errors == 1


def test_problems_come_file_by_file_and_by_line():
    diag = Diagnostics()
    diag.add(problem(_("unknown item '{item}'"), item="x").at(line=9), "b.toml")
    diag.add(problem(_("unknown item '{item}'"), item="y").at(line=3), "a.toml")
    diag.add(warning(_("unknown item '{item}'"), item="z").at(line=2), "b.toml")
    assert [(p.path, p.line) for p in diag.problems] == [("b.toml", 2), ("b.toml", 9), ("a.toml", 3)]
    assert [p.severity for p in diag.warnings] == ["warning"]


def test_collect_keeps_what_a_step_raises_and_goes_on():
    diag = Diagnostics(path="kue.toml")

    def fails() -> int:
        raise problem(_("unknown item '{item}'"), item="x")

    assert diag.collect(fails, under=("ingredients", 0, "item")) is None
    assert diag.collect(lambda: 5) == 5
    (err,) = diag.problems
    assert (err.path, err.loc) == ("kue.toml", ("ingredients", 0, "item"))
    with pytest.raises(InputErrors):
        diag.raise_errors()


# ---------------------------------------------------------------- all problems at once

FIVE_MISTAKES = """\
name = "Kue lima salah"

[batch]
pieces = "delapan"
loss = 1.5
minutes = 30

[[ingredients]]
item = "telor"
qty = "2 butir"

[[ingredients]]
item = "gula-pasir"
qty = "2 m"

[[ingredients]]
recipe = "kue"
qty = "1 pcs"
"""


def test_a_file_with_five_kinds_of_mistake_shows_all_five_in_one_run(tmp_path: Path):
    (tmp_path / "kue.toml").write_text(FIVE_MISTAKES, encoding="utf-8")
    result = run_cli("check", "kue.toml", "--lang", "en", cwd=tmp_path)
    assert result.code == 1
    lines = result.err.splitlines()
    assert [re.match(r"kue\.toml:(\d+): ", line).group(1) for line in lines] == ["4", "5", "9", "13", "17"]
    assert "must be a number" in lines[0]  # shape: a text where a number goes
    assert "outside the allowed range" in lines[1]  # values
    assert "unknown item 'telor'" in lines[2]  # an unknown item
    assert "cannot convert gula-pasir from m" in lines[3]  # an impossible conversion
    assert "circle" in lines[4]  # a cycle
    assert "kue.toml: 5 errors" in result.out


def catalog(*, typo: bool) -> str:
    price = 'price = "17000"' if typo else "price = 17_000"
    return f"""\
[gula-pasir]
pack = "1 kg"
{price}

[tepung-terigu]
pack = "1 kg"
price = 12_700

[telur-ayam]
pack = "1 kg"
price = 29_000
piece = "62.5 g"
"""


def recipe(name: str, lines: str) -> str:
    return f'name = "{name}"\n\n[batch]\npieces = 10\nminutes = 30\n\n{lines}'


GOOD = (
    '[[ingredients]]\nitem = "tepung-terigu"\nqty = "250 g"\n\n[[ingredients]]\nitem = "telur-ayam"\nqty = "2 butir"\n'
)
BROKEN = [  # ten ways a participant's file goes wrong
    '[[ingredients]]\nitem = "tepung-terigu"\nqty = "250 gr am"\n',
    '[[ingredients]]\nitem = "tepungterigu"\nqty = "250 g"\n',
    '[[ingredients]]\nitem = "tepung-terigu"\nqty = "2 m"\n',
    '[[ingredients]]\nitem = "tepung-terigu"\nqty = "1.500 kg"\n',
    '[[ingredients]]\nitem = "tepung-terigu"\nqty = 250\n',
    '[[ingredients]]\nitem = "tepung-terigu"\n',
    '[[ingredients]]\nrecipe = "tidak-ada"\nqty = "1 pcs"\n',
    '[[ingredients]]\nitem = "tepung-terigu"\nqty = "250 g"\nwarna = "merah"\n',
    '[[ingredients]]\nitem = "gula-pasir"\nqty = "100 g"\n',  # the item whose catalog entry is broken
    '[[ingredients]]\nitem = "tepung-terigu"\nqty = "-250 g"\n',
]


@pytest.fixture
def kelas(tmp_path: Path) -> Path:
    """A mentor's class: one catalog (with a typo), 20 good recipes and 10 broken ones."""
    (tmp_path / "planner.toml").write_text('language = "en"\n', encoding="utf-8")
    (tmp_path / "prices.toml").write_text(catalog(typo=True), encoding="utf-8")
    folder = tmp_path / "peserta"
    folder.mkdir()
    for n in range(20):
        (folder / f"baik-{n:02}.toml").write_text(recipe(f"Kue {n:02}", GOOD), encoding="utf-8")
    for n, lines in enumerate(BROKEN):
        (folder / f"rusak-{n:02}.toml").write_text(recipe(f"Rusak {n:02}", lines), encoding="utf-8")
    return tmp_path


def test_a_class_with_a_catalog_typo_gets_every_problem_and_a_line_per_file(kelas: Path):
    result = run_cli("check", cwd=kelas)
    assert result.code == 1
    assert re.search(r"^prices\.toml:3: 'price' must be an amount of money", result.err, re.M)
    broken_files = {m.group(1) for m in re.finditer(r"^peserta/(rusak-\d+)\.toml:\d+: ", result.err, re.M)}
    assert broken_files == {f"rusak-{n:02}" for n in range(10)}  # every broken file told, none hidden
    assert "baik-" not in result.err
    summary = dict(line.split(": ", 1) for line in result.out.splitlines()[:-1])
    assert summary["prices.toml"] == "1 error" and summary["planner.toml"] == "OK"
    assert all(summary[f"peserta/baik-{n:02}.toml"] == "OK" for n in range(20))
    assert all("error" in summary[f"peserta/rusak-{n:02}.toml"] for n in range(10))
    assert result.out.splitlines()[-1].startswith("checked 32 files: ")


def test_compare_keep_going_shows_the_good_products(kelas: Path):
    result = run_cli("compare", "peserta", "--keep-going", "-f", "json", cwd=kelas)
    assert result.code == 1  # something was wrong, and it says so
    rows = json.loads(result.out)
    assert sorted(row["product"] for row in rows) == [f"Kue {n:02}" for n in range(20)]
    assert "rusak-00.toml" in result.err and "prices.toml:3" in result.err
    without = run_cli("compare", "peserta", "-f", "json", cwd=kelas)
    assert without.code == 1 and without.out == ""


def test_whatif_keep_going_reports_the_good_products(kelas: Path):
    result = run_cli("whatif", "peserta", "--keep-going", "-c", "tepung-terigu=+10%", "-f", "json", cwd=kelas)
    assert result.code == 1
    assert len(json.loads(result.out)) == 20


def test_errors_only_hides_the_warnings(tmp_path: Path):
    (tmp_path / "kue.toml").write_text('name = "Kue"\n\n[batch]\npieces = 4\n\n' + GOOD, encoding="utf-8")
    shown = run_cli("check", "kue.toml", "--lang", "en", cwd=tmp_path)
    quiet = run_cli("check", "kue.toml", "--lang", "en", "--errors-only", cwd=tmp_path)
    assert "has no minutes" in shown.err and shown.code == 0
    assert quiet.err == "" and quiet.out.splitlines()[-1] == "checked 1 file: 0 errors"


# ---------------------------------------------------------------- every warning has its line, once

WARNING = re.compile(r"(?:^! |^)(?P<where>\S+?)(?::(?P<line>\d+))?: (?:warning|peringatan): ", re.M)


def warnings_of(text: str) -> list[tuple[str, str | None]]:
    return [(m.group("where"), m.group("line")) for m in WARNING.finditer(text)]


RUNS = [
    ["cost", "recipes/santan-pandan.toml", "patterns/rok-sekolah.toml"],
    ["price", "patterns/rok-sekolah.toml", "recipes/bingka-kentang.toml"],
    ["breakeven", "recipes/bingka-kentang.toml", "--price", "5000"],
    ["breakeven", "patterns/rok-sekolah.toml"],
    ["plan", "plans/pesanan-kenduri.toml", "--today", "2026-12-11"],
    ["quote", "patterns/rok-sekolah.toml", "--sizes", "S=2,M=3", "--customer-fabric", "1m", "--price", "20000"],
    ["compare", "recipes", "patterns"],
    ["whatif", "recipes", "patterns", "-c", "gula-pasir=+10%"],
]


@pytest.mark.parametrize("args", RUNS, ids=lambda a: " ".join(a[:2]))
def test_every_warning_has_a_file_and_line_and_is_told_once(examples: Path, args: list[str]):
    (examples / "recipes" / "santan-pandan.toml").write_text(
        (ROOT / "recipes" / "santan-pandan.toml").read_text(encoding="utf-8").replace("minutes = ", "# minutes = "),
        encoding="utf-8",
    )
    result = run_cli(*args, cwd=examples)
    assert result.code == 0, result.err
    found = warnings_of(result.out + result.err)
    assert found, "this run is meant to warn"
    assert all(line is not None for _where, line in found), found
    texts = [line for line in (result.out + result.err).splitlines() if WARNING.search(line)]
    assert len(texts) == len(set(texts)), texts


# ---------------------------------------------------------------- without the command line


def test_the_commands_run_as_a_library(examples: Path, monkeypatch: pytest.MonkeyPatch):
    from planner.app import CostOptions, PriceOptions, cost, price

    monkeypatch.chdir(examples)
    file = Path("recipes/bingka-kentang.toml")
    ws = load_workspace(first=file)
    (report,) = cost(ws, [file], CostOptions())
    assert report.data["totals"]["unit"] == "7095.81"  # as the README's quick start shows
    (priced,) = price(ws, [file], PriceOptions(channel="titip"))
    assert [c["name"] for c in priced.data["channels"]] == ["titip"]
    with pytest.raises(InputErrors) as caught:
        cost(load_workspace(first=file), [Path("recipes/tidak-ada.toml")], CostOptions())
    (missing,) = caught.value.problems
    assert missing.path == "recipes/tidak-ada.toml"


# ---------------------------------------------------------------- CSV holds plain numbers

CSV_RUNS = [
    ["cost", "recipes/bingka-kentang.toml", "patterns/kemeja-sekolah.toml", "patterns/gamis.toml"],
    ["price", "recipes/bingka-kentang.toml", "patterns/kemeja-sekolah.toml"],
    ["breakeven", "recipes/bingka-kentang.toml", "--target", "1000000", "--volume", "200", "--capital", "900000"],
    ["plan", "plans/pesanan-kenduri.toml", "--today", "2026-12-01"],
    ["quote", "patterns/kemeja-sekolah.toml", "--sizes", "S=5,M=10", "--today", "2026-12-01"],
    ["compare", "recipes", "patterns"],
    ["whatif", "recipes/bingka-kentang.toml", "-c", "gula-pasir=+20%"],
    ["scale", "recipes/bingka-kentang.toml", "--pieces", "24"],
]
PLAIN = re.compile(r"^-?\d+(\.\d+)?$")


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("args", CSV_RUNS, ids=lambda a: a[0])
def test_every_csv_number_cell_is_a_plain_decimal(examples: Path, args: list[str], lang: str):
    import csv
    import io

    result = run_cli(*args, "-f", "csv", "--lang", lang, cwd=examples)
    assert result.code == 0, result.err
    rows = list(csv.reader(io.StringIO(result.out)))
    assert len({len(row) for row in rows}) == 1  # one sheet: every row has the header's columns
    for row in rows[1:]:
        for cell in row:
            if re.search(r"\d", cell) and not re.search(r"[^\W\d_]", cell):  # digits and no letters: a number
                assert PLAIN.match(cell), (cell, row)
            assert not re.match(r"^-?(Rp|\$)\s?[\d.,]+$", cell), (cell, row)  # an amount with its sign
