"""planner orders on 200 open orders: the whole command, from reading the books to the table.

    python bench/orders.py [--runs 5] [--orders 200]     # median and worst wall time, PASS/FAIL

A workspace is made in a temporary folder from the shipped recipes and patterns, with a
calendar closed on Fridays and the year's holidays added to the default settings, and ``--orders`` open orders in
books/orders/ID.toml (one file each, as quote --save writes them): kenduri of 50 to 300
pieces of the shipped kue, school uniforms of 10 to 40 shirts in three sizes, single gamis;
due 1 to 120 days after today, each with a deposit paid, made with a fixed seed. Each run
runs the whole command in this process (reading and validating every book file, costing,
scheduling, the shopping list, rendering to a file); one fresh process is timed too, with
Python's start-up.
The target (issue 15): 200 open orders in under 1 s. A benchmark, not a test.
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TODAY = date(2026, 12, 1)
TARGET_SECONDS = 1.0
CALENDAR = """
[calendar]
closed = ["Friday"]
holidays = [2026-12-24, 2026-12-25, 2027-01-01, 2027-02-17, 2027-03-10]
"""
RECIPES = ("bingka-kentang", "amparan-tatak-pisang", "wadai-cincin", "roti-sobek")


def order_text(n: int, chance: random.Random) -> str:
    kind = chance.choice(("kenduri", "uniform", "gamis"))
    due = TODAY + timedelta(days=chance.randrange(1, 121))
    if kind == "kenduri":
        recipe = chance.choice(RECIPES)
        make = f'{{ product = "../../recipes/{recipe}.toml", pieces = {chance.randrange(50, 301)} }}'
    elif kind == "uniform":
        make = ", ".join(
            f'{{ product = "../../patterns/kemeja-sekolah.toml", size = "{s}", pieces = {chance.randrange(3, 15)} }}'
            for s in ("S", "M", "L")
        )
    else:
        make = f'{{ product = "../../patterns/gamis.toml", size = "{chance.choice("SML")}", pieces = 1 }}'
    return (
        f'[[orders]]\nid = "{kind}-{n}"\ndate = {TODAY}\ncustomer = "Pelanggan {n}"\ndue = {due}\n'
        f"make = [ {make} ]\npayments = [ {{ date = {TODAY}, amount = 100_000 }} ]\n"
    )


def workspace(folder: Path, count: int) -> None:
    for name in ("recipes", "patterns"):
        shutil.copytree(ROOT / name, folder / name)
    settings = (ROOT / "planner" / "data" / "planner.toml").read_text(encoding="utf-8")  # the defaults
    (folder / "planner.toml").write_text(settings + CALENDAR, encoding="utf-8")
    orders = folder / "books" / "orders"
    orders.mkdir(parents=True)
    chance = random.Random(15)
    for n in range(count):
        (orders / f"order-{n}.toml").write_text(order_text(n, chance), encoding="utf-8")


def timed(folder: Path, fmt: str, runs: int) -> list[float]:
    """Wall time of ``planner orders`` in this process (imports warm after the first run), output to a file."""
    import contextlib
    import io
    import os

    from planner.cli import main as planner

    times = []
    here = Path.cwd()
    os.chdir(folder)
    try:
        for _ in range(runs):
            start = time.perf_counter()
            with contextlib.suppress(SystemExit), contextlib.redirect_stderr(io.StringIO()):
                planner(["orders", "--today", TODAY.isoformat(), "-f", fmt, "-o", f"out.{fmt}", "--force"])
            times.append(time.perf_counter() - start)
    finally:
        os.chdir(here)
    return times


def process(folder: Path) -> float:
    """One fresh process, start-up included."""
    command = [sys.executable, "-m", "planner", "orders", "--today", TODAY.isoformat(), "-f", "json"]
    start = time.perf_counter()
    subprocess.run(command, cwd=folder, capture_output=True, text=True, check=True)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description="Time planner orders (see the module docstring).")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--orders", type=int, default=200)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        workspace(folder, args.orders)
        fresh = process(folder)
        found = {fmt: timed(folder, fmt, args.runs) for fmt in ("json", "table")}
    worst = max(found["json"][1:] or found["json"])
    passed = worst < TARGET_SECONDS
    for fmt, times in found.items():
        print(
            f"planner orders -f {fmt}, {args.orders} open orders, in process: median {statistics.median(times):.2f} s, "
            f"worst {max(times):.2f} s of {args.runs} runs (the first imports)"
        )
    print(
        f"one fresh process (-f json, start-up included): {fresh:.2f} s; "
        f"target < {TARGET_SECONDS:.0f} s for the warm json runs: {'PASS' if passed else 'FAIL'}"
    )
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
