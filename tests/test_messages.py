"""Indonesian is first-class: the gettext catalogue is complete, compiled and in use.

(a) every sentence the code marks (``pybabel extract``, run here in-process with
    the keywords of CONTRIBUTING.md) is in planner/locale/id/LC_MESSAGES/planner.po,
    translated, with the same {placeholders}; the .po holds nothing the code no
    longer says, and Babel's own checks pass;
(b) the shipped planner.mo is the .po compiled;
(c) every command run on the shipped examples with --lang id and --lang en shows
    only sentences the catalogue has (a strict Formatter), and its Indonesian
    output holds none of our English labels.
"""

from __future__ import annotations

import gettext
import re
import shutil
import string
from pathlib import Path

import pytest
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.pofile import read_po

from planner import i18n
from planner.i18n import Formatter, template
from planner.texts import Msg, Text, _
from tests.conftest import ROOT, run_cli

PACKAGE = Path(__file__).resolve().parent.parent / "planner"
PO = PACKAGE / "locale" / "id" / "LC_MESSAGES" / "planner.po"
MO = PO.with_suffix(".mo")
KEYWORDS = {**DEFAULT_KEYWORDS, "p_": ((1, "c"), 2), "n_": (1, 2)}  # -k p_:1c,2 -k n_:1,2


def fields(template: str) -> set[str]:
    return {name for _lit, name, _spec, _conv in string.Formatter().parse(template) if name is not None}


def marked() -> dict[tuple[str | None, str], tuple[str, ...]]:
    """(context, English) -> its forms, for every sentence the code marks."""
    found = {}
    for _file, _line, message, _comments, context in extract_from_dir(
        str(PACKAGE), method_map=[("**.py", "python")], keywords=KEYWORDS
    ):
        forms = message if isinstance(message, tuple) else (message,)
        found[(context, forms[0])] = forms
    return found


def catalogue():
    with PO.open("rb") as handle:
        return read_po(handle)


def entries() -> dict[tuple[str | None, str], object]:
    return {(m.context, m.id[0] if isinstance(m.id, tuple) else m.id): m for m in catalogue() if m.id}


# ---------------------------------------------------------------- (a) and (b): the catalogue


def test_the_code_marks_its_sentences() -> None:
    found = marked()
    assert len(found) > 600
    assert (None, "unknown item '{item}'") in found and ("unit", "min") in found


def test_every_marked_sentence_is_translated() -> None:
    have = entries()
    missing = sorted((key for key in marked() if key not in have or not have[key].string), key=str)
    assert missing == [], "run pybabel update and translate (CONTRIBUTING.md, Messages)"


def test_the_catalogue_holds_nothing_the_code_no_longer_says() -> None:
    unused = sorted(set(entries()) - set(marked()), key=str)
    assert unused == []


def test_translations_keep_the_placeholders() -> None:
    for (context, english), entry in entries().items():
        forms = entry.string if isinstance(entry.string, tuple) else (entry.string,)
        ids = entry.id if isinstance(entry.id, tuple) else (entry.id,)
        for form in forms:
            assert fields(form) == fields(ids[0]), (context, english)


def test_babels_checks_pass() -> None:
    """What `pybabel compile` checks (placeholders, plural forms): a catalogue that fails them is not compiled."""
    errors = [(m.id, [str(e) for e in errs]) for m, errs in catalogue().check()]
    assert errors == []


def test_indonesian_is_not_a_copy_of_the_english() -> None:
    """A sentence the same in both languages must be a formula or a name, not an untranslated sentence."""
    same = [
        m.id
        for m in catalogue()
        if m.id and m.id == m.string and len(re.findall(r"\b[a-z]{3,}\b", re.sub(r"\{[^}]*\}", "", str(m.id)))) > 2
    ]
    assert same == []


def test_the_shipped_mo_is_the_po_compiled() -> None:
    with MO.open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)._catalog  # type: ignore[attr-defined]
    for (context, english), entry in entries().items():
        key = english if context is None else f"{context}\x04{english}"
        if isinstance(entry.string, tuple):
            assert all(compiled.get((key, n)) == form for n, form in enumerate(entry.string)), english
        else:
            assert compiled.get(key) == entry.string, english
    assert len([k for k in compiled if k]) == len(entries())


