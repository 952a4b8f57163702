"""--format html: the printable page, its escaping, its charts (pygal) and its golden output.

The browser half (screenshots, PDF) is in tests/test_browser.py.
"""

from __future__ import annotations

import re
import subprocess
import sys
from datetime import date
from decimal import Decimal
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from planner.errors import warning
from planner.i18n import Formatter
from planner.render.charts import draw_chart
from planner.render.html import css_string, render_html
from planner.reports import Chart, Column, Report, Row, Table
from planner.texts import _, msg, p_
from planner.units import Quantity
from tests.conftest import ROOT, assert_golden, run_cli

DAY = date(2026, 12, 1)
EPOCH = {"SOURCE_DATE_EPOCH": "1796083200"}  # 2026-12-01 00:00 UTC
SVG = re.compile(r'<svg xmlns="http://www.w3.org/2000/svg" id="chart-[^"]+" class="pygal-chart".*?</svg>', re.S)
ID = Formatter("id", "id_ID", "IDR", 0)
EN = Formatter("en", "id_ID", "IDR", 0)


def without_charts(page: str) -> str:
    """The page with each pygal SVG replaced by a marker (chart details are tested on their own)."""
    return SVG.sub("<svg><!-- chart --></svg>", page)


def every_kind_report(title: str = 'Kue <b>lapis</b> & "roti"') -> Report:
    columns = (
        Column(p_("col.item", "Item")),
        Column(p_("col.qty", "Qty"), "qty"),
        Column(_("Cost"), "money"),
        Column(p_("col.item", "Item"), "share"),
        Column(p_("col.item", "Item"), "int"),
        Column(p_("col.item", "Item"), "bar"),
        Column(p_("col.item", "Item"), "date"),
        Column(p_("col.item", "Item"), "number"),
    )
    rows = (
        Row((msg(_("Ingredients")), None, Decimal(3000), None, None, None, None, None), "group"),
        Row(
            (
                "Gula <pasir>",
                Quantity(Decimal("1.5"), "kg"),
                Decimal("2500.4"),
                Decimal("0.35"),
                12,
                Decimal(-50),
                DAY,
                Decimal("2.125"),
            ),
            "",
        ),
        Row(
            (
                "Telur",
                Quantity(Decimal(3), "butir"),
                Decimal("499.6"),
                Decimal("0.65"),
                3,
                Decimal(100),
                None,
                Decimal(1),
            ),
            "",
        ),
        Row((msg(_("Total per batch")), None, Decimal(3000), Decimal(1), 15, None, None, None), "subtotal"),
        Row((msg(_("HPP per piece")), None, Decimal(375), None, None, None, None, None), "total"),
    )
    chart = Chart(
        "bar",
        msg(_("Where the money goes: cost of one batch")),
        ("Gula <pasir>", msg(_("Labour"))),
        ((msg(_("Cost")), (Decimal("2500.4"), Decimal(500))),),
    )
    return Report(
        "cost",
        title,
        (Table(columns, rows, msg(_("Cost (HPP) — {product}"), product=title)),),
        {},
        notes=(
            warning(
                _("{product} has no minutes: your own work is counted as free"),
                hint=_("add minutes = ... (hands-on time per batch) to [batch]"),
                product="<Kue>",
            ),
            msg(_("Hands-on work")),
        ),
        subtitle="a <subtitle>",
        charts=(chart,),
        explain=(msg(_("{label}: {text}"), label="<x>", text="1 + 1 = 2"),),
    )


# ---------------------------------------------------------------- the page


def test_page_is_escaped_and_self_contained() -> None:
    page = render_html([every_kind_report()], ID, explain=True, business='Toko <Ibu> "Ani"', today=DAY)
    assert "<b>lapis</b>" not in page and "Kue &lt;b&gt;lapis&lt;/b&gt; &amp; &#34;roti&#34;" in page
    assert "Gula &lt;pasir&gt;" in page and "Gula <pasir>" not in page
    assert "Toko &lt;Ibu&gt; &#34;Ani&#34;" in page
    assert "<script" not in page and "@import" not in page and "url(" not in page
    assert not re.search(r'(src|href)="(https?:)?//', page), "the page must not fetch anything"
    # the business name also goes into the print footer as a CSS string: escaped for CSS, not HTML
    assert '"Toko \\3c Ibu\\3e  \\22 Ani\\22  · 1 Desember 2026"' in page


