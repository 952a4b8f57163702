"""The HTML pages in a real browser: headless Chromium screenshots them and prints them to PDF.

A page must show something (not a blank screenshot), draw its chart (coloured
pixels), and print to an A4 PDF with the print footer. Outside CI the tests are
skipped when Chromium is not installed; in CI (CI=true) a missing Chromium fails.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import run_cli

EPOCH = {"SOURCE_DATE_EPOCH": "1796083200"}  # 2026-12-01
ROOT_EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--hide-scrollbars",
    "--mute-audio",
]
A4 = (595.0, 842.0)  # points


def find_tool(*names: str) -> str | None:
    return next((shutil.which(n) for n in names if shutil.which(n)), None)


def need(tool: str | None, what: str, package: str) -> str:
    if tool is None:
        if os.environ.get("CI"):
            pytest.fail(f"{what} is not installed: .ci/run must install Debian's {package}")
        pytest.skip(f"{what} is not installed (apt-get install {package}); CI installs it")
    return tool


@pytest.fixture(scope="module")
def chromium() -> str:
    return need(find_tool("chromium", "chromium-browser", "google-chrome"), "Chromium", "chromium")


def command_exists(name: str) -> bool:
    from planner.cli import COMMANDS

    return name in COMMANDS


def browse(chromium: str, page: Path, *args: str) -> None:
    profile = page.parent / f"profile-{page.stem}"
    done = subprocess.run(
        [chromium, *FLAGS, f"--user-data-dir={profile}", *args, page.resolve().as_uri()],
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert done.returncode == 0, done.stderr[-2000:]


def screenshot(chromium: str, page: Path, height: int = 1400) -> Path:
    png = page.with_suffix(".png")
    browse(chromium, page, f"--screenshot={png}", f"--window-size=1000,{height}")
    return png


def print_pdf(chromium: str, page: Path) -> Path:
    pdf = page.with_suffix(".pdf")
    browse(chromium, page, f"--print-to-pdf={pdf}", "--no-pdf-header-footer")
    return pdf


def pixels(png: Path) -> tuple[int, int, int]:
    """(all pixels, non-white pixels, strongly coloured pixels) of a screenshot."""
    from PIL import Image

    with Image.open(png) as image:
        data = image.convert("RGB").tobytes()
    triples = list(zip(data[0::3], data[1::3], data[2::3]))
    ink = sum(1 for rgb in triples if min(rgb) < 235)
    colour = sum(1 for rgb in triples if max(rgb) - min(rgb) > 80)
    return len(triples), ink, colour


def pdf_pages(pdf: bytes) -> list[tuple[float, float]]:
    """Page sizes from the MediaBox of each /Type /Page object."""
    boxes = re.findall(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]", pdf)
    return [(float(w), float(h)) for w, h in boxes]


def pdf_text(pdf: Path) -> str:
    tool = need(find_tool("pdftotext"), "pdftotext", "poppler-utils")
    return subprocess.run([tool, "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout


def make_page(folder: Path, name: str, args: list[str]) -> Path:
    page = folder / f"{name}.html"
    result = run_cli(*args, "--format", "html", "--output", page.name, cwd=folder, env=EPOCH)
    assert result.code == 0, result.err
    return page


PAGES = [
    ("cost-recipe", ["cost", "recipes/bingka-kentang.toml", "--explain"], "Bingka kentang"),
    ("cost-pattern", ["cost", "patterns/kemeja-sekolah.toml", "--lang", "en"], "Kemeja sekolah"),
    ("cost-pattern-size", ["cost", "patterns/gamis.toml", "--size", "M"], "HPP"),
    ("price", ["price", "recipes/bingka-kentang.toml"], "Bingka kentang"),
    ("breakeven", ["breakeven", "recipes/bingka-kentang.toml"], "Bingka kentang"),
    ("plan", ["plan", "plans/pesanan-kenduri.toml"], "kenduri"),
    ("quote", ["quote", "patterns/kemeja-sekolah.toml", "--sizes", "S=5,M=10,L=5"], "Kemeja sekolah"),
    (
        "compare",
        [
            "compare",
            "recipes/bingka-kentang.toml",
            "recipes/roti-sobek.toml",
            "patterns/kemeja-sekolah.toml",
            "--size",
            "M",
        ],
        "Bingka kentang",
    ),
    ("whatif", ["whatif", "recipes/bingka-kentang.toml", "--change", "gula-pasir=+20%,+40%"], "Bingka kentang"),
    # the book's period report draws its weekly chart (earned and net profit per week)
    ("book", ["book", "--month", "2026-11", "--today", "2026-12-14", "--explain"], "Bingka kentang"),
    ("titip", ["titip", "--today", "2026-12-14"], "Warung Acil"),
]
TALL = {"book": 4000}  # the weekly chart comes after seven tables


@pytest.mark.parametrize("name,args,title", PAGES, ids=[p[0] for p in PAGES])
def test_page_shows_in_chromium_and_prints(
    chromium: str, examples: Path, name: str, args: list[str], title: str
) -> None:
    if not command_exists(args[0]):
        pytest.skip(f"planner {args[0]} is not there yet")
    page = make_page(examples, name, args)
    html = page.read_text(encoding="utf-8")
    total, ink, colour = pixels(screenshot(chromium, page, TALL.get(name, 1400)))
    assert ink > total * 0.01, f"the screenshot is (nearly) blank: {ink} of {total} pixels not white"
    if 'class="pygal-chart"' in html:
        # a chart fills thousands of pixels with colour; the page head alone has a few hundred
        assert colour > 3000, f"the chart did not draw: {colour} coloured pixels"
    pdf = print_pdf(chromium, page)
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF-") and len(data) > 10_000
    sizes = pdf_pages(data)
    assert sizes and all(abs(w - A4[0]) < 3 and abs(h - A4[1]) < 3 for w, h in sizes), sizes
    text = pdf_text(pdf)
    assert title in text and "Usaha Saya" in text
    assert re.search(r"(Halaman|Page) 1 (dari|of) \d", text), "the print footer (page numbers) is missing"


def test_each_product_starts_a_new_printed_page(chromium: str, examples: Path) -> None:
    page = make_page(
        examples,
        "three",
        ["cost", "recipes/bingka-kentang.toml", "recipes/roti-sobek.toml", "recipes/wadai-cincin.toml"],
    )
    pdf = print_pdf(chromium, page)
    assert len(pdf_pages(pdf.read_bytes())) >= 3
    text = pdf_text(pdf).split("\f")
    assert "Bingka kentang" in text[0] and "Roti sobek" not in text[0]


def test_no_dark_background_when_printed(chromium: str, examples: Path) -> None:
    """Print CSS keeps backgrounds light: the rendered page is mostly white."""
    page = make_page(examples, "light", ["cost", "recipes/bingka-kentang.toml"])
    total, ink, _colour = pixels(screenshot(chromium, page))
    assert ink < total * 0.25, f"{ink} of {total} pixels are not white"


def test_a_recipe_cost_sheet_prints_on_one_page(chromium: str, examples: Path) -> None:
    """The handout of one recipe (table, chart, footer) fits one A4 sheet."""
    page = make_page(examples, "handout", ["cost", "recipes/bingka-kentang.toml"])
    assert len(pdf_pages(print_pdf(chromium, page).read_bytes())) == 1


# ---------------------------------------------------------------- handouts: one sheet, no blank sheet


def printed_pages(chromium: str, page: Path) -> list[str]:
    """The text of each printed page, less what every page carries: the business, the date and
    "Halaman N dari M" in the print footer, and the closing "made with planner" line."""
    html = page.read_text(encoding="utf-8")
    made = re.search(r'<footer class="page-foot">(.*?)</footer>', html, re.S)
    date = re.search(r'<div class="date">(.*?)</div>', html)
    assert made and date
    pages = pdf_text(print_pdf(chromium, page)).split("\f")[:-1]  # pdftotext ends each page with \f
    rest = []
    for text in pages:
        flat = " ".join(text.split())
        for known in (" ".join(made[1].split()), "Usaha Saya · " + date[1], "Usaha Saya", date[1]):
            flat = flat.replace(known, " ")
        rest.append(re.sub(r"(Halaman|Page) \d+ (dari|of) \d+", " ", flat).strip())
    return rest


ONE_SHEET = [  # a handout, and a text of its chart's drawing (axis title or legend) in id and en
    (
        "breakeven-recipe",
        ["breakeven", "recipes/bingka-kentang.toml"],
        ("Potong terjual per bulan", "Pieces sold a month"),
    ),
    (
        "breakeven-pattern",
        ["breakeven", "patterns/kemeja-sekolah.toml", "--size", "M"],
        ("Potong terjual per bulan", "Pieces sold a month"),
    ),
    ("cost-pattern-size", ["cost", "patterns/kemeja-sekolah.toml", "--size", "M"], ("Tenaga kerja: Rp", "Labour: Rp")),
    (
        "price-recipe",
        ["price", "recipes/bingka-kentang.toml"],
        ("Komisi, biaya, dan pajak", "Commission, fees and tax"),
    ),
]


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("name,args,drawn", ONE_SHEET, ids=[s[0] for s in ONE_SHEET])
def test_handouts_print_on_one_sheet_with_their_chart(
    chromium: str, examples: Path, name: str, args: list[str], drawn: tuple[str, str], lang: str
) -> None:
    page = make_page(examples, f"{name}-{lang}", [*args, "--lang", lang])
    assert 'class="pygal-chart"' in page.read_text(encoding="utf-8")
    pages = printed_pages(chromium, page)
    assert len(pages) == 1, f"{len(pages)} printed pages"
    assert drawn[lang == "en"] in pages[0], "the chart is drawn on the sheet"


@pytest.mark.parametrize("lang", ["id", "en"])
def test_compare_prints_no_blank_page(chromium: str, examples: Path, lang: str) -> None:
    page = make_page(examples, f"compare-{lang}", ["compare", "recipes", "patterns", "--lang", lang])
    pages = printed_pages(chromium, page)
    assert all(pages), f"page {pages.index('') + 1} of {len(pages)} is blank but for the footers"


def test_the_closing_line_never_goes_alone_onto_a_new_page(chromium: str, examples: Path) -> None:
    """The closing line follows the last row onto the next page, however long the table.

    compare of N recipes has a row each; the first N whose page overflows is the case where
    the closing line (the last thing on the page) would be pushed alone onto a second page."""
    recipe = (examples / "recipes" / "wadai-cincin.toml").read_text(encoding="utf-8")
    folder = examples / "many"
    folder.mkdir()

    def pages_for(count: int) -> list[str]:
        for old in folder.glob("*.toml"):
            old.unlink()
        for n in range(count):
            text = recipe.replace('name = "Wadai cincin"', f'name = "Wadai cincin {n + 1}"')
            (folder / f"wadai-{n + 1}.toml").write_text(text, encoding="utf-8")
        (examples / f"many-{count}.html").unlink(missing_ok=True)
        return printed_pages(chromium, make_page(examples, f"many-{count}", ["compare", "many"]))

    low, high = 10, 80  # one page, two pages (a row is about 5 mm of the sheet's 263)
    assert len(pages_for(low)) == 1 and len(pages_for(high)) >= 2
    while high - low > 1:  # the first count that takes a second page
        middle = (low + high) // 2
        low, high = (middle, high) if len(pages_for(middle)) == 1 else (low, middle)
    for count in (high, high + 1):
        pages = pages_for(count)
        assert len(pages) == 2 and all(pages), f"{count} recipes: a page holds only the footers"
        assert "Wadai cincin" in pages[1], "rows of the table go along with the closing line"


# ---------------------------------------------------------------- the quote a tailor hands over


@pytest.mark.parametrize(
    "args",
    [
        ["quote", "patterns/kemeja-sekolah.toml", "--sizes", "S=5,M=10,L=5", "--customer-fabric", "40m", "--rush"],
        ["quote", "recipes/bingka-kentang.toml", "--pieces", "100"],
    ],
    ids=["uniforms", "kenduri"],
)
def test_the_customer_quote_is_one_a4_page_without_the_makers_figures(
    chromium: str, examples: Path, args: list[str]
) -> None:
    """--for customer: one A4 sheet with the business, the customer, prices, total, deposit, balance, the fabric
    to bring and the ready date; no HPP, no file path, no maker's warnings or footer."""
    page = make_page(
        examples, "customer", [*args, "--for", "customer", "--customer", "SD Negeri 3", "--today", "2026-03-02"]
    )
    total, ink, _colour = pixels(screenshot(chromium, page))
    assert ink > total * 0.01, "the customer's page is (nearly) blank"
    pdf = print_pdf(chromium, page)
    sizes = pdf_pages(pdf.read_bytes())
    assert len(sizes) == 1 and abs(sizes[0][0] - A4[0]) < 3 and abs(sizes[0][1] - A4[1]) < 3, sizes
    text = pdf_text(pdf)
    for shown in ("Usaha Saya", "SD Negeri 3", "Total", "DP (50%)", "Pelunasan", "Selesai tanggal"):
        assert shown in text, shown
    for hidden in ("HPP", ".toml", "peringatan", "planner"):
        assert hidden not in text, hidden