def test_plurals_follow_the_number() -> None:
    files = Text("{count} file", plural="{count} files")
    en, id_ = Formatter("en"), Formatter("id")
    assert [en.text(Msg(files, {"count": n})) for n in (1, 2)] == ["1 file", "2 files"]
    assert i18n.translations("id").ngettext("x", "xs", 1) == "x"  # a sentence the catalogue lacks stays English
    assert id_.text(Msg(_("warning"))) == "peringatan"


# ---------------------------------------------------------------- (d): every command in both languages

RUNS = [
    ["cost", "recipes/bingka-kentang.toml", "--explain"],
    ["cost", "patterns/kemeja-sekolah.toml"],
    ["cost", "patterns/gamis.toml", "--size", "M", "--explain", "-f", "md"],
    ["cost", "recipes/bingka-kentang.toml", "-f", "html", "--explain"],
    ["check", "recipes", "patterns", "plans"],
    ["price", "recipes/bingka-kentang.toml", "--explain"],
    ["price", "patterns/rok-sekolah.toml", "-f", "csv"],
    [
        "breakeven",
        "recipes/bingka-kentang.toml",
        "--explain",
        "--target",
        "1000000",
        "--volume",
        "200",
        "--capital",
        "500000",
    ],
    ["breakeven", "patterns/kemeja-sekolah.toml", "--size", "M", "--price", "145000", "--explain"],
    ["plan", "plans/pesanan-kenduri.toml", "--explain", "--today", "2026-12-01"],
    ["plan", "recipes/bingka-kentang.toml=40", "-f", "md"],
    [
        "quote",
        "patterns/kemeja-sekolah.toml",
        "--sizes",
        "S=5,M=10,L=5",
        "--customer-fabric",
        "40m",
        "--rush",
        "--explain",
        "--today",
        "2026-12-01",
    ],
    ["quote", "patterns/kemeja-sekolah.toml", "--size", "M", "--qty", "2", "-f", "text", "--today", "2026-12-01"],
    ["quote", "patterns/gamis.toml", "--size", "L", "--qty", "1", "--price", "150000", "--today", "2026-12-01"],
    ["scale", "recipes/bingka-kentang.toml", "--pieces", "24", "--explain"],
    ["compare", "recipes", "patterns", "--explain"],
    ["compare", "recipes", "-f", "html"],
    ["whatif", "recipes/bingka-kentang.toml", "-c", "gula-pasir=+20%,+40%", "-c", "telur-itik=3500", "--explain"],
    ["whatif", "patterns/rok-sekolah.toml", "-c", "drill=-10%", "--size", "M", "--explain"],
    ["whatif", "examples/kelas", "-c", "gula-pasir=+20%", "--summary", "--explain"],
    ["sheet", "examples/kelas", "--explain", "--today", "2026-12-01", "-f", "html"],
    ["sheet", "examples/kelas/jahit-ani", "-f", "md"],
    ["breakeven", "examples/kelas/kue-siti/resep/bingka-kentang.toml", "--explain"],
    ["check", "examples/kelas", "--explain", "--today", "2026-12-01"],
    ["compare", "examples/kelas"],
    ["titip", "--today", "2026-12-14", "--explain"],
    ["titip", "--today", "2026-12-14", "--shop", "Warung Acil", "-f", "text"],
    ["book", "--month", "2026-11", "--today", "2026-12-14", "--explain"],
    ["book", "--month", "2026-12", "--today", "2026-12-14", "-f", "html", "--explain", "--prices-from-book"],
    ["check", "books", "--today", "2026-12-14"],
    ["book", "--month", "2026-13", "--today", "2026-12-14"],  # an error of the period
    ["cost", "recipes/missing.toml"],  # an error
    ["price", "recipes/bingka-kentang.toml", "--set", "gula-pasr=18000"],  # an error with a hint
    ["whatif", "recipes/bingka-kentang.toml", "-c", "gula-pasir=20%"],  # an error of whatif
]
WRITING_RUNS = [
    ["new", "recipe", "recipes/kue-baru"],
    ["new", "pattern", "patterns/baju-baru"],
    ["new", "plan", "plans/rencana-baru"],
    ["new", "book", "books/baru"],
    ["init", "usaha"],
    ["schema", "--output", "schemas"],
]