def test_page_shows_every_column_kind_and_row_style() -> None:
    page = without_charts(render_html([every_kind_report()], ID, explain=True, business="Toko", today=DAY))
    assert '<html lang="id">' in page
    assert '<div class="date">1 Desember 2026</div>' in page
    assert '<th scope="col" class="num kind-money">Biaya (Rp)</th>' in page
    # money rounds once, for display: 2500.4 -> 2.500, 499.6 -> 500 (id_ID groups with a dot)
    assert '<td class="num kind-money">2.500</td>' in page and '<td class="num kind-money">500</td>' in page
    assert '<td class="num kind-qty">1,5 kg</td>' in page
    assert '<td class="num kind-share">35%</td>' in page
    assert '<td class="num kind-int">12</td>' in page
    assert '<td class="text kind-date">1 Desember 2026</td>' in page
    for style in ("group", "line", "subtotal", "total"):
        assert f'<tr class="{style}">' in page
    # bars are drawn to the largest magnitude: |-50| / 100 = 50%, 100 / 100 = 100%; negatives marked
    assert 'class="negative" x="0" y="0" width="50.0"' in page
    assert 'class="positive" x="0" y="0" width="100.0"' in page
    assert "Cara menghitung tiap angka" in page and "&lt;x&gt;: 1 + 1 = 2" in page
    assert '<li class="warning">peringatan: &lt;Kue&gt; tidak punya minutes' in page
    assert "<li>Waktu kerja</li>" in page


def test_working_is_shown_only_with_explain() -> None:
    page = render_html([every_kind_report()], EN, explain=False, business="", today=DAY)
    assert "How each figure was worked out" not in page
    assert '<div class="business"></div>' in page


def test_several_reports_each_get_a_section_and_distinct_chart_ids() -> None:
    page = render_html([every_kind_report("A"), every_kind_report("B")], EN, today=DAY)
    assert page.count('<section class="report report-cost">') == 2
    assert 'id="chart-planner-1"' in page and 'id="chart-planner-2"' in page
    assert "<title>A</title>" in page


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_css_strings_cannot_end_the_style_block(text: str) -> None:
    quoted = str(css_string(text))
    inner = quoted[1:-1]
    assert quoted.startswith('"') and quoted.endswith('"')
    assert not set(inner) & set("\"'<>\n\r{};")
    # a backslash only ever starts a hex escape ended by one space
    assert re.fullmatch(r"(?:[^\\]|\\[0-9a-f]+ )*", inner, re.S)


@settings(max_examples=60, deadline=None)
@given(st.text(min_size=1, max_size=40))
def test_any_product_name_is_escaped(name: str) -> None:
    page = render_html([Report("cost", name, (), {})], EN, today=DAY)
    body = page.split("<h1>", 1)[1].split("</h1>", 1)[0]
    assert "<" not in body and ">" not in body


# ---------------------------------------------------------------- charts


def test_charts_are_static_svg_with_formatted_money() -> None:
    pie = Chart(
        "pie",
        msg(_("Where the money goes: cost of one batch")),
        (msg(_("Ingredients")), msg(_("Labour"))),
        ((msg(_("Cost")), (Decimal(31965), Decimal(20401))),),
    )
    svg = draw_chart(pie, ID, 7)
    assert svg.startswith('<svg xmlns="http://www.w3.org/2000/svg" id="chart-planner-7"')
    assert "<script" not in svg and "<!--" not in svg and "kozea.github.io" not in svg
    # shares worked out from the exact values: 31965 / (31965 + 20401) = 0.61042... -> 61%
    assert "Bahan baku: Rp 31.965 (61%)" in svg
    assert "Tenaga kerja: Rp 20.401 (39%)" in svg
    assert draw_chart(pie, ID, 7) == svg, "the same chart draws the same SVG"


def test_stacked_bars_label_only_segments_with_room() -> None:
    chart = Chart(
        "stacked",
        msg(_("Cost of one garment by size")),
        ("S", "M"),
        ((msg(_("Fabric")), (Decimal(49488), Decimal(54838))), (msg(_("Packaging")), (Decimal(450), Decimal(450)))),
    )
    svg = draw_chart(chart, EN)
    # the longest bar is 54838 + 450 = 55288; a tenth is 5528.8, so 450 is drawn but not labelled
    assert "Rp 49.488" in svg and "Rp 54.838" in svg and "Rp 450" not in svg
    assert "Fabric" in svg and "Packaging" in svg


def test_line_chart_has_axis_titles_and_a_point_per_label() -> None:
    chart = Chart(
        "line",
        msg(_("Cost")),
        (0, 100, 200),
        ((msg(_("Cost")), (Decimal(-75000), Decimal(-5000), Decimal(65000))),),
        x_title=msg(p_("col.qty", "Qty")),
        y_title=msg(_("Cost")),
    )
    svg = draw_chart(chart, EN)
    assert ">Qty<" in svg and ">Cost<" in svg
    assert svg.count('class="dot reactive') == 3
    assert "-Rp 75.000" in svg  # a loss reads as negative money, formatted from the exact value


def test_values_kind_formats_chart_numbers() -> None:
    chart = Chart("bar", msg(_("Cost")), ("a",), ((msg(_("Cost")), (Decimal("0.25"),)),), values="share")
    assert ">25%<" in draw_chart(chart, EN)


