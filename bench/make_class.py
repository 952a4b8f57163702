"""Generate a class of groups, each with a year of books, for ``planner monitor``.

    python bench/make_class.py DIR [--groups 30] [--months 12] [--end 2026-12]

writes DIR/planner.toml (the class: wage, channels langsung and titip, a shop), DIR/prices.toml,
and for each group DIR/kelompok-NN/ with its planner.toml (business, its own fixed cost), two
recipes (resep/) and one book a month (books/YYYY-MM.toml, the months up to --end): on each of
the month's first ``days`` days a batch made and sold at home, a titip visit every third day (the
pieces delivered last visit sold or taken back), one order handed over every other month and
listrik spent once a month. The figures differ from group to group and month to month, the same
arguments give the same files, and every file passes ``planner check``. tests/test_monitor.py uses
it too (a small class); bench/run.py times ``planner monitor`` on 30 groups x 12 months.
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

CLASS = """business = "Kelas UMKM"
[labor]
wage_per_hour = 20_000
[pricing]
markup = 0.40
round_to = 500
[[channels]]
name = "langsung"
[[channels]]
name = "titip"
commission = 0.20
[[shops]]
name = "Warung Acil"
[fixed_costs]
listrik = 50_000
"""
PRICES = """[gula-pasir]
pack = "1 kg"
price = 17_000
[tepung-terigu]
pack = "1 kg"
price = 12_000
"""
RECIPE = """name = "{name}"
[batch]
pieces = 10
minutes = 60
[[ingredients]]
item = "{item}"
qty = "1 kg"
"""
GROUP = """business = "Kelompok {n}"
[fixed_costs]
listrik = {listrik}
"""


def months_to(end: date, count: int) -> list[date]:
    """The first days of ``count`` months ending with ``end``'s, the oldest first."""
    found = [end.replace(day=1)]
    while len(found) < count:
        first = found[0]
        found.insert(0, date(first.year - (first.month == 1), (first.month - 2) % 12 + 1, 1))
    return found


def month_book(group: int, index: int, first: date, days: int) -> str:
    """One month's records of a group: its figures move with the group and the month."""
    made = 10 + (group * 7 + index * 3) % 11  # pieces of kue a day
    home = made - 5  # sold at home; 5 a day go to the shop every third day, the rest are eaten
    lines = []
    for day in range(1, days + 1):
        when = first.replace(day=day).isoformat()
        lines += [
            f'[[made]]\ndate = {when}\nproduct = "../resep/kue.toml"\npieces = {made}\n',
            f'[[sold]]\ndate = {when}\nproduct = "../resep/kue.toml"\npieces = {home}\nprice = 5_500\n',
        ]
        if day % 3 == 1:
            back = (group + index + day) % 3 if (day > 1 or index > 0) else 0  # returned of last visit's 5
            sold = 5 - back if (day > 1 or index > 0) else 0
            lines.append(f'[[made]]\ndate = {when}\nproduct = "../resep/roti.toml"\npieces = 5\n')
            lines.append(
                f'[[titip]]\ndate = {when}\nshop = "Warung Acil"\nproduct = "../resep/roti.toml"\n'
                f"delivered = 5\nsold = {sold}\nreturned = {back}\n"
            )
    lines.append(f'[[spent]]\ndate = {first.isoformat()}\nwhat = "listrik"\namount = {40_000 + group * 1_000}\n')
    if index % 2 == 1:
        due = first.replace(day=days).isoformat()
        lines.append(
            f'[[orders]]\nid = "pesanan-{group}-{index}"\ndate = {first.isoformat()}\ncustomer = "Bu Guru"\n'
            f'due = {due}\ndone = {due}\nprice = 200_000\nmake = [ {{ product = "../resep/kue.toml", pieces = 40 }} ]\n'
        )
    return "\n".join(lines)


def make_class(folder: Path, groups: int = 30, months: int = 12, end: date = date(2026, 12, 1), days: int = 25) -> Path:
    """The class at ``folder`` (made if missing); ``days``: the days of each month with records."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "planner.toml").write_text(CLASS, encoding="utf-8")
    (folder / "prices.toml").write_text(PRICES, encoding="utf-8")
    for group in range(1, groups + 1):
        own = folder / f"kelompok-{group:02d}"
        (own / "resep").mkdir(parents=True, exist_ok=True)
        (own / "books").mkdir(exist_ok=True)
        (own / "planner.toml").write_text(GROUP.format(n=group, listrik=30_000 + group * 500), encoding="utf-8")
        (own / "resep" / "kue.toml").write_text(RECIPE.format(name="Kue gula", item="gula-pasir"), encoding="utf-8")
        (own / "resep" / "roti.toml").write_text(RECIPE.format(name="Roti", item="tepung-terigu"), encoding="utf-8")
        for index, first in enumerate(months_to(end, months)):
            text = month_book(group, index, first, days)
            (own / "books" / f"{first:%Y-%m}.toml").write_text(text, encoding="utf-8")
    return folder


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--groups", type=int, default=30)
    parser.add_argument("--months", type=int, default=12)
    parser.add_argument("--end", default="2026-12", help="the last month, YYYY-MM")
    args = parser.parse_args()
    year, month = (int(part) for part in args.end.split("-"))
    make_class(args.folder, args.groups, args.months, date(year, month, 1))


if __name__ == "__main__":
    main()
