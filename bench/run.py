"""The benchmark: start-up against the import floor, and speed at cooperative scale.

    python bench/run.py [--runs 9] [--markdown] [--keep DIR]

Generates the synthetic workspace of bench/make_workspace.py (1,000 recipes,
200 patterns, a 500-item catalog, one plan of every recipe), and one of 50
recipes over 200 items sold in two sizes for ``plan --budget``, and the class of
bench/make_class.py (30 groups, 12 months of books each) for ``monitor``, in a temporary
folder, then runs every command below as a separate process, interleaved
(one round runs each command once) so that a noisy, shared machine slows them
alike. Each figure is the median of the rounds, shown with its ratio to the
import floor measured in the same rounds and PASS or FAIL against its target.
Peak memory is the largest resident size of any child (getrusage). This is a
benchmark, not a test: the test suite times nothing.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from book import make as make_book_workspace
from make_class import make_class
from make_workspace import make_workspace

ROOT = Path(__file__).resolve().parent.parent
FLOOR = "import typer, rich.console, rich.table, pydantic"
MEMORY_MB = 150


@dataclass
class Figure:
    name: str
    argv: list[str]
    cwd: Path
    ratio: float | None = None  # target: at most this many times the floor
    seconds: float | None = None  # target: at most this many seconds
    scale: bool = False  # counts towards peak memory
    times: list[float] | None = None
    peak_kb: int = 0
    error: str = ""


def planner_argv() -> list[str]:
    """How a user runs planner from this environment: its console script."""
    script = Path(sys.executable).with_name("planner")
    return [str(script)] if script.exists() else [sys.executable, "-m", "planner"]


def available(command: str, cwd: Path) -> bool:
    done = subprocess.run([*planner_argv(), command, "--help"], cwd=cwd, capture_output=True)
    return done.returncode == 0


def figures(
    ws: Path,
    alone: Path,
    small: Path,
    budget: Path | None = None,
    books: Path | None = None,
    kelas: Path | None = None,
) -> list[Figure]:
    planner = planner_argv()
    found = [
        Figure("import floor", [sys.executable, "-c", FLOOR], alone),
        Figure("planner --help", [*planner, "--help"], alone, ratio=1.3),
        Figure("planner cost FILE", [*planner, "cost", "recipes/bingka-kentang.toml"], alone, ratio=1.5),
        Figure("check (1,201 files)", [*planner, "check"], ws, seconds=1.0, scale=True),
        # not a target of the issue: 486 unused-item warnings placed in one big catalog
        Figure("check, 1 recipe, 500-item catalog", [*planner, "check"], small, scale=True),
    ]
    # issue 15: 200 open orders placed on working days (the scheduler core, in a process of its own)
    found.append(
        Figure(
            "schedule 200 orders", [sys.executable, str(ROOT / "bench" / "schedule.py"), "--once"], alone, seconds=1.0
        )
    )
    if books is not None and available("book", books):  # issue 14: a year of daily records for 20 products
        year = ["--from", "2026-01-01", "--to", "2026-12-31", "--today", "2026-12-31"]
        found.append(
            Figure("book of a year, 15,848 records", [*planner, "book", *year], books, seconds=1.0, scale=True)
        )
    if available("compare", ws):
        found += [
            Figure(
                "compare 1,000 recipes, json",
                [*planner, "compare", "recipes", "-f", "json"],
                ws,
                seconds=1.0,
                scale=True,
            ),
            Figure("compare 1,000 recipes, table", [*planner, "compare", "recipes"], ws, seconds=2.0, scale=True),
        ]
    if available("plan", ws):
        found += [
            Figure("plan of 1,000 recipes", [*planner, "plan", "plans/semua.toml"], ws, seconds=1.0, scale=True),
            Figure(
                "plan of 1,000 recipes, json",
                [*planner, "plan", "plans/semua.toml", "-f", "json"],
                ws,
                seconds=1.0,
                scale=True,
            ),
        ]
    if budget is not None and available("plan", budget):
        found.append(
            Figure(
                "plan --budget, 50 products, 200 items",
                [*planner, "plan", "plans/semua.toml", "--budget", "2000000", "--today", "2026-12-01"],
                budget,
                seconds=2.0,
                scale=True,
            )
        )
    # issue 17: a mentor's monitor of a class, 30 groups with a year of books each (bench/make_class.py)
    if kelas is not None and available("monitor", kelas):
        found.append(
            Figure(
                "monitor, 30 groups x 12 months",
                [*planner, "monitor", "--months", "12", "--today", "2026-12-31"],
                kelas,
                seconds=2.0,
                scale=True,
            )
        )
    return found


def highspy_stays_out(ws: Path) -> str:
    """``planner plan`` without --budget must not import highspy (numpy with it: ~120 ms)."""
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "planner", "plan", "plans/semua.toml"],
        cwd=ws,
        capture_output=True,
        text=True,
    )
    loaded = "highspy" in done.stderr or "numpy" in done.stderr
    return "FAIL (plan without --budget imports highspy)" if loaded else "PASS"


def byte_compile() -> Path:
    """Compile planner's modules, as pip does when it installs a package.

    The floor's libraries are installed, compiled; an editable checkout run with
    PYTHONDONTWRITEBYTECODE=1 (as on these machines) would instead compile every
    planner module from source at every start and time the compiler."""
    import compileall
    import importlib.util

    spec = importlib.util.find_spec("planner")
    package = Path(spec.origin).parent if spec and spec.origin else ROOT / "planner"
    compileall.compile_dir(package, quiet=1)
    return package


def run_once(figure: Figure) -> None:
    env = dict(os.environ, COLUMNS="100", NO_COLOR="1")
    start = time.perf_counter()
    proc = subprocess.Popen(figure.argv, cwd=figure.cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    err = proc.stderr.read().decode("utf-8", "replace") if proc.stderr else ""
    proc.stderr and proc.stderr.close()
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode not in (0,):
        figure.error = f"exit {proc.returncode}: {err.strip()[:200]}"
    figure.times = (figure.times or []) + [elapsed]
    figure.peak_kb = max(figure.peak_kb, usage.ru_maxrss)


def measure(found: list[Figure], runs: int) -> None:
    for figure in found:  # warm the file cache and the .pyc files
        run_once(figure)
        figure.times = []
    for n in range(runs):
        for figure in found:
            run_once(figure)
        print(f"  round {n + 1}/{runs}", file=sys.stderr)


def verdicts(found: list[Figure]) -> list[tuple[str, str, str, str, str]]:
    floor = statistics.median(found[0].times or [0])
    rows = []
    for f in found:
        median = statistics.median(f.times or [0])
        ratio = median / floor if floor else 0
        if f.ratio is not None:
            target, ok = f"≤ {f.ratio}× floor", ratio <= f.ratio
        elif f.seconds is not None:
            target, ok = f"≤ {f.seconds:.1f} s", median <= f.seconds
        else:
            target, ok = "", True
        verdict = "FAIL" if f.error or not ok else ("PASS" if target else "")
        rows.append(
            (f.name, f"{median * 1000:.0f} ms", f"{ratio:.2f}×", target, verdict + (f" ({f.error})" if f.error else ""))
        )
    peak = max((f.peak_kb for f in found if f.scale), default=0) / 1024
    rows.append(
        (
            "peak memory (largest child)",
            f"{peak:.0f} MB",
            "",
            f"≤ {MEMORY_MB} MB",
            "PASS" if peak <= MEMORY_MB else "FAIL",
        )
    )
    return rows


def machine() -> str:
    return (
        f"{date.today().isoformat()}, {os.cpu_count()} cores, {platform.machine()}, "
        f"Python {platform.python_version()}, {platform.system()}"
    )


def as_markdown(rows: list[tuple[str, ...]], runs: int) -> str:
    lines = [
        f"Measured {machine()}; median of {runs} interleaved runs.",
        "",
        "| figure | median | × floor | target | result |",
        "|---|---:|---:|---|---|",
    ]
    lines += [f"| {' | '.join(row)} |" for row in rows]
    return "\n".join(lines)


def as_text(rows: list[tuple[str, ...]], runs: int) -> str:
    widths = [max(len(r[i]) for r in rows) for i in range(5)]
    lines = [f"{machine()}; median of {runs} interleaved runs"]
    lines += [
        "  ".join(
            cell.ljust(widths[i]) if i in (0, 3) else cell.rjust(widths[i]) for i, cell in enumerate(row)
        ).rstrip()
        for row in rows
    ]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description="Start-up and scale benchmark (see the module docstring).")
    parser.add_argument("--runs", type=int, default=9, help="interleaved rounds (median taken)")
    parser.add_argument("--markdown", action="store_true", help="print a Markdown table for the README")
    parser.add_argument("--keep", type=Path, help="generate the workspace here and keep it")
    args = parser.parse_args()
    base = args.keep or Path(tempfile.mkdtemp(prefix="planner-bench-"))
    try:
        ws = make_workspace(base / "workspace")
        alone = base / "alone"  # a shipped recipe with no workspace above it: the embedded defaults
        shutil.copytree(ROOT / "recipes", alone / "recipes")
        one = make_workspace(base / "one", recipes=1, patterns=0)
        budget = make_workspace(base / "budget", recipes=50, patterns=0, items=200, loose=True)
        make_book_workspace(base / "books", 20)
        kelas = make_class(base / "kelas")
        found = figures(ws, alone, one, budget, base / "books", kelas)
        package = byte_compile()
        print(f"workspace in {ws}; {len(found)} figures, {args.runs} rounds; {package} compiled", file=sys.stderr)
        measure(found, args.runs)
        rows = verdicts(found)
        rows.append(("plan without --budget imports no highspy", "", "", "", highspy_stays_out(ws)))
        print(as_markdown(rows, args.runs) if args.markdown else as_text(rows, args.runs))
        return 1 if any(row[4].startswith("FAIL") for row in rows) else 0
    finally:
        if args.keep is None:
            shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
