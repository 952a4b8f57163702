"""Indonesian is first-class: the message catalog is complete in both languages,
every key the code uses exists, and every command reads in the chosen language.

(a) every message in planner/messages/*.toml has "en" and "id", non-empty, with
    the same {placeholders};
(b) every message key written in the code exists (found by reading the code with
    ast: problem/warning/msg/Msg/Column/... calls, hint=..., and the f-string
    families listed in FAMILIES);
(c) no key is defined twice;
(d) every command run on the shipped examples with --lang id and --lang en uses
    only keys that exist (a strict Formatter), shows no raw key, and its
    Indonesian output holds none of our English labels.
"""

from __future__ import annotations

import ast
import re
import string
import tomllib
from pathlib import Path

import pytest

from planner.errors import Msg
from planner.i18n import LANGUAGES, MESSAGES, Formatter, catalog
from tests.conftest import run_cli

PACKAGE = Path(__file__).resolve().parent.parent / "planner"
SOURCES = sorted(PACKAGE.rglob("*.py"))


def fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}


# ---------------------------------------------------------------- (a) and (c): the catalog itself


def test_every_message_has_both_languages_with_the_same_placeholders() -> None:
    for path in sorted(MESSAGES.glob("*.toml")):
        with path.open("rb") as handle:
            entries = tomllib.load(handle)
        for key, entry in entries.items():
            assert isinstance(entry, dict), f"{path.name}: {key} is not a table"
            assert set(entry) == set(LANGUAGES), f"{path.name}: {key} has {sorted(entry)}, not {LANGUAGES}"
            for lang in LANGUAGES:
                assert isinstance(entry[lang], str) and entry[lang].strip(), f"{path.name}: {key}.{lang} is empty"
            assert fields(entry["en"]) == fields(entry["id"]), f"{path.name}: {key} placeholders differ"


def test_indonesian_is_not_a_copy_of_the_english() -> None:
    """A message the same in both languages must be a formula or a name, not an untranslated sentence."""
    sentences = [key for key, entry in catalog().items()
                 if entry["en"] == entry["id"] and len(re.findall(r"\b[a-z]{3,}\b", re.sub(r"\{[^}]*\}", "", entry["en"]))) > 2]
    assert sentences == []


def test_no_key_is_defined_twice() -> None:
    catalog.cache_clear()
    merged = catalog()  # raises when two files define one key
    assert len(merged) > 500


def test_a_key_defined_in_two_files_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("a.toml", "b.toml"):
        (tmp_path / name).write_text('["word.same"]\nen = "x"\nid = "x"\n', encoding="utf-8")
    monkeypatch.setattr("planner.i18n.MESSAGES", tmp_path)
    catalog.cache_clear()
    try:
        with pytest.raises(RuntimeError, match="defined twice"):
            catalog()
    finally:
        monkeypatch.undo()
        catalog.cache_clear()


# ---------------------------------------------------------------- (b): every key the code uses exists

# Calls whose first argument (and for some the second) is a message key.
KEY_CALLS = {"problem": 1, "warning": 1, "msg": 1, "Msg": 1, "Column": 1, "_fail": 2, "_problem": 2}
DOTTED = re.compile(r"^[a-z][a-z0-9-]*(\.[a-z0-9-]+)+$")
NOT_KEYS = re.compile(r"\.(toml|json|py|css|j2|html|txt|md|svg)$")


def _families() -> dict[str, list[str]]:
    """f-string keys: their shape ({} for the formatted part) and every value the code gives them."""
    from planner.cli.new import Kind
    from planner.comparing import SORTS
    from planner.costing import PATTERN_GROUPS, RECIPE_GROUPS
    from planner.reports.scale import GROUPS
    from planner.tomlfile import _REASONS
    from planner.validation import _TYPE_NAMES

    return {
        "group.{}": sorted({*RECIPE_GROUPS, *PATTERN_GROUPS}),
        "html.{}": ["notes", "page", "of"],
        "new.written-{}": [k.value for k in Kind],
        "compare.sort.{}": list(SORTS),
        "scale.group-{}": list(GROUPS),
        "{}-hint": sorted({key for _, key in _REASONS}),
        "type.{}": sorted(set(_TYPE_NAMES.values())),
    }


def _shape(node: ast.JoinedStr) -> str:
    return "".join(part.value if isinstance(part, ast.Constant) else "{}" for part in node.values)


def _strings(node: ast.AST | None) -> list[ast.AST]:
    """A key argument's possible values: a literal, either branch of ``a if c else b``, or an f-string."""
    if isinstance(node, ast.IfExp):
        return _strings(node.body) + _strings(node.orelse)
    if isinstance(node, (ast.Constant, ast.JoinedStr)):
        return [node]
    return []