def test_charts_and_templates_load_only_for_html() -> None:
    """pygal and jinja2 are imported only when a page (and a chart) is drawn."""
    code = (
        "import sys; from planner.cli import main\n"
        "try: main(sys.argv[1:])\n"
        "except SystemExit: pass\n"
        "print(sorted(m for m in ('pygal', 'jinja2') if m in sys.modules))"
    )
    recipe = str(ROOT / "recipes" / "bingka-kentang.toml")
    table = subprocess.run([sys.executable, "-c", code, "cost", recipe], capture_output=True, text=True)
    html = subprocess.run(
        [sys.executable, "-c", code, "cost", recipe, "--format", "html"], capture_output=True, text=True
    )
    assert table.stdout.strip().splitlines()[-1] == "[]"
    assert html.stdout.strip().splitlines()[-1] == "['jinja2', 'pygal']"


# ---------------------------------------------------------------- through the CLI


def test_cost_chart_parts_add_up_to_the_batch(examples: Path) -> None:
    result = run_cli("cost", "recipes/bingka-kentang.toml", "--format", "html", cwd=examples, env=EPOCH)
    assert result.code == 0, result.err
    # the pie shows the shown group totals of the table, which reconcile to the batch:
    # 31.965 + 20.401 + 2.000 + 2.400 = 56.766 (the "Total per adonan" row)
    for part in ("Bahan baku: Rp 31.965", "Tenaga kerja: Rp 20.401", "Overhead: Rp 2.000", "Kemasan: Rp 2.400"):
        assert part in result.out
    assert '<td class="num kind-money">56.766</td>' in result.out


def test_golden_cost_recipe_page(examples: Path) -> None:
    result = run_cli("cost", "recipes/bingka-kentang.toml", "--format", "html", "--explain", cwd=examples, env=EPOCH)
    assert result.code == 0, result.err
    assert len(SVG.findall(result.out)) == 1
    assert_golden("cost-recipe.html", without_charts(result.out))


def test_golden_cost_pattern_page_in_english(examples: Path) -> None:
    result = run_cli(
        "cost", "patterns/kemeja-sekolah.toml", "--format", "html", "--lang", "en", cwd=examples, env=EPOCH
    )
    assert result.code == 0, result.err
    assert "Cost of one garment by size" in result.out and "Size XL" in result.out
    assert_golden("cost-pattern-en.html", without_charts(result.out))


def test_page_written_with_output(examples: Path) -> None:
    result = run_cli(
        "cost", "recipes/bingka-kentang.toml", "--format", "html", "-o", "bingka.html", cwd=examples, env=EPOCH
    )
    assert result.code == 0, result.err
    page = (examples / "bingka.html").read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")
    again = run_cli(
        "cost", "recipes/bingka-kentang.toml", "--format", "html", "-o", "bingka.html", cwd=examples, env=EPOCH
    )
    assert again.code == 1 and "bingka.html" in again.err


def test_business_name_from_the_settings(examples: Path) -> None:
    (examples / "planner.toml").write_text('business = "Wadai Acil Ani"\n', encoding="utf-8")
    result = run_cli("cost", "recipes/bingka-kentang.toml", "--format", "html", cwd=examples, env=EPOCH)
    assert result.code == 0, result.err
    assert '<div class="business">Wadai Acil Ani</div>' in result.out
    assert "<title>Wadai Acil Ani — Bingka kentang</title>" in result.out


def test_the_page_is_dated_by_today_when_given(examples: Path) -> None:
    """--today dates the page (head, print footer, "made on"), before SOURCE_DATE_EPOCH (2026-12-01)."""
    plan = run_cli("plan", "plans/pesanan-kenduri.toml", "--today", "2026-11-20", "-f", "html", cwd=examples, env=EPOCH)
    assert plan.code == 0, plan.err
    assert '<div class="date">20 November 2026</div>' in plan.out
    assert "Dibuat dengan planner pada 20 November 2026." in plan.out
    assert "1 Desember 2026" not in plan.out
    quote = run_cli(
        "quote",
        "patterns/kemeja-sekolah.toml",
        "--sizes",
        "S=5,M=10,L=5",
        "--today",
        "2026-11-20",
        "--lang",
        "en",
        "-f",
        "html",
        cwd=examples,
        env=EPOCH,
    )
    assert quote.code == 0, quote.err
    assert '<div class="date">November 20, 2026</div>' in quote.out
    assert '"Usaha Saya · November 20, 2026"' in quote.out  # the print footer's CSS string


def test_without_today_the_page_keeps_source_date_epoch(examples: Path) -> None:
    earlier = {"SOURCE_DATE_EPOCH": str(1796083200 - 6 * 86400)}  # 2026-12-01 less six days: 2026-11-25
    plan = run_cli("plan", "plans/pesanan-kenduri.toml", "-f", "html", cwd=examples, env=earlier)
    assert plan.code == 0, plan.err
    assert '<div class="date">25 November 2026</div>' in plan.out
