"""Generate a synthetic workspace at cooperative scale, for the benchmark.

    python bench/make_workspace.py DIR [--recipes 1000] [--patterns 200] [--items 500] [--seed 7]

writes DIR/planner.toml (the embedded defaults), DIR/prices.toml (a catalog
of realistic items: packs by mass, volume, count and length, some with a
piece weight, a density, item units or a yield, fabrics with width and
step), DIR/recipes/ (8-15 ingredients each, some with a sub-recipe, overhead
and packaging), DIR/patterns/ and DIR/plans/semua.toml (one [[make]] per
recipe). The same seed gives the same files; every file passes `planner check`.
"""

from __future__ import annotations

import argparse
import random
import shutil
from dataclasses import dataclass, field
from pathlib import Path

DEFAULTS = Path(__file__).resolve().parent.parent / "planner" / "data"
BASES = 50  # the first recipes are bases (doughs, santan, fillings) others may use
SIZES = ("S", "M", "L", "XL")


@dataclass
class Item:
    id: str
    kind: str  # mass | liquid | egg | leaf | pack | fuel | fabric | notion | button
    lines: list[str]
    units: dict[str, str] = field(default_factory=dict)

    def toml(self) -> str:
        body = [f"[{self.id}]", *self.lines]
        if self.units:
            body.append("units = { " + ", ".join(f'{k} = "{v}"' for k, v in self.units.items()) + " }")
        return "\n".join(body) + "\n"


LABELS = {
    "mass": "Bahan kering",
    "liquid": "Bahan cair",
    "egg": "Telur",
    "leaf": "Daun",
    "fuel": "LPG",
    "pack": "Kemasan",
    "fabric": "Kain",
    "notion": "Benang",
    "button": "Kancing",
}


def _item(rng: random.Random, n: int, kind: str) -> Item:
    """One catalog item of ``kind``, priced like a Banjarmasin market."""
    name = f'name = "{LABELS[kind]} {n}"'
    dated = ["as_of = 2026-01-15", 'source = "[est] synthetic benchmark item"']
    if kind == "mass":
        pack, price = rng.choice([("1 kg", 12_000), ("500 g", 7_000), ("250 g", 9_500), ("100 g", 5_500)])
        lines = [name, f'pack = "{pack}"', f"price = {price + rng.randrange(0, 40) * 500}", *dated]
        if rng.random() < 0.3:
            lines.append(f"yield = 0.{rng.randint(70, 95)}")
        units = {"sdm": f"{rng.randint(6, 14)} g", "cup": f"{rng.randint(110, 230)} g"} if rng.random() < 0.6 else {}
        return Item(f"bahan-{n}", kind, lines, units)
    if kind == "liquid":
        pack, price = rng.choice([("1 l", 20_000), ("500 ml", 11_000), ("65 ml", 2_500)])
        return Item(
            f"cair-{n}",
            kind,
            [
                name,
                f'pack = "{pack}"',
                f"price = {price + rng.randrange(0, 20) * 500}",
                f"density = {rng.choice(['0.92', '1.0', '1.03', '1.2'])}",
                *dated,
            ],
        )
    if kind == "egg":
        return Item(
            f"telur-{n}",
            kind,
            [
                name,
                'pack = "1 kg"',
                f"price = {28_000 + rng.randrange(0, 8) * 500}",
                f'piece = "{rng.choice(["55", "62.5", "70"])} g"',
                *dated,
            ],
        )
    if kind == "leaf":
        return Item(
            f"daun-{n}",
            kind,
            [name, 'pack = "1 ikat"', f"price = {rng.choice([2_500, 5_000])}", *dated],
            {"ikat": f"{rng.choice([10, 20])} lembar"},
        )
    if kind == "fuel":
        return Item(f"lpg-{n}", kind, [name, 'pack = "3 kg"', f"price = {25_000 + rng.randrange(0, 10) * 500}", *dated])
    if kind == "pack":
        pack = rng.choice(["50 pcs", "100 pcs"])
        return Item(
            f"kemasan-{n}", kind, [name, f'pack = "{pack}"', f"price = {rng.randrange(10, 90) * 1_000}", *dated]
        )
    if kind == "fabric":
        width, step = rng.choice([("115 cm", "0.25 m"), ("150 cm", "0.5 m"), ("150 cm", "0.25 m")])
        return Item(
            f"kain-{n}",
            kind,
            [
                name,
                'pack = "1 m"',
                f"price = {rng.randrange(15, 65) * 1_000}",
                f'width = "{width}"',
                f'step = "{step}"',
                *dated,
            ],
        )
    if kind == "notion":
        pack, price = rng.choice([("500 m", 6_000), ("5000 yard", 15_000), ("1 m", 3_000)])
        return Item(f"benang-{n}", kind, [name, f'pack = "{pack}"', f"price = {price}", *dated])
    return Item(
        f"kancing-{n}",
        kind,
        [name, 'pack = "1 lusin"', f"price = {rng.randrange(3, 9) * 1_000}", *dated],
        {"lusin": "12 pcs"},
    )


