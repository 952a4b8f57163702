"""The shipped class example (examples/kelas): a catalog, three groups with their own settings and two
months of books, that check, book, titip, compare and sheet run on out of a fresh clone."""

from __future__ import annotations

import json

import pytest

from tests.conftest import ROOT, run_cli

KELAS = ROOT / "examples" / "kelas"
GROUPS = ("jahit-ani", "kue-siti", "roti-rahmah")
TODAY = ("--today", "2026-12-14")


def test_every_book_of_the_class_passes_check():
    result = run_cli("check", "examples/kelas", *TODAY, cwd=ROOT)
    assert result.code == 0, result.err
    for group in GROUPS:
        for month in ("2026-11", "2026-12"):
            assert f"examples/kelas/{group}/books/{month}.toml: OK" in result.out


@pytest.mark.parametrize("group", GROUPS)
@pytest.mark.parametrize("month", ["2026-11", "2026-12"])
def test_book_and_titip_run_in_each_group(group: str, month: str):
    book = run_cli("book", "--month", month, *TODAY, "-f", "json", cwd=KELAS / group)
    assert book.code == 0, book.err
    assert json.loads(book.out)["totals"]["earned"] != "0"
    titip = run_cli("titip", "--to", f"{month}-14", *TODAY, cwd=KELAS / group)
    assert titip.code == 0, titip.err


def net_profit(group: str, month: str) -> float:
    result = run_cli("book", "--month", month, *TODAY, "-f", "json", cwd=KELAS / group)
    return float(json.loads(result.out)["totals"]["net_profit"])  # only its sign and size are compared


def test_the_groups_differ_one_grows_one_shrinks_one_loses_a_month():
    # kue-siti earns more a day in December (14 days) than in November (30 days)
    kue = [run_cli("book", "--month", m, *TODAY, "-f", "json", cwd=KELAS / "kue-siti") for m in ("2026-11", "2026-12")]
    per_day = [float(json.loads(r.out)["totals"]["earned"]) / days for r, days in zip(kue, (30, 14), strict=True)]
    assert per_day[1] > per_day[0]
    assert net_profit("jahit-ani", "2026-12") < net_profit("jahit-ani", "2026-11")
    assert net_profit("roti-rahmah", "2026-11") > 0 > net_profit("roti-rahmah", "2026-12")


@pytest.mark.parametrize("command", [("compare", "."), ("whatif", ".", "-c", "gula-pasir=+20%", "--summary")])
def test_a_listing_of_the_class_skips_the_books(command: tuple[str, ...]):
    result = run_cli(*command, cwd=KELAS)
    assert result.code == 0, result.err
    assert "buku catatan" not in result.err