# Our English labels and words, each of which has an Indonesian message: none may show in Indonesian output.
ENGLISH = [
    "Total per batch",
    "Total per garment",
    "Cost",
    "Price",
    "Profit",
    "Receipt",
    "Channel",
    "Product",
    "Scenario",
    "Today",
    "warning",
    "hint",
    "pieces",
    "per piece",
    "sold",
    "How each figure",
    "Break-even",
    "break-even",
    "never",
    "month",
    "Item",
    "Qty",
    "Size",
    "written",
    "Working time",
    "file",
]
# ... and Indonesian words of ours that must not show in English output (product and item names are the user's).
INDONESIAN = [
    "peringatan",
    "saran",
    "Cara menghitung",
    "Harga jual",
    "per bulan",
    "terjual",
    "layak jual",
    "Sekarang",
    "Skenario",
    "berkas",
    "Perbandingan",
    "sekaligus",
    "Uraian",
    "Biaya",
]


@pytest.fixture
def strict(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Formatter.text fails loudly (instead of showing English) on a sentence the catalogue lacks
    or a placeholder with no value."""
    problems: list[str] = []
    known = set(entries())
    original = Formatter.text

    def text(self: Formatter, message: Msg | str) -> str:
        if isinstance(message, Msg):
            key = message.key if isinstance(message.key, Text) else Text(message.key)
            if (key.context, key.id) not in known:
                problems.append(f"not in the catalogue: {key.id!r}")
            else:
                wanted = fields(template(message.key, self.lang, message.params))
                if not wanted <= set(message.params):
                    problems.append(f"{key.id!r}: no value for {sorted(wanted - set(message.params))}")
        return original(self, message)

    monkeypatch.setattr(Formatter, "text", text)
    return problems


def words_found(text: str, words: list[str]) -> list[str]:
    return [w for w in words if re.search(rf"(?<![\w-]){re.escape(w)}(?![\w-])", text)]


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("args", RUNS, ids=lambda a: " ".join(a[:3]))
def test_every_command_speaks_the_chosen_language(
    examples: Path, strict: list[str], lang: str, args: list[str]
) -> None:
    if any(arg.startswith("examples/") for arg in args):  # the class example, with its groups' folders
        shutil.copytree(ROOT / "examples", examples / "examples")
    result = run_cli(*args, "--lang", lang, cwd=examples)
    assert result.code in (0, 1), result.err
    assert "internal error" not in result.err and "Traceback" not in result.err
    text = result.out + result.err
    assert text.strip()
    assert strict == []
    if args[-1:] == ["html"] or "html" in args:
        text = re.sub(r"<[^>]+>", " ", re.sub(r"<(style|svg)\b.*?</\1>", " ", text, flags=re.S))
    if lang == "id":
        assert words_found(text, ENGLISH) == [], text
    else:
        assert words_found(text, INDONESIAN) == [], text


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("args", WRITING_RUNS, ids=lambda a: " ".join(a[:2]))
def test_commands_that_write_files_speak_the_chosen_language(
    examples: Path, strict: list[str], lang: str, args: list[str]
) -> None:
    result = run_cli(*args, "--lang", lang, cwd=examples)
    assert result.code == 0, result.err
    assert strict == []
    words = ENGLISH if lang == "id" else INDONESIAN
    assert words_found(result.out, [w for w in words if w != "file"]) == [], result.out
    written = sorted(p for p in examples.rglob("*.toml") if "baru" in p.name)
    for path in written:  # the scaffolds' comments are in the chosen language too
        comments = "\n".join(line for line in path.read_text(encoding="utf-8").splitlines() if "#" in line)
        assert (
            words_found(
                comments,
                ["Hands-on", "pieces per", "per batch"] if lang == "id" else ["per adonan", "potong", "Takaran"],
            )
            == []
        ), comments


def test_the_checks_themselves_catch_what_they_look_for(strict: list[str]) -> None:
    Formatter("id").text(Msg("no such sentence"))
    Formatter("en").text(Msg(_("no profit per hour for {products}: no hands-on minutes"), {}))
    assert strict == [
        "not in the catalogue: 'no such sentence'",
        "'no profit per hour for {products}: no hands-on minutes': no value for ['products']",
    ]
    assert words_found("x (hint: y), Total per batch", ENGLISH) == ["Total per batch", "hint"]