KINDS = (
    ("mass", 0.34),
    ("liquid", 0.12),
    ("egg", 0.04),
    ("leaf", 0.04),
    ("fuel", 0.02),
    ("pack", 0.12),
    ("fabric", 0.14),
    ("notion", 0.1),
    ("button", 0.08),
)


def make_catalog(rng: random.Random, count: int) -> list[Item]:
    items = []
    for kind, share in KINDS:
        items += [_item(rng, len(items) + i, kind) for i in range(max(2, round(count * share)))]
    return (
        items[:count]
        if len(items) >= count
        else items + [_item(rng, len(items) + i, "mass") for i in range(count - len(items))]
    )


def _qty(rng: random.Random, item: Item) -> str:
    """An amount a recipe would write for this item, in a unit it converts from."""
    if item.kind == "mass":
        unit = rng.choice(["g", "g", "kg", *item.units])
        amount = {
            "g": rng.randint(5, 500),
            "kg": rng.choice(["0,5", "1", "1,25"]),
            "sdm": rng.randint(1, 6),
            "cup": rng.choice(["0,5", "1", "2"]),
        }[unit]
        return f"{amount} {unit}"
    if item.kind == "liquid":
        unit = rng.choice(["ml", "sdm", "g", "gelas"])
        amounts = {"ml": rng.randint(20, 400), "sdm": rng.randint(1, 5), "g": rng.randint(10, 300), "gelas": "1,5"}
        return f"{amounts[unit]} {unit}"
    if item.kind == "egg":
        return f"{rng.randint(1, 6)} butir"
    if item.kind == "leaf":
        return f"{rng.randint(1, 8)} lembar"
    return f"{rng.randint(50, 250)} g"


def make_recipe(rng: random.Random, n: int, items: dict[str, list[Item]]) -> str:
    food = items["mass"] + items["liquid"] + items["egg"] + items["leaf"]
    base = n < BASES
    lines = [
        f'name = "{"Adonan dasar" if base else "Kue"} {n:04d}"',
        'source = "synthetic benchmark recipe"',
        "",
        "[batch]",
        f"pieces = {rng.randint(8, 40)}",
        f"loss = 0.0{rng.randint(0, 9)}",
        f"minutes = {rng.randint(20, 120)}",
    ]
    if base:
        lines.append(f'output = "{rng.choice(["1 kg", "800 g", "1,2 kg"])}"')
    if rng.random() < 0.7:
        lines += ['equipment = "oven"', f"equipment_minutes = {rng.randint(20, 70)}"]
    count = rng.randint(8, 15)
    if not base and rng.random() < 0.25:
        lines += [
            "",
            "[[ingredients]]",
            f'recipe = "r{rng.randrange(BASES):04d}"',
            f'qty = "{rng.randint(100, 600)} g"',
        ]
        count -= 1
    for item in rng.sample(food, count):
        lines += ["", "[[ingredients]]", f'item = "{item.id}"', f'qty = "{_qty(rng, item)}"']
    fuel = rng.choice(items["fuel"])
    lines += [
        "",
        "[[overhead]]",
        f'item = "{fuel.id}"',
        f'qty = "{rng.randint(50, 200)} g"',
        "[[overhead]]",
        'name = "Daun pisang dan tusuk gigi"',
        f"cost = {rng.randrange(1, 6) * 500}",
    ]
    boxes = rng.sample(items["pack"], 2)
    lines += [
        "",
        "[packaging]",
        f"pieces_per_pack = {rng.choice([1, 2, 4, 6])}",
        "items = [ " + ", ".join(f'{{ item = "{b.id}", qty = "1 pcs" }}' for b in boxes) + " ]",
    ]
    return "\n".join(lines) + "\n"


