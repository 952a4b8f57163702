"""--format html: the printable page, its escaping, its charts (pygal) and its golden output.

The browser half (screenshots, PDF) is in tests/test_browser.py.
"""

from __future__ import annotations

import itertools
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from datetime import date
from decimal import Decimal
from functools import cache
from pathlib import Path

import pytest
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


def local(element: ET.Element) -> str:
    return element.tag.rsplit("}", 1)[-1]


def having(root: ET.Element, cls: str) -> list[ET.Element]:
    return [e for e in root.iter() if cls in e.get("class", "").split()]


def value_labels(svg: str) -> list[ET.Element]:
    """The figures printed on the bars, in drawing order."""
    return [t for g in having(ET.fromstring(svg), "text-overlay") for t in g.iter() if local(t) == "text"]


def legend_texts(svg: str) -> list[str]:
    legend = having(ET.fromstring(svg), "planner-legend")
    return [t.text or "" for g in legend for t in g if local(t) == "text"]


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
    assert "Bahan baku: Rp31.965 (61%)" in svg
    assert "Tenaga kerja: Rp20.401 (39%)" in svg
    assert draw_chart(pie, ID, 7) == svg, "the same chart draws the same SVG"


def test_stacked_bars_label_only_segments_with_room() -> None:
    chart = Chart(
        "stacked",
        msg(_("Cost of one garment by size")),
        ("S", "M"),
        ((msg(_("Fabric")), (Decimal(49488), Decimal(54838))), (msg(_("Packaging")), (Decimal(450), Decimal(450)))),
    )
    svg = draw_chart(chart, EN)
    shown = [t.text for t in value_labels(svg)]
    # 450 of a 55288 bar is under 1% of the plot's ~650 px: a few px, no room for "Rp450"
    assert shown == ["Rp54.838", "Rp49.488"]
    assert legend_texts(svg) == ["Fabric", "Packaging"]


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
    assert "-Rp75.000" in svg  # a loss reads as negative money, formatted from the exact value


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
    for part in ("Bahan baku: Rp31.965", "Tenaga kerja: Rp20.401", "Overhead: Rp2.000", "Kemasan: Rp2.400"):
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
    (examples / "planner.toml").write_text(
        'business = "Wadai Acil Ani"\n[[equipment]]\nname = "oven"\nprice = 1_500_000\nlife_months = 36\n',
        encoding="utf-8",
    )
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


# ---------------------------------------------------------------- charts fit for print: legends, greys, labels

# The chart text is set in DejaVu Sans, the first font of the page's stack (and what CI's Chromium
# uses): its real metrics, read by Pillow, measure what is drawn, independently of the width table
# planner lays the legend out with.
DEJAVU = next(iter(sorted(Path("/usr/share/fonts").rglob("DejaVuSans.ttf"))), None)


@cache
def dejavu(size: float):  # type: ignore[no-untyped-def]
    if DEJAVU is None:
        if os.environ.get("CI"):
            pytest.fail("DejaVu Sans is not installed: .ci/run must install Debian's fonts-dejavu-core")
        pytest.skip("DejaVu Sans is not installed (apt-get install fonts-dejavu-core)")
    from PIL import ImageFont

    return ImageFont.truetype(str(DEJAVU), size)


Box = tuple[float, float, float, float]  # left, top, right, bottom


def translate(element: ET.Element) -> tuple[float, float]:
    found = re.fullmatch(r"translate\(([-\d.]+),\s*([-\d.]+)\)", element.get("transform", "translate(0, 0)"))
    assert found, element.get("transform")
    return float(found[1]), float(found[2])


def legend_entries(svg: str) -> list[list[Box]]:
    """Each legend entry as the boxes of its swatch and of each of its lines of text (as drawn)."""
    (legend,) = having(ET.fromstring(svg), "planner-legend")
    dx, dy = translate(legend)
    entries: list[list[Box]] = []
    for element in legend:
        x, y = float(element.get("x", 0)) + dx, float(element.get("y", 0)) + dy
        if local(element) == "rect":
            entries.append([(x, y, x + float(element.get("width", 0)), y + float(element.get("height", 0)))])
        else:
            font = dejavu(float(element.get("font-size", 0)))
            ascent, descent = font.getmetrics()
            entries[-1].append((x, y - ascent, x + font.getlength(element.text or ""), y + descent))
    return entries