def _key_nodes(tree: ast.AST) -> list[ast.AST]:
    found: list[ast.AST] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", "")
            for arg in node.args[:KEY_CALLS.get(name, 0)]:
                found += _strings(arg)
            found += [s for kw in node.keywords if kw.arg == "hint" for s in _strings(kw.value)]
        elif isinstance(node, (ast.Assign, ast.AnnAssign)) and isinstance(node.value, ast.IfExp):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            named = any(isinstance(t, ast.Name) and t.id in ("hint", "key") for t in targets)
            found += [s for s in _strings(node.value) if isinstance(s, ast.Constant) and isinstance(s.value, str)
                      and (named or DOTTED.match(s.value))]
        elif isinstance(node, (ast.Tuple, ast.Dict)):
            values = node.elts if isinstance(node, ast.Tuple) else node.values
            texts = [v.value for v in values if isinstance(v, ast.Constant) and isinstance(v.value, str)]
            if texts and len(texts) == len(values) and all(DOTTED.match(t) and not NOT_KEYS.search(t) for t in texts):
                found += list(values)   # ("price.chart.cost", "price.chart.cut", ...): a tuple of keys
        elif isinstance(node, ast.arguments):
            found += [d for d in node.defaults if isinstance(d, ast.Constant) and isinstance(d.value, str)
                      and DOTTED.match(d.value) and not NOT_KEYS.search(d.value)]
    return found


def used_keys() -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """(literal key -> where, f-string shape -> where) over the whole package."""
    literal: dict[str, list[str]] = {}
    shaped: dict[str, list[str]] = {}
    for path in SOURCES:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in _key_nodes(tree):
            where = f"{path.relative_to(PACKAGE.parent)}:{node.lineno}"
            if isinstance(node, ast.JoinedStr):
                shaped.setdefault(_shape(node), []).append(where)
            elif isinstance(node.value, str):
                literal.setdefault(node.value, []).append(where)
    return literal, shaped


def test_every_literal_key_in_the_code_exists() -> None:
    literal, _ = used_keys()
    assert len(literal) > 300, "the scan finds the keys"
    missing = {key: where for key, where in literal.items() if key not in catalog()}
    assert missing == {}


def test_every_f_string_key_family_is_listed_and_complete() -> None:
    _, shaped = used_keys()
    families = _families()
    assert set(shaped) <= set(families), f"list the new family in FAMILIES: {set(shaped) - set(families)}"
    missing = [shape.replace("{}", value) for shape, values in families.items() for value in values
               if shape.replace("{}", value) not in catalog()]
    assert missing == []


def test_the_scan_sees_keys_behind_conditions_and_in_tuples() -> None:
    literal, shaped = used_keys()
    # reports/breakeven.py: price_label = "breakeven.label.price" if ... else "breakeven.label.price-given"
    assert {"breakeven.label.price", "breakeven.label.price-given"} <= set(literal)
    # reports/price.py: names = ("price.chart.cost", "price.chart.cut", "price.chart.profit")
    assert "price.chart.cut" in literal
    # catalog.py: hint = "did-you-mean" if near else "add-to-catalog"
    assert {"did-you-mean", "add-to-catalog"} <= set(literal)
    assert "group.{}" in shaped


# ---------------------------------------------------------------- (d): every command in both languages

RUNS = [
    ["cost", "recipes/bingka-kentang.toml", "--explain"],
    ["cost", "patterns/kemeja-sekolah.toml"],
    ["cost", "patterns/gamis.toml", "--size", "M", "--explain", "-f", "md"],
    ["cost", "recipes/bingka-kentang.toml", "-f", "html", "--explain"],
    ["check", "recipes", "patterns", "plans"],
    ["price", "recipes/bingka-kentang.toml", "--explain"],
    ["price", "patterns/rok-sekolah.toml", "-f", "csv"],
    ["breakeven", "recipes/bingka-kentang.toml", "--explain", "--target", "1000000", "--volume", "200",
     "--capital", "500000"],
    ["breakeven", "patterns/kemeja-sekolah.toml", "--size", "M", "--price", "145000", "--explain"],
    ["plan", "plans/pesanan-kenduri.toml", "--explain", "--today", "2026-12-01"],
    ["plan", "recipes/bingka-kentang.toml=40", "-f", "md"],
    ["quote", "patterns/kemeja-sekolah.toml", "--sizes", "S=5,M=10,L=5", "--customer-fabric", "40m", "--rush",
     "--explain", "--today", "2026-12-01"],
    ["quote", "patterns/kemeja-sekolah.toml", "--size", "M", "--qty", "2", "-f", "text", "--today", "2026-12-01"],
    ["quote", "patterns/gamis.toml", "--size", "L", "--qty", "1", "--price", "150000", "--today", "2026-12-01"],
    ["scale", "recipes/bingka-kentang.toml", "--pieces", "24", "--explain"],
    ["compare", "recipes", "patterns", "--explain"],
    ["compare", "recipes", "-f", "html"],
    ["whatif", "recipes/bingka-kentang.toml", "-c", "gula-pasir=+20%,+40%", "-c", "telur-itik=3500", "--explain"],
    ["whatif", "patterns/rok-sekolah.toml", "-c", "drill=-10%", "--size", "M", "--explain"],
    ["cost", "recipes/missing.toml"],                                    # an error
    ["price", "recipes/bingka-kentang.toml", "--set", "gula-pasr=18000"],  # an error with a hint
    ["whatif", "recipes/bingka-kentang.toml", "-c", "gula-pasir=20%"],    # an error of whatif
]
WRITING_RUNS = [["new", "recipe", "recipes/kue-baru"], ["new", "pattern", "patterns/baju-baru"],
                ["new", "plan", "plans/rencana-baru"], ["init", "usaha"], ["schema", "--output", "schemas"]]

