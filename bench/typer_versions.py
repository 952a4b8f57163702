"""What each typer release costs planner's start-up: is the cap in pyproject.toml still worth it?

    python bench/typer_versions.py [--runs 15] [VERSION ...]     # default: 0.28.0 and the newest

Makes a virtual environment per typer version, installs planner there with the
versions of its other dependencies installed here (so only typer differs), and
times `planner cost FILE` in each, interleaved, as bench/run.py does. Needs PyPI.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RECIPE = ROOT / "recipes" / "bingka-kentang.toml"


def newest_typer() -> str:
    found = subprocess.run(
        [sys.executable, "-m", "pip", "index", "versions", "typer"], capture_output=True, text=True, check=True
    ).stdout
    return found.split("(", 1)[1].split(")", 1)[0]


def environment(folder: Path, version: str) -> Path:
    venv = folder / f"typer-{version}"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    python = venv / "bin" / "python"
    here = subprocess.run(
        [sys.executable, "-m", "pip", "freeze", "--exclude", "planner", "--exclude", "typer"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    pins = folder / "pins.txt"
    pins.write_text("".join(line + "\n" for line in here.splitlines() if "==" in line), encoding="utf-8")
    pip = [str(python), "-m", "pip", "install", "-q"]
    subprocess.run([*pip, "-c", str(pins), str(ROOT)], check=True)
    subprocess.run([*pip, "--no-deps", f"typer=={version}"], check=True)
    subprocess.run([str(python), "-m", "compileall", "-q", str(venv)], check=True)
    return venv / "bin" / "planner"


def timed(script: Path, cwd: Path) -> float:
    start = time.perf_counter()
    subprocess.run([str(script), "cost", str(RECIPE)], cwd=cwd, capture_output=True, check=True)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("versions", nargs="*")
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    versions = args.versions or ["0.28.0", newest_typer()]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        scripts = {v: environment(folder, v) for v in versions}
        times: dict[str, list[float]] = {v: [] for v in versions}
        for v in versions:  # warm the file cache once
            timed(scripts[v], folder)
        for _round in range(args.runs):
            for v in versions:
                times[v].append(timed(scripts[v], folder))
    base = statistics.median(times[versions[0]])
    for v in versions:
        median = statistics.median(times[v])
        print(f"typer {v:8} planner cost FILE {median * 1000:6.0f} ms  {1000 * (median - base):+5.0f} ms")


if __name__ == "__main__":
    main()
