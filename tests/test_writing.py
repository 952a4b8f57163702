"""writing: generated TOML loads back to exactly its values; refused writes change nothing."""

from __future__ import annotations

import tomllib
from datetime import date
from decimal import Decimal as D
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from planner.errors import InputError
from planner.texts import _
from planner.writing import toml_literal, toml_text, write_checked, write_toml

RECIPE = {
    "name": 'Bingka "kentang" × 1,5',
    "source": "ulekan.com",
    "batch": {"pieces": 12, "loss": D("0.05"), "equipment_minutes": D("82.5")},
    "ingredients": [{"item": "telur-itik", "qty": "4,5 butir"}, {"recipe": "../resep/santan", "qty": "2,25 gelas"}],
    "overhead": [{"name": "Daun pisang", "cost": 1500}],
    "packaging": {"pieces_per_pack": 2, "items": [{"item": "mika-kecil", "qty": "1 pcs"}]},
}


def loads(text: str) -> dict:
    return tomllib.loads(text, parse_float=D)


def test_a_recipe_is_written_with_table_blocks_and_loads_back_to_the_same_values():
    text = toml_text(RECIPE)
    assert loads(text) == RECIPE
    assert text.count("[[ingredients]]") == 2 and "[batch]" in text and "[packaging]" in text


def test_odd_keys_and_values_are_quoted_by_tomli_w():
    data = {
        "a b": {"tepung terigu": "1 kg"},
        "due": date(2026, 12, 12),
        "share": D("0.30"),
        "list": [{"x": 1, "inner": {"y": 2}}],
    }  # tables inside array elements stay tomli-w's own
    assert loads(toml_text(data)) == data


def test_literals_are_one_line():
    assert toml_literal({"S": "1,30 m", "M": "1,40 m"}) == '{ S = "1,30 m", M = "1,40 m" }'
    assert toml_literal(["S", "M"]) == '["S", "M"]'
    assert toml_literal('say "hi"') == '"say \\"hi\\""'
    assert toml_literal(D("0.05")) == "0.05" and toml_literal(1000) == "1000"


scalars = st.one_of(
    st.text(max_size=20),
    st.integers(-(10**9), 10**9),
    st.decimals(allow_nan=False, allow_infinity=False, places=3, min_value=-(10**6), max_value=10**6),
    st.booleans(),
    st.dates(),
)
keys = st.text(min_size=1, max_size=12)


@given(
    st.dictionaries(
        keys,
        st.one_of(
            scalars,
            st.dictionaries(keys, scalars, max_size=4),
            st.lists(st.dictionaries(keys, scalars, min_size=1, max_size=3), max_size=3),
        ),
        max_size=6,
    )
)
@example(data={"0\n": [{"0": ""}]})  # a key ending in a newline once passed for a bare key
def test_anything_written_loads_back_to_the_same_values(data):
    assert loads(toml_text(data)) == data


def test_write_toml_puts_the_header_first_and_refuses_to_overwrite(tmp_path: Path):
    target = tmp_path / "r.toml"
    text = write_toml(target, RECIPE, header="# scaled\n\n")
    assert target.read_text(encoding="utf-8") == text and text.startswith("# scaled\n\n")
    before = target.read_bytes()
    with pytest.raises(InputError) as caught:
        write_toml(target, {"name": "other"})
    assert caught.value.message.key == _("'{file}' already exists; nothing was written")
    assert target.read_bytes() == before
    write_toml(target, {"name": "other"}, force=True)
    assert loads(target.read_text(encoding="utf-8")) == {"name": "other"}


def test_an_input_is_never_overwritten_even_with_force(tmp_path: Path):
    source = tmp_path / "bingka.toml"
    source.write_bytes(b'name = "mine"\n')
    with pytest.raises(InputError) as caught:
        write_toml(source, RECIPE, force=True, inputs=[source])
    assert caught.value.message.key == _("'{file}' is one of the input files; it will not be overwritten")
    assert source.read_bytes() == b'name = "mine"\n'


def test_text_that_does_not_load_back_to_its_values_is_never_written(tmp_path: Path):
    target = tmp_path / "s.toml"
    with pytest.raises(RuntimeError):
        write_checked(target, 'name = "Kue"\n', {"name": "Kue lapis"})
    assert not target.exists() and not list(tmp_path.iterdir())
    write_checked(target, '# comment\nname = "Kue"  # note\n', {"name": "Kue"})
    assert target.read_text(encoding="utf-8") == '# comment\nname = "Kue"  # note\n'
