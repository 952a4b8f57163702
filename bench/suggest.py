"""The "did you mean" search at catalog scale: 1,000 misspellings against 5,000 item ids.

    python bench/suggest.py [--runs 5]

``errors.closest`` is timed per lookup (target: under 10 ms) next to a baseline measured in the
same run: difflib over the whole catalog, as closest did before (53 s for the 1,000). The item
ids are made like the catalog's (words joined by hyphens), each misspelling one changed letter.
This is a benchmark, not a test: the test suite times nothing.
"""

from __future__ import annotations

import argparse
import difflib
import random
import statistics
import string
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from planner.errors import closest

TARGET_MS = 10.0
WORDS = (
    "tepung",
    "terigu",
    "beras",
    "ketan",
    "gula",
    "pasir",
    "merah",
    "aren",
    "telur",
    "ayam",
    "itik",
    "santan",
    "kelapa",
    "pisang",
    "kepok",
    "daun",
    "pandan",
    "minyak",
    "goreng",
    "garam",
    "mentega",
    "margarin",
    "susu",
    "keju",
    "coklat",
    "kacang",
    "vanili",
    "ragi",
    "kain",
    "katun",
    "benang",
    "kancing",
    "resleting",
    "furing",
    "batik",
    "mika",
    "kotak",
    "stiker",
    "plastik",
)


def catalog(size: int, rng: random.Random) -> list[str]:
    found: set[str] = set()
    while len(found) < size:
        found.add("-".join(rng.sample(WORDS, rng.randint(1, 3))) + f"-{rng.randint(1, 99)}")
    return sorted(found)


def misspelled(names: list[str], count: int, rng: random.Random) -> list[str]:
    out = []
    for _ in range(count):
        word = list(rng.choice(names))
        word[rng.randrange(len(word))] = rng.choice(string.ascii_lowercase)
        out.append("".join(word))
    return out


def per_lookup(search, words: list[str]) -> float:
    start = time.perf_counter()
    for word in words:
        search(word)
    return (time.perf_counter() - start) / len(words) * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    rng = random.Random(13)
    names = catalog(5000, rng)
    words = misspelled(names, 1000, rng)
    ours, base = [], []
    for _ in range(args.runs):  # interleaved: a busy machine slows both alike
        ours.append(per_lookup(lambda w: closest(w, list(names)), words))
        base.append(per_lookup(lambda w: difflib.get_close_matches(w, names, 3, 0.5), words[:20]))
    mine, theirs = statistics.median(ours), statistics.median(base)
    ok = mine <= TARGET_MS
    print(f"closest, 5,000 items: {mine:.2f} ms a lookup (target ≤ {TARGET_MS:.0f} ms) {'PASS' if ok else 'FAIL'}")
    print(f"difflib over all 5,000 (the baseline): {theirs:.2f} ms a lookup; {theirs / mine:.0f}× slower")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
