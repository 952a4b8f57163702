"""The book at a year's scale: how long `planner book` and `planner titip` take on a year of daily records.

    python bench/book.py [--runs 7] [--products 20]    # median and worst of the runs, PASS/FAIL
    python bench/book.py --keep DIR                     # write the workspace to DIR and time it there
    python bench/book.py --make DIR                     # only write the workspace (bench/run.py times it)

The workspace, made with a fixed seed: the embedded settings and catalog (two shops, Warung Acil and
Warung Julak), 20 recipes of 4 to 6 shipped ingredients, one book a month for 2026 with, for every
product and every day, what was made and what was sold at home; every Monday a visit to
each shop for each of the first 8 products (delivered, sold, returned, paid), and a purchase of each
ingredient used every Monday: about 15,800 records. The target (issue 14): a year of daily records
for 20 products reports in under 1 s, `planner book` of the whole year as a process of its own.
This is a benchmark, not a test: the test suite times nothing.
"""

from __future__ import annotations

import argparse
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET_SECONDS = 1.0
YEAR = 2026
TODAY = f"{YEAR}-12-31"
SHOPS = ("Warung Acil", "Warung Julak")
TITIP_PRODUCTS = 8
# shipped catalog items with a mass or count pack, and an amount a batch of 20 uses
INGREDIENTS = (
    ("tepung-terigu", "500 g"),
    ("gula-pasir", "250 g"),
    ("telur-ayam", "4 butir"),
    ("santan-kemasan", "200 ml"),
    ("mentega", "100 g"),
    ("garam", "5 g"),
    ("kentang", "300 g"),
    ("tepung-ketan", "250 g"),
)


def recipe(n: int, chance: random.Random) -> str:
    lines = [f'name = "Kue {n:02d}"', "", "[batch]", "pieces = 20", f"minutes = {chance.randrange(30, 120)}"]
    for item, qty in chance.sample(INGREDIENTS, chance.randrange(4, 7)):
        lines += ["", "[[ingredients]]", f'item = "{item}"', f'qty = "{qty}"']
    return "\n".join(lines) + "\n"


def day_records(day: date, products: int, chance: random.Random, shelves: dict[tuple[str, int], int]) -> list[str]:
    found = []
    for n in range(products):
        product = f'product = "../recipes/kue-{n:02d}.toml"'
        made = chance.randrange(10, 40)
        found.append(f"[[made]]\ndate = {day}\n{product}\npieces = {made}\n")
        found.append(f"[[sold]]\ndate = {day}\n{product}\npieces = {chance.randrange(1, made)}\nprice = 5_000\n")
        if n < TITIP_PRODUCTS and day.weekday() == 0:
            found += [visit(day, shop, n, product, chance, shelves) for shop in SHOPS]
    if day.weekday() == 0:
        found += [
            f'[[bought]]\ndate = {day}\nitem = "{item}"\nqty = "{qty}"\npaid = 20_000\n' for item, qty in INGREDIENTS
        ]
    return found


def visit(
    day: date, shop: str, n: int, product: str, chance: random.Random, shelves: dict[tuple[str, int], int]
) -> str:
    shelf = shelves.get((shop, n), 0)
    sold = chance.randrange(0, shelf + 1)
    returned = chance.randrange(0, shelf - sold + 1) // 2
    delivered = chance.randrange(5, 15)
    shelves[shop, n] = shelf - sold - returned + delivered
    paid = f"\npaid = {sold * 4_000}" if sold else ""
    return (
        f'[[titip]]\ndate = {day}\nshop = "{shop}"\n{product}\n'
        f"delivered = {delivered}\nsold = {sold}\nreturned = {returned}{paid}\n"
    )


def make(folder: Path, products: int) -> int:
    """Write the workspace; returns the number of records."""
    chance = random.Random(14)
    (folder / "recipes").mkdir(parents=True, exist_ok=True)
    (folder / "books").mkdir(exist_ok=True)
    (folder / "planner.toml").write_text((ROOT / "planner" / "data" / "planner.toml").read_text(encoding="utf-8"))
    for n in range(products):
        (folder / "recipes" / f"kue-{n:02d}.toml").write_text(recipe(n, chance), encoding="utf-8")
    shelves: dict[tuple[str, int], int] = {}
    count = 0
    for month in range(1, 13):
        day, records = date(YEAR, month, 1), []
        while day.month == month:
            records += day_records(day, products, chance, shelves)
            day += timedelta(days=1)
        count += len(records)
        (folder / "books" / f"{YEAR}-{month:02d}.toml").write_text("\n".join(records), encoding="utf-8")
    return count


def commands() -> dict[str, list[str]]:
    planner = [sys.executable, "-m", "planner"]
    year = ["--from", f"{YEAR}-01-01", "--to", TODAY, "--today", TODAY]
    return {
        "book, a year": [*planner, "book", *year, "-f", "json"],
        "book, a year, table": [*planner, "book", *year],
        "titip, a year": [*planner, "titip", "--today", TODAY, "-f", "json"],
    }


def timed(argv: list[str], folder: Path) -> tuple[float, float]:
    """The wall-clock and the processor seconds (user + system) of one run of ``argv``."""
    before, start = resource.getrusage(resource.RUSAGE_CHILDREN), time.perf_counter()
    done = subprocess.run(argv, cwd=folder, capture_output=True, text=True)
    wall, after = time.perf_counter() - start, resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(argv[2:])} failed:\n{done.stderr}")
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def bench(folder: Path, runs: int) -> bool:
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in commands()}
    for _ in range(runs):  # interleaved: a busy machine slows every command alike
        for name, argv in commands().items():
            times[name].append(timed(argv, folder))
    passed = True
    for name, found in times.items():
        wall, cpu = statistics.median(w for w, _c in found), statistics.median(c for _w, c in found)
        passed &= cpu < TARGET_SECONDS
        print(
            f"{name}: median {wall * 1000:.0f} ms wall, {cpu * 1000:.0f} ms of processor time "
            f"of {runs} runs (target < {TARGET_SECONDS:.0f} s): {'PASS' if cpu < TARGET_SECONDS else 'FAIL'}"
        )
    return passed


def main() -> int:
    parser = argparse.ArgumentParser(description="Time planner book on a year of records (see the module docstring).")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--products", type=int, default=20)
    parser.add_argument("--keep", type=Path, help="write the workspace here and keep it")
    parser.add_argument("--make", type=Path, help="only write the workspace here")
    args = parser.parse_args()
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from run import byte_compile  # timed as installed: compiled, not compiled at every start

    if args.make:
        print(f"{make(args.make, args.products)} records in {args.make}")
        return 0
    byte_compile()
    with tempfile.TemporaryDirectory() as scratch:
        folder = args.keep or Path(scratch)
        print(f"{make(folder, args.products)} records for {args.products} products, {YEAR}")
        return 0 if bench(folder, args.runs) else 1


if __name__ == "__main__":
    sys.exit(main())