# Our English labels and words, each of which has an Indonesian message: none may show in Indonesian output.
ENGLISH = ["Total per batch", "Total per garment", "Cost", "Price", "Profit", "Receipt", "Channel", "Product",
           "Scenario", "Today", "warning", "hint", "pieces", "per piece", "sold", "How each figure",
           "Break-even", "break-even", "never", "month", "Item", "Qty", "Size", "written", "Working time", "file"]
# ... and Indonesian words of ours that must not show in English output (product and item names are the user's).
INDONESIAN = ["peringatan", "saran", "Cara menghitung", "Harga jual", "per bulan", "terjual", "layak jual",
              "Sekarang", "Skenario", "berkas", "Perbandingan", "sekaligus", "Uraian", "Biaya"]


@pytest.fixture
def strict(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Formatter.text fails loudly (instead of showing the key) on a missing key or placeholder."""
    problems: list[str] = []
    original = Formatter.text

    def text(self: Formatter, message: Msg | str) -> str:
        if isinstance(message, Msg):
            entry = catalog().get(message.key)
            if entry is None:
                problems.append(f"missing message {message.key!r}")
            elif not fields(entry[self.lang]) <= set(message.params):
                problems.append(f"{message.key}: no value for {fields(entry[self.lang]) - set(message.params)}")
        return original(self, message)

    monkeypatch.setattr(Formatter, "text", text)
    return problems


def shown_keys(text: str) -> list[str]:
    """Catalog keys that appear as such in the output (a message shown as its key)."""
    dotted = {key for key in catalog() if "." in key}
    return [word for word in re.findall(r"[a-z][a-z0-9-]*(?:\.[a-z0-9-]+)+", text) if word in dotted]


def words_found(text: str, words: list[str]) -> list[str]:
    return [w for w in words if re.search(rf"(?<![\w-]){re.escape(w)}(?![\w-])", text)]


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("args", RUNS, ids=lambda a: " ".join(a[:3]))
def test_every_command_speaks_the_chosen_language(examples: Path, strict: list[str], lang: str,
                                                  args: list[str]) -> None:
    result = run_cli(*args, "--lang", lang, cwd=examples)
    assert result.code in (0, 1), result.err
    assert "internal error" not in result.err and "Traceback" not in result.err
    text = result.out + result.err
    assert text.strip()
    assert strict == []
    assert shown_keys(text) == []
    if args[-1:] == ["html"] or "html" in args:
        text = re.sub(r"<[^>]+>", " ", re.sub(r"<(style|svg)\b.*?</\1>", " ", text, flags=re.S))
    if lang == "id":
        assert words_found(text, ENGLISH) == [], text
    else:
        assert words_found(text, INDONESIAN) == [], text


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("args", WRITING_RUNS, ids=lambda a: " ".join(a[:2]))
def test_commands_that_write_files_speak_the_chosen_language(examples: Path, strict: list[str], lang: str,
                                                             args: list[str]) -> None:
    result = run_cli(*args, "--lang", lang, cwd=examples)
    assert result.code == 0, result.err
    assert strict == [] and shown_keys(result.out + result.err) == []
    words = ENGLISH if lang == "id" else INDONESIAN
    assert words_found(result.out, [w for w in words if w != "file"]) == [], result.out
    written = sorted(p for p in examples.rglob("*.toml") if "baru" in p.name)
    for path in written:  # the scaffolds' comments are in the chosen language too
        comments = "\n".join(line for line in path.read_text(encoding="utf-8").splitlines() if "#" in line)
        assert words_found(comments, ["Hands-on", "pieces per", "per batch"] if lang == "id" else
                           ["per adonan", "potong", "Takaran"]) == [], comments


def test_the_checks_themselves_catch_what_they_look_for(strict: list[str]) -> None:
    Formatter("id").text(Msg("compare.no-such-label"))
    Formatter("en").text(Msg("compare.title-missing-params-check", {}))
    Formatter("en").text(Msg("compare-no-hours", {}))
    assert strict == ["missing message 'compare.no-such-label'", "missing message 'compare.title-missing-params-check'",
                      "compare-no-hours: no value for {'products'}"]
    assert shown_keys("Produk compare.title x") == ["compare.title"]
    assert words_found("x (hint: y), Total per batch", ENGLISH) == ["Total per batch", "hint"]