def overlap(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def assert_legend_apart(svg: str) -> None:
    """No two legend boxes overlap; all lie inside the picture and outside pygal's drawing."""
    root = ET.fromstring(svg)
    _x, _y, width, height = (float(v) for v in root.get("viewBox", "").split())
    (drawing,) = [e for g in having(root, "graph") for e in g if "background" in e.get("class", "").split()]
    drawn_w, drawn_h = float(drawing.get("width", 0)), float(drawing.get("height", 0))
    entries = legend_entries(svg)
    boxes = [(n, box) for n, entry in enumerate(entries) for box in entry]
    for (n, a), (m, b) in itertools.combinations(boxes, 2):
        assert not overlap(a, b), f"legend entries {n} and {m} overlap: {a} {b}"
    for _n, (left, top, right, bottom) in boxes:
        assert left >= 0 and top >= 0 and right <= width and bottom <= height, "a legend label is cut off"
        assert left >= drawn_w or top >= drawn_h, "a legend label lies on the chart"


def page_charts(examples: Path, *args: str) -> list[str]:
    result = run_cli(*args, "--format", "html", cwd=examples, env=EPOCH)
    assert result.code == 0, result.err
    return SVG.findall(result.out)


CHART_PAGES = [
    ("price", "recipes/bingka-kentang.toml"),  # stacked: "Komisi, biaya, dan pajak" ...
    ("price", "patterns/kemeja-sekolah.toml"),  # a chart per size
    ("cost", "patterns/kemeja-sekolah.toml"),  # stacked by size: five cost groups
    ("cost", "patterns/kemeja-sekolah.toml", "--size", "M"),  # a ring with its legend
    ("cost", "recipes/bingka-kentang.toml"),
]


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("args", CHART_PAGES, ids=[" ".join(a) for a in CHART_PAGES])
def test_legend_labels_of_the_example_pages_stay_apart(examples: Path, args: tuple[str, ...], lang: str) -> None:
    charts = page_charts(examples, *args, "--lang", lang)
    assert charts
    for svg in charts:
        assert legend_texts(svg), "a chart of several parts has its legend"
        assert_legend_apart(svg)


LONG = (
    "Bahan pembantu (kancing, benang, kain keras)",
    "Tenaga kerja penjahit borongan",
    "Jasa luar: bordir logo sekolah dan sablon",
    "Kemasan plastik OPP dan label merek",
    "Penyusutan mesin jahit dan mesin obras",
    "Biaya listrik, air dan sewa tempat usaha sebulan penuh untuk semua pekerjaan",
)


@pytest.mark.parametrize("count", [2, 3, 4, 6])
def test_long_legend_labels_wrap_into_columns_that_do_not_overlap(count: int) -> None:
    series = tuple((label, (Decimal(1000 + 500 * n), Decimal(900))) for n, label in enumerate(LONG[:count]))
    stacked = Chart("stacked", msg(_("Cost")), ("S", "M"), series)
    pie = Chart("pie", msg(_("Cost")), LONG[:count], ((msg(_("Cost")), tuple(v[0] for _n, v in series)),))
    for chart in (stacked, pie):
        svg = draw_chart(chart, ID)
        shown = "".join(legend_texts(svg)).replace(" ", "")
        for label in LONG[:count]:  # every word of every label is shown: wrapped, never cut
            assert label.replace(" ", "") in shown
        assert_legend_apart(svg)
    if count == 6:  # beside a ring, the longest label (~650 px) takes two lines of the ~470 px left
        assert len(legend_texts(svg)) > count


# Greys. Printed in black and white a colour is left with its lightness, CIE L* (0 black, 100
# white; even steps look even to the eye). Two greys side by side can just be told apart at about
# 1-2 L*, but a cheap laser printer or a photocopy shifts greys by up to ~5 L* each, so two parts
# drawn next to each other (one after the other in a stacked bar; a ring's last slice beside its
# first) must differ by 20 L* (still 10 apart after the worst shift), and any two colours of one
# chart by 10 L*, so the legend matches them; each part also has a texture of its own.
NEIGHBOURS, ANY_TWO = 20, 10


def lightness(colour: str) -> float:
    """CIE L* of an sRGB colour (IEC 61966-2-1 transfer, D65 white, CIE 1976 L*)."""
    r, g, b = (int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5))
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in (r, g, b)]
    y = 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    return 116 * y ** (1 / 3) - 16 if y > (6 / 29) ** 3 else y * (29 / 3) ** 3