# ---------------------------------------------------------------- planner sheet: a page per product


def class_of_thirty(folder: Path) -> list[str]:
    """The shipped class example with every product copied twice more under a new name: 30 products
    of three groups, each in its own folder's settings. Their names, in the order sheet prints them."""
    kelas = folder / "kelas"
    shutil.copytree(ROOT_EXAMPLES / "kelas", kelas)
    for original in products_in(kelas):
        text = original.read_text(encoding="utf-8")
        name = re.search(r'^name = "(.*)"', text, re.M)
        assert name, original
        for copy in (2, 3):
            renamed = text.replace(f'name = "{name[1]}"', f'name = "{name[1]} {copy}"', 1)
            original.with_name(f"{original.stem}-{copy}.toml").write_text(renamed, encoding="utf-8")
    return [re.search(r'^name = "(.*)"', p.read_text(encoding="utf-8"), re.M)[1] for p in products_in(kelas)]  # type: ignore[index]


def products_in(kelas: Path) -> list[Path]:
    """The recipes and patterns of a class: every .toml but the settings, catalogs and books."""
    return sorted(
        p for p in kelas.rglob("*.toml") if p.name not in ("planner.toml", "prices.toml") and "books" not in p.parts
    )


def words_past_the_margin(chromium: str, pdf: Path) -> list[str]:
    """Words printed beyond the right margin of an A4 page (14 mm): a table too wide for the sheet."""
    tool = need(find_tool("pdftotext"), "pdftotext", "poppler-utils")
    boxes = subprocess.run([tool, "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    right = A4[0] - 14 / 25.4 * 72 + 1
    return [
        m[1] for m in re.finditer(r'<word xMin="[\d.]+" yMin="[\d.]+" xMax="([\d.]+)"', boxes) if float(m[1]) > right
    ]


def test_a_sheet_of_thirty_products_prints_thirty_a4_pages(chromium: str, tmp_path: Path) -> None:
    if not command_exists("sheet"):
        pytest.skip("planner sheet is not there yet")
    names = class_of_thirty(tmp_path)
    assert len(names) == 30
    page = make_page(tmp_path, "kelas", ["sheet", "kelas"])
    total, ink, _colour = pixels(screenshot(chromium, page))
    assert ink > total * 0.01, "the screenshot is (nearly) blank"
    pdf = print_pdf(chromium, page)
    sizes = pdf_pages(pdf.read_bytes())
    assert len(sizes) == 30, f"{len(sizes)} printed pages for 30 products"
    assert all(abs(w - A4[0]) < 3 and abs(h - A4[1]) < 3 for w, h in sizes), sizes
    pages = pdf_text(pdf).split("\f")[:-1]
    businesses = {"jahit-ani": "Jahit Ani", "kue-siti": "Wadai Siti", "roti-rahmah": "Roti Rahmah"}
    for number, (name, text) in enumerate(zip(names, pages), 1):
        # the whole product on its own page: its title, its business, and its break-even at the end
        flat = " ".join(text.split())
        assert name in flat, f"page {number} is not {name}'s"
        assert any(business in flat for business in businesses.values()), f"page {number} has no business name"
        assert "Biaya tetap per bulan" in flat and "Titik impas" in flat, f"{name}: break-even is not on its page"
        assert f"Halaman {number} dari 30" in flat
    assert words_past_the_margin(chromium, pdf) == [], "a table runs past the right margin"


def test_monitor_draws_its_trend_in_chromium(chromium: str, tmp_path: Path) -> None:
    """planner monitor: the groups' net profit month by month, one line per group, and it prints."""
    import sys
    from datetime import date

    sys.path.insert(0, str(ROOT_EXAMPLES.parent / "bench"))
    from make_class import make_class

    make_class(tmp_path / "kelas", groups=6, months=6, end=date(2026, 12, 1), days=8)
    page = make_page(tmp_path, "monitor", ["monitor", "kelas", "--today", "2026-12-31"])
    html = page.read_text(encoding="utf-8")
    assert html.count('class="pygal-chart"') == 1 and html.count("stroke-dasharray") >= 6  # a dash per line
    total, ink, colour = pixels(screenshot(chromium, page))
    assert ink > total * 0.01 and colour > 3000, f"the chart did not draw: {colour} coloured pixels"
    text = pdf_text(print_pdf(chromium, page))
    assert "Laba bersih bulan demi bulan" in text and "kelompok-06" in text
