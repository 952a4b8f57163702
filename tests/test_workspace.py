"""Finding and loading a workspace: discovery, embedded defaults, reading files
safely and finding the line a problem is on."""

from __future__ import annotations

import os
from decimal import Decimal
from pathlib import Path

import pytest

from planner import tomlfile
from planner.errors import InputError
from planner.texts import _
from planner.workspace import DATA, expand_paths, find_root, load_file, load_workspace, resolve_ref, shown_path

D = Decimal


def write(folder: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    return folder


# ---------------------------------------------------------------- discovery


def test_the_workspace_is_the_first_folder_upwards_with_planner_toml(tmp_path, monkeypatch):
    write(tmp_path, {"planner.toml": "", "resep/kue/bingka.toml": ""})
    monkeypatch.chdir(tmp_path / "resep")
    # shown from the current folder: the workspace is one level up
    assert find_root(Path("kue/bingka.toml")) == Path("..")
    assert find_root(Path(".")) == Path("..")
    monkeypatch.chdir(tmp_path)
    assert find_root(Path("resep/kue/bingka.toml")) == Path(".")


def test_a_workspace_elsewhere_is_shown_by_its_full_path(tmp_path, monkeypatch):
    write(tmp_path, {"ws/planner.toml": "", "elsewhere/x": ""})
    monkeypatch.chdir(tmp_path / "elsewhere")
    assert find_root(tmp_path / "ws") == (tmp_path / "ws").resolve()
    assert shown_path((tmp_path / "ws" / "sub").resolve()) == (tmp_path / "ws" / "sub").resolve()
    monkeypatch.chdir(tmp_path)
    assert shown_path((tmp_path / "ws" / "sub").resolve()) == Path("ws/sub")


def test_without_a_workspace_the_embedded_defaults_apply(tmp_path):
    write(tmp_path, {"kue.toml": ""})
    assert find_root(tmp_path / "kue.toml") is None
    ws = load_workspace(first=tmp_path / "kue.toml")
    assert ws.root is None
    assert (ws.settings_file, ws.catalog_file) == ("planner/data/planner.toml", "planner/data/prices.toml")
    assert not ws.own_catalog
    assert ws.settings.labor.wage_per_hour == 30_602
    assert ws.places == 0


def test_the_workspace_option_wins_and_must_be_a_workspace(tmp_path):
    write(tmp_path, {"a/planner.toml": 'language = "en"\n', "b/kue.toml": ""})
    ws = load_workspace(tmp_path / "a", first=tmp_path / "b" / "kue.toml")
    assert ws.settings.language == "en"
    with pytest.raises(InputError) as caught:
        load_workspace(tmp_path / "b")
    assert caught.value.message.key == _("'{folder}' is not a workspace (no planner.toml there)")


def test_a_workspace_catalog_is_used_alone(tmp_path):
    write(tmp_path, {"planner.toml": "", "prices.toml": '[gula]\npack = "1 kg"\nprice = 17_000\n'})
    ws = load_workspace(tmp_path)
    assert list(ws.catalog) == ["gula"]  # no embedded item mixed in


def test_a_workspace_without_prices_toml_uses_the_embedded_catalog(tmp_path):
    write(tmp_path, {"planner.toml": 'language = "en"\n'})
    ws = load_workspace(tmp_path)
    assert "telur-ayam" in ws.catalog and ws.settings.language == "en"


def test_settings_can_redefine_the_gelas(tmp_path):
    write(tmp_path, {"planner.toml": '[units]\ngelas = "250 ml"\n'})
    ws = load_workspace(tmp_path)
    from planner.units import Quantity

    assert ws.units.convert(Quantity(D("1.5"), "gelas"), "ml") == 375  # 1,5 × 250 ml


def test_catalog_problems_are_all_reported_with_their_lines(tmp_path):
    catalog = (
        '[gula]\npack = "1 kg"\nprice = 14.000\n\n'
        '[kain]\npack = "1 m"\nprice = 20_000\nwidth = "1 kg"\n\n'
        '[garam]\npack = "1 kati"\nprice = 5_000\n'
    )
    write(tmp_path, {"planner.toml": "", "prices.toml": catalog})
    ws = load_workspace(tmp_path)
    found = [(p.line, p.message.key) for p in ws.diagnostics.errors]
    assert sorted(found) == [
        (3, _("'{key}' = {value} is read as {whole}: TOML takes the dot as a decimal point")),
        (8, _("{field} of {item} must be a length, not {value}")),
        (11, _("unknown unit '{unit}' for {item}")),
    ]


def test_what_is_broken_gives_way_and_the_rest_still_counts(tmp_path):
    """A broken item is left out (and known as broken); a broken settings table takes its default."""
    write(
        tmp_path,
        {
            "planner.toml": 'language = "en"\n[labor]\nwage_per_hour = "banyak"\n[pricing]\nmarkup = 0.5\n',
            "prices.toml": '[gula]\npack = "1 kg"\nprice = 14.000\n\n[garam]\npack = "1 kg"\nprice = 5_000\n',
        },
    )
    ws = load_workspace(tmp_path)
    assert ws.settings.language == "en" and ws.settings.pricing.markup == D("0.5")
    assert ws.settings.labor.wage_per_hour == 30_602  # the default, with its error told
    assert list(ws.catalog) == ["garam"] and ws.catalog.broken == {"gula"}
    assert [p.line for p in ws.diagnostics.errors] == [3, 3]


# ---------------------------------------------------------------- the embedded defaults


def test_the_embedded_catalog_is_large_dated_and_sourced():
    ws = load_workspace(DATA)
    assert len(ws.catalog) >= 40
    for item_id, item in ws.catalog.items():
        assert item.as_of is not None, item_id
        assert item.source, item_id
        assert item.name, item_id
    fabrics = {i.width for i in ws.catalog.values() if i.width is not None}
    assert {str(w) for w in fabrics} >= {"115 cm", "150 cm"}
    for wanted in (
        "tepung-terigu",
        "gula-pasir",
        "telur-ayam",
        "telur-itik",
        "santan-kental",
        "margarin",
        "ragi-instan",
        "daun-pandan",
        "kentang",
        "pisang-kepok",
        "lpg-3kg",
        "mika-kecil",
        "plastik-klip",
        "stiker-label",
        "benang-jahit",
        "kancing-kemeja",
        "resleting",
        "kain-keras",
    ):
        assert wanted in ws.catalog, wanted


# ---------------------------------------------------------------- reading files


def test_a_missing_file_is_named(tmp_path):
    with pytest.raises(InputError) as caught:
        tomlfile.read_text(tmp_path / "nope.toml")
    assert caught.value.message.key == _("file not found")


def test_a_folder_is_not_a_file(tmp_path):
    with pytest.raises(InputError) as caught:
        tomlfile.read_text(tmp_path)
    assert caught.value.message.key == _("this is a folder, not a file")


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root reads any file")
def test_an_unreadable_file_is_named(tmp_path):
    path = write(tmp_path, {"kue.toml": 'name = "x"\n'}) / "kue.toml"
    path.chmod(0)
    try:
        with pytest.raises(InputError) as caught:
            tomlfile.read_text(path)
        assert caught.value.message.key == _("cannot read the file: {reason}")
    finally:
        path.chmod(0o644)


def test_a_link_loop_is_unreadable_not_a_crash(tmp_path):
    (tmp_path / "loop.toml").symlink_to("loop.toml")
    with pytest.raises(InputError) as caught:
        tomlfile.read_text(tmp_path / "loop.toml")
    assert caught.value.message.key == _("cannot read the file: {reason}")


def test_bytes_that_are_not_utf8_are_found_on_their_line(tmp_path):
    path = tmp_path / "kue.toml"
    path.write_bytes(b'name = "Kue"\n# gula \xb1 200 g\n')
    with pytest.raises(InputError) as caught:
        tomlfile.read_text(path)
    assert (caught.value.message.key, caught.value.line) == (_("the file is not UTF-8 text (byte {byte})"), 2)
    assert caught.value.message.params["byte"] == "0xb1"


def test_floats_are_read_as_exact_decimals():
    data = tomlfile.parse("loss = 0.1\nprice = 12_700\n", "x.toml")
    assert data == {"loss": D("0.1"), "price": 12700}
    assert isinstance(data["loss"], Decimal)


@pytest.mark.parametrize(
    "text, line, reason",
    [
        ('name = "Kue"\n\n[batch]\npieces = delapan\n', 4, _("a value is not valid TOML")),
        ("[batch]\n[batch]\n", 2, _("a table is declared twice")),
        ('name = "Kue\n', 1, _("a text is not closed with a quote")),
        ('name = "Kue"\nsizes = ["S",\n', 2, _("a value is not valid TOML")),  # at the end of the document
    ],
)
def test_a_syntax_error_names_its_line_and_reason(text, line, reason):
    with pytest.raises(InputError) as caught:
        tomlfile.parse(text, "x.toml")
    err = caught.value
    assert (err.message.key, err.line, err.message.params["reason"].key) == (
        _("TOML syntax error: {reason}"),
        line,
        reason,
    )
    assert err.hint is not None and err.hint.key != reason


@pytest.mark.parametrize(
    "line, message, hint",
    [  # decision 3: the exact line to write
        ("loss = 0,05", "a number has a decimal comma", "write loss = 0.05: numbers in the file take a decimal point"),
        ("minutes = 60 menit", "a number is followed by a word (menit)", "write minutes = 60: the number alone"),
        ("loss = 5%", "a share is written with %", "write loss = 0.05: a share is a fraction, 5% is 0.05"),
        ("loss = 12,5 %", "a share is written with %", "write loss = 0.125: a share is a fraction, 12,5% is 0.125"),
        ("price = 14,000", "a comma cannot group the thousands of a number", "write price = 14000 or price = 14_000"),
        (
            "price = 1,250,000",
            "a comma cannot group the thousands of a number",
            "write price = 1250000 or price = 1_250_000",
        ),
        ("qty = 250 g  # gula", "a quantity is not in quotes", 'write qty = "250 g"'),
        (
            "name = \u201cBingka\u201d",
            "a text is in curly quotes (\u201c \u201d), which TOML does not read",
            'use straight quotes: name = "Bingka"',
        ),
        (
            "minutes = 40\nminutes = 45",
            "the key 'minutes' is written twice in the same table",
            "keep one of the two lines with minutes =",
        ),
        (
            "[12/01 10.15] Siti: kuenya jadi 20 ya",
            "this line looks like text pasted from a chat, not key = value",
            'make it a comment with # in front, or keep it as notes = "..."',
        ),
        (
            "Bu, kuenya jadi 20 potong ya",
            "this line looks like text pasted from a chat, not key = value",
            'make it a comment with # in front, or keep it as notes = "..."',
        ),
    ],
)
def test_the_indonesian_ways_of_writing_a_value_get_the_exact_fix(line, message, hint):
    from planner.i18n import Formatter

    text = f'name = "Kue"\n[batch]\npieces = 8\n{line}\n'
    with pytest.raises(InputError) as caught:
        tomlfile.parse(text, "x.toml")
    en = Formatter("en")
    assert (en.text(caught.value.message), en.text(caught.value.hint)) == (message, hint)
    assert caught.value.line == 4 + line.count("\n")


def test_an_unusual_syntax_error_keeps_tomllibs_words():
    with pytest.raises(InputError) as caught:
        tomlfile.parse('x = "\\q"\n', "x.toml")
    assert isinstance(caught.value.message.params["reason"], str)
    assert caught.value.hint.key == _(
        'text values need quotes (qty = "250 g"), each key once per table, tables as [name]'
    )


LINES = """\
name = "Kue"            # 1

[batch]                 # 3
pieces = 8              # 4

[[ingredients]]         # 6
item = "gula"           # 7
qty = "1 kg"            # 8
[[ingredients]]         # 9
item = "telur"          # 10
qty = "2 butir"         # 11

[packaging]             # 13
items = [ { item = "mika", qty = "1 pcs" } ]   # 14
"""


@pytest.mark.parametrize(
    "loc, line",
    [
        (("name",), 1),
        (("batch", "pieces"), 4),
        (("batch", "minutes"), 3),  # not written: the table it belongs in
        (("ingredients", 0, "qty"), 8),
        (("ingredients", 1, "item"), 10),
        (("ingredients", 1), 9),
        (("packaging", "items", 0, "item"), 14),
        (("nothing",), None),
    ],
)
def test_line_of_finds_a_location_or_its_closest_enclosing_key(loc, line):
    assert tomlfile.line_of(LINES, loc) == line


# ---------------------------------------------------------------- files in the workspace


def test_a_file_tells_its_kind(tmp_path):
    write(
        tmp_path,
        {
            "kue.toml": 'name = "K"\n[batch]\npieces = 2\n[[ingredients]]\nitem = "gula"\nqty = "1 kg"\n',
            "catatan.toml": 'judul = "x"\n',
        },
    )
    ws = load_workspace(DATA)
    kind, model, _data = load_file(ws, tmp_path / "kue.toml")
    assert kind == "recipe" and model.batch.pieces == 2
    with pytest.raises(InputError) as caught:
        load_file(ws, tmp_path / "catatan.toml")
    assert (caught.value.message.key, caught.value.line) == (
        _("cannot tell whether this is a recipe, a pattern or a plan"),
        1,
    )


def test_a_reference_is_relative_to_the_file_that_makes_it(tmp_path):
    write(tmp_path, {"resep/santan.toml": ""})
    assert resolve_ref("santan", str(tmp_path / "resep" / "kue.toml")) == tmp_path / "resep" / "santan.toml"
    # "resep/../x.toml" is written as the plain path, so one file is named one way in messages
    assert resolve_ref("../x.toml", str(tmp_path / "resep" / "kue.toml")) == tmp_path / "x.toml"


def test_folders_expand_to_their_product_files(tmp_path):
    write(
        tmp_path,
        {
            "planner.toml": "",
            "prices.toml": "",
            "resep/a.toml": "",
            "resep/b.toml": "",
            "pola/c.toml": "",
            "catatan.txt": "",
            "lama.toml/x": "",
        },
    )
    found = expand_paths([tmp_path, tmp_path / "resep" / "a.toml"])
    names = [p.relative_to(tmp_path).as_posix() for p in found]
    assert names == ["pola/c.toml", "resep/a.toml", "resep/b.toml", "resep/a.toml"]