def contrast(a: str, b: str) -> float:
    """WCAG 2 contrast ratio: (Y light + 0.05) / (Y dark + 0.05), Y from L* back (CIE 1976)."""
    ys = sorted((((lightness(c) + 16) / 116) ** 3 if lightness(c) > 8 else lightness(c) * 27 / 24389) for c in (a, b))
    return (ys[1] + 0.05) / (ys[0] + 0.05)


def test_lightness_formula_matches_known_values() -> None:
    # sRGB mid grey #777777 is L* 50.0; white 100; black 0 (e.g. brucelindbloom.com's calculator)
    assert abs(lightness("#777777") - 50.0) < 0.1
    assert abs(lightness("#ffffff") - 100) < 0.01 and lightness("#000000") == 0
    assert abs(contrast("#ffffff", "#000000") - 21) < 0.01  # WCAG's maximum


def test_palette_greys_differ_between_neighbours_and_any_two() -> None:
    from planner.render.chartsvg import PALETTE

    greys = [lightness(c) for c in PALETTE]
    assert all(8 < g < 95 for g in greys), "every part shows on white paper, none is black"
    for i in range(len(greys) - 1):
        assert abs(greys[i] - greys[i + 1]) >= NEIGHBOURS, (PALETTE[i], PALETTE[i + 1])
    for n in range(3, len(greys) + 1):  # a ring of n slices: the last lies beside the first
        assert abs(greys[0] - greys[n - 1]) >= NEIGHBOURS, (PALETTE[0], PALETTE[n - 1])
    for a, b in itertools.combinations(range(len(greys)), 2):
        assert abs(greys[a] - greys[b]) >= ANY_TWO, (PALETTE[a], PALETTE[b])


def fill_of(root: ET.Element, fill: str) -> tuple[str, str]:
    """A fill as (its colour, what its texture draws): a plain colour, or a pattern's."""
    found = re.fullmatch(r"url\(#(.+)\)", fill)
    if not found:
        return fill, "solid"
    (pattern,) = [e for e in root.iter() if local(e) == "pattern" and e.get("id") == found[1]]
    base, *marks = list(pattern)
    return base.get("fill", ""), pattern.get("patternTransform", "") + "".join(local(m) + m.get("d", "") for m in marks)


@pytest.mark.parametrize("parts", [2, 4, 6])
def test_each_part_has_its_own_grey_and_texture_on_chart_and_legend(parts: int) -> None:
    series = tuple((f"part {n}", (Decimal(100 + n), Decimal(90))) for n in range(parts))
    svg = draw_chart(Chart("stacked", msg(_("Cost")), ("S", "M"), series), EN)
    root = ET.fromstring(svg)
    (legend,) = having(root, "planner-legend")
    swatches = [fill_of(root, r.get("fill", "")) for r in legend if local(r) == "rect"]
    assert len(set(swatches)) == parts, "no two parts look alike"
    assert len({texture for _colour, texture in swatches}) == parts, "told apart by texture alone, too"
    for n in range(parts):  # each bar of series n is filled as its swatch is
        (series_group,) = [g for g in having(root, f"serie-{n}") if "plot" not in g.get("class", "")][:1]
        for rect in having(series_group, "rect"):
            fill = re.search(r"fill:([^;]+)", rect.get("style", ""))
            assert fill and fill_of(root, fill[1]) == swatches[n]


