"""The scheduler core on 200 open orders: how long planner/schedule.py takes to place them.

    python bench/schedule.py [--runs 21] [--orders 200]     # median and worst of the runs, PASS/FAIL
    python bench/schedule.py --once                         # schedule once (bench/run.py times the process)

The orders are a cooperative's busy season, made with a fixed seed: kenduri orders of
a few hours of work and up to a day in the oven, uniform orders of 10 to 60 hours,
single garments of 2 to 12 hours, some rushed, due 1 to 120 days after today, on a
calendar closed on Fridays with the year's holidays, 2 workers × 8 hours, 2 ovens.
The target (issue 15): 200 open orders schedule in under 1 s. This is a benchmark,
not a test: the test suite times nothing.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from planner.schedule import Job, Workshop, schedule

TODAY = date(2026, 12, 1)
TARGET_SECONDS = 1.0
HOLIDAYS = [date(2026, 12, 24), date(2026, 12, 25), date(2027, 1, 1), date(2027, 2, 17), date(2027, 3, 10)]


def orders(count: int) -> list[Job]:
    chance = random.Random(15)
    jobs = []
    for n in range(count):
        kind = chance.choice(("kenduri", "uniform", "garment"))
        due = TODAY + timedelta(days=chance.randrange(1, 121))
        rushed = Decimal(12) if chance.random() < 0.1 else None
        if kind == "kenduri":
            oven = {"oven": Decimal(chance.randrange(60, 900)) / 60}
            jobs.append(Job(f"{kind}-{n}", Decimal(chance.randrange(120, 600)) / 60, oven, due, rushed))
        else:
            hours = chance.randrange(10, 60) if kind == "uniform" else chance.randrange(2, 12)
            jobs.append(Job(f"{kind}-{n}", Decimal(hours), {}, due, rushed))
    return jobs


def main() -> int:
    parser = argparse.ArgumentParser(description="Time the scheduler core (see the module docstring).")
    parser.add_argument("--runs", type=int, default=21)
    parser.add_argument("--orders", type=int, default=200)
    parser.add_argument("--once", action="store_true", help="schedule once and print nothing")
    args = parser.parse_args()
    shop = Workshop(2, Decimal(8), frozenset({4}), frozenset(HOLIDAYS), {"oven": 2})
    jobs = orders(args.orders)
    if args.once:
        schedule(jobs, shop, TODAY)
        return 0
    times = []
    for _ in range(args.runs):
        start = time.perf_counter()
        placed = schedule(jobs, shop, TODAY)
        times.append(time.perf_counter() - start)
    median, worst = statistics.median(times), max(times)
    late = sum(1 for s in placed if s.late_days)
    print(
        f"schedule {args.orders} orders: median {median * 1000:.2f} ms, worst {worst * 1000:.2f} ms "
        f"of {args.runs} runs (target < {TARGET_SECONDS:.0f} s): {'PASS' if worst < TARGET_SECONDS else 'FAIL'}; "
        f"last ready {placed[-1].finish}, {late} late"
    )
    return 0 if worst < TARGET_SECONDS else 1


if __name__ == "__main__":
    sys.exit(main())