def make_pattern(rng: random.Random, n: int, items: dict[str, list[Item]]) -> str:
    fabric = rng.choice(items["fabric"])
    own_width = next(line for line in fabric.lines if line.startswith("width")).split('"')[1]
    width = own_width if rng.random() < 0.8 else "115 cm"  # else an estimate by area
    base = rng.uniform(0.9, 2.6)
    need = ", ".join(f'{s} = "{base + 0.15 * i:.2f} m"' for i, s in enumerate(SIZES))
    lines = [
        f'name = "Pola {n:03d}"',
        'sizes = ["S", "M", "L", "XL"]',
        "",
        "[fabric]",
        f'item = "{fabric.id}"',
        f'width = "{width}"',
        f"need = {{ {need} }}",
        f"waste = 0.0{rng.randint(3, 9)}",
    ]
    for notion in rng.sample(items["notion"], 2):
        lines += ["", "[[materials]]", f'item = "{notion.id}"', f'qty = "{rng.randint(30, 120)} m"']
    button = rng.choice(items["button"])
    lines += ["", "[[materials]]", f'item = "{button.id}"', f'qty = "{rng.randint(1, 9)} pcs"']
    for op in rng.sample(
        ["Potong", "Jahit", "Obras", "Pasang kancing", "Setrika", "Lipat", "Bordir"], rng.randint(3, 6)
    ):
        lines += ["", "[[operations]]", f'name = "{op}"', f"minutes = {rng.randint(5, 60)}"]
        if rng.random() < 0.4:
            lines.append(f"efficiency = 0.{rng.randint(4, 9)}")
    if rng.random() < 0.5:
        lines += ["", "[[services]]", 'name = "Bordir logo"', f"cost = {rng.randrange(2, 12) * 1_000}"]
    lines += ["", "[packaging]", f'items = [ {{ item = "{rng.choice(items["pack"]).id}", qty = "1 pcs" }} ]']
    return "\n".join(lines) + "\n"


def make_plan(rng: random.Random, recipes: int, items: dict[str, list[Item]]) -> str:
    lines = ['name = "Semua produk koperasi"', "due = 2026-12-31"]
    for n in range(recipes):
        lines += ["", "[[make]]", f'product = "../recipes/r{n:04d}.toml"', f"pieces = {rng.randint(10, 200)}"]
    lines += ["", "[stock]"] + [f'{item.id} = "{rng.randint(1, 5)} kg"' for item in items["mass"][:20]]
    return "\n".join(lines) + "\n"


LOOSE = {"1 kg": ("250 g", 0.25), "500 g": ("250 g", 0.5), "100 pcs": ("10 pcs", 0.1), "50 pcs": ("10 pcs", 0.2)}


def loose_sizes(item: Item) -> Item:
    """The item also sold loose, a quarter kilo or ten pieces at a fifth more a unit (eggs by the butir):
    ``pack`` and ``price`` become ``packs`` with both sizes. Items of other packs stay as they are."""
    pack = next((line for line in item.lines if line.startswith("pack = ")), None)
    price = next((line for line in item.lines if line.startswith("price = ")), None)
    size = pack.split('"')[1] if pack else ""
    if pack is None or price is None or (size not in LOOSE and item.kind != "egg"):
        return item
    whole = int(price.split("=")[1])
    small, share = ("1 butir", 1 / 16) if item.kind == "egg" else LOOSE[size]
    cheap = max(500, round(whole * share * 1.2 / 500) * 500)
    packs = f'packs = [ {{ pack = "{size}", price = {whole} }}, {{ pack = "{small}", price = {cheap} }} ]'
    lines = [packs if line == pack else line for line in item.lines if line != price]
    return Item(item.id, item.kind, lines, item.units)


def make_workspace(
    root: Path, *, recipes: int = 1000, patterns: int = 200, items: int = 500, seed: int = 7, loose: bool = False
) -> Path:
    """Write the workspace under ``root`` (created; must be empty or missing); ``loose``: items sold in
    two sizes too (the budget's figure)."""
    rng = random.Random(seed)
    for folder in ("recipes", "patterns", "plans"):
        (root / folder).mkdir(parents=True, exist_ok=True)
    shutil.copy(DEFAULTS / "planner.toml", root / "planner.toml")
    catalog = make_catalog(rng, items)
    if loose:
        catalog = [loose_sizes(item) for item in catalog]
    (root / "prices.toml").write_text(
        "# Synthetic catalog for the benchmark\n\n" + "\n".join(i.toml() for i in catalog), encoding="utf-8"
    )
    by_kind: dict[str, list[Item]] = {}
    for item in catalog:
        by_kind.setdefault(item.kind, []).append(item)
    for n in range(recipes):
        (root / "recipes" / f"r{n:04d}.toml").write_text(make_recipe(rng, n, by_kind), encoding="utf-8")
    for n in range(patterns):
        (root / "patterns" / f"p{n:03d}.toml").write_text(make_pattern(rng, n, by_kind), encoding="utf-8")
    (root / "plans" / "semua.toml").write_text(make_plan(rng, recipes, by_kind), encoding="utf-8")
    return root


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--recipes", type=int, default=1000)
    parser.add_argument("--patterns", type=int, default=200)
    parser.add_argument("--items", type=int, default=500)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    make_workspace(args.folder, recipes=args.recipes, patterns=args.patterns, items=args.items, seed=args.seed)
    print(f"wrote {args.folder}")


if __name__ == "__main__":
    main()