def test_figures_on_bars_fit_their_bar_and_read_on_it() -> None:
    chart = Chart(
        "stacked",
        msg(_("Where the shelf price goes, per piece sold")),
        ("langsung", "titip", "gofood"),
        (
            (msg(_("HPP per piece sold")), (Decimal(7096), Decimal(8348), Decimal(7096))),
            (msg(_("Commission, fees and tax")), (Decimal(0), Decimal(3000), Decimal(3800))),
            (msg(_("Profit")), (Decimal(2904), Decimal(3652), Decimal(3104))),
        ),
    )
    svg = draw_chart(chart, ID)
    root = ET.fromstring(svg)
    assert len(value_labels(svg)) == 8, "the nine segments less the empty one (no commission on langsung)"
    (plot,) = [g for g in having(root, "plot") if g.get("class") == "plot"]
    (overlay,) = having(root, "text-overlay")
    bars = {g.get("class"): having(g, "rect") for g in plot if "series" in g.get("class", "")}
    for group in overlay:
        for label in group:
            x, y = float(label.get("x", 0)), float(label.get("y", 0))
            (bar,) = [r for r in bars[group.get("class")] if inside(x, y, r)]
            assert dejavu(13).getlength(label.text or "") <= float(bar.get("width", 0)), label.text
            ink = re.search(r"fill:(#[0-9a-f]{6})", label.get("style", ""))
            fill = re.search(r"fill:(#[0-9a-f]{6})", bar.get("style", ""))
            if fill is None:  # a textured bar: the label sits on a halo of the bar's own colour
                fill = re.search(r"stroke:(#[0-9a-f]{6})", label.get("style", ""))
            assert ink and fill and contrast(ink[1], fill[1]) >= 4.5, (label.text, ink, fill)  # WCAG AA


def inside(x: float, y: float, rect: ET.Element) -> bool:
    left, top = float(rect.get("x", 0)), float(rect.get("y", 0))
    return left <= x <= left + float(rect.get("width", 0)) and top <= y <= top + float(rect.get("height", 0))


def test_a_lone_bar_too_short_for_its_figure_has_it_just_past_its_end() -> None:
    chart = Chart("bar", msg(_("Cost")), ("a", "b"), ((msg(_("Cost")), (Decimal(100000), Decimal(50))),))
    svg = draw_chart(chart, EN)
    root = ET.fromstring(svg)
    (plot,) = [g for g in having(root, "plot") if g.get("class") == "plot"]
    short, long = sorted(having(plot, "rect"), key=lambda r: float(r.get("width", 0)))
    labels = {t.text: t for t in value_labels(svg)}
    assert set(labels) == {"Rp100.000", "Rp50"}
    x, width = float(labels["Rp50"].get("x", 0)), dejavu(13).getlength("Rp50")
    assert x - width / 2 >= float(short.get("x", 0)) + float(short.get("width", 0)), "past the bar's end"
    inside_x = float(labels["Rp100.000"].get("x", 0))
    assert abs(inside_x - float(long.get("x", 0)) - float(long.get("width", 0)) / 2) < 1, "inside the long bar"


def test_two_short_tables_of_a_label_and_a_value_share_a_row() -> None:
    pair = (Column(p_("col.item", "Item")), Column(_("Cost"), "money"))
    rows = tuple(Row((f"item {n}", Decimal(n))) for n in range(3))
    small, long = Table(pair, rows, "small"), Table(pair, rows * 5, "long")  # 3 rows and 15 (more than 12)
    wide = every_kind_report().tables[0]
    report = Report("cost", "x", (small, small, small, long, small, wide), {})
    page = render_html([report], EN, today=DAY)
    # the first two pair up; the third's neighbour is too long to go beside it; the wide one never pairs
    (row,) = re.findall(r'<div class="side-by-side">(.*?)</div>', page, re.S)
    assert row.count("<table") == 2 and page.count("<table") == 6
    assert page.count('<table class="short">') == 5, "the 15-row table may split across pages, the others not"
