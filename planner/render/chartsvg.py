"""What planner adds to pygal's SVG so that a chart prints well, in colour or in grey.

- A legend laid out from measured text: each label's width is worked out from the
  advance widths of DejaVu Sans, the first and widest font of the page's font stack
  (Noto Sans, Arial and their look-alikes set the same text narrower), so no two
  labels overlap, however long the words of the language.
- Fills that stay apart in grey: each colour of the palette has a lightness (CIE L*)
  of its own, and each part a texture of its own (solid, stripes, dots, ...), drawn
  on the chart and on its legend swatch alike.
- Value labels only where they fit inside their bar, in the ink that reads on it.

It works on pygal's element tree (xml.etree, or lxml when installed) as an xml filter.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

# The palette, in the order parts are drawn. Lightness L*: 26, 47, 81, 60, 92, 70: colours
# drawn next to each other (one after the other, and the last slice of a ring beside the first)
# differ by 20 L* or more, any two by 10 or more (tests/test_html.py checks both, and says why).
PALETTE = ("#023c7e", "#bc4a3d", "#a0d88c", "#bf852e", "#fce89b", "#bf9de3")
TEXTURES = ("solid", "stripes", "dots", "back", "rows", "cross", "columns")
INK = "#1a202c"
WHITE = "#ffffff"

# DejaVu Sans advance widths in 1/2048 em (its hmtx table); kerning only ever narrows text.
_ADVANCES = {
    563: "'",
    569: "ijlíìîï",
    604: "IJ",
    651: " ,.·’‘",
    690: "/:;\\|",
    721: "f",
    739: "-",
    799: "()[]",
    803: "t",
    821: "!²³",
    842: "r",
    942: '"',
    1024: "*_`–°",
    1061: "“”",
    1067: "s",
    1075: "z",
    1087: "?",
    1126: "cç",
    1141: "L",
    1178: "F",
    1186: "k",
    1212: "vxy",
    1235: "P",
    1251: "TY",
    1253: "oóòôö",
    1255: "aáàâä",
    1260: "eéèêë",
    1294: "EÉÈ",
    1298: "hnuúùûüñ",
    1300: "Sbdgpq",
    1303: "$0123456789{}€",
    1343: "K",
    1401: "AVÁÀ",
    1403: "XZ",
    1405: "B",
    1423: "R",
    1430: "CÇ",
    1499: "UÚ",
    1532: "NÑ",
    1540: "H",
    1577: "D",
    1587: "G",
    1597: "&",
    1612: "OQÓ",
    1675: "w",
    1716: "#+<=>^~×−±",
    1767: "M",
    1946: "%",
    1985: "½¼¾",
    1995: "m",
    2025: "W",
}
ADVANCE = {ch: width for width, chars in _ADVANCES.items() for ch in chars}
EM = 2048

BOX = 14  # legend swatch, px
GAP = 6  # swatch to text
COLUMN_GAP = 22
LINE = 1.35  # legend line height, in font sizes


def text_width(text: str, size: float) -> float:
    """The width of ``text`` set in DejaVu Sans at ``size`` px (a character not in the table: 1 em)."""
    return sum(ADVANCE.get(ch, EM) for ch in text) * size / EM


# ---------------------------------------------------------------- colour


def luminance(colour: str) -> float:
    """Relative luminance Y of an sRGB colour ``#rrggbb`` (WCAG 2 / IEC 61966-2-1)."""
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def lightness(colour: str) -> float:
    """CIE L* (0 black .. 100 white): the grey a colour prints as, on a scale the eye sees as even."""
    y = luminance(colour)
    return 116 * y ** (1 / 3) - 16 if y > 216 / 24389 else y * 24389 / 27


def contrast(a: str, b: str) -> float:
    """WCAG contrast ratio of two colours (1 .. 21)."""
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def label_ink(fill: str) -> str:
    """Near-black or white, whichever reads better on ``fill``."""
    return WHITE if contrast(WHITE, fill) > contrast(INK, fill) else INK


def colour(index: int) -> str:
    return PALETTE[index % len(PALETTE)]


def texture(index: int) -> str:
    return TEXTURES[index % len(TEXTURES)]


# ---------------------------------------------------------------- legend layout


@dataclass(frozen=True)
class Placed:
    """One legend entry: its swatch's top left corner, its text lines, and its part's index."""

    x: float
    y: float
    lines: tuple[str, ...]
    index: int


def wrap(text: str, width: float, size: float) -> tuple[str, ...]:
    """Lines of ``text`` no wider than ``width`` (broken between words; within a word only when it must)."""
    lines: list[str] = []
    line = ""
    for word in text.split(" "):
        candidate = f"{line} {word}" if line else word
        if text_width(candidate, size) <= width:
            line = candidate
            continue
        if line:
            lines.append(line)
        line = word
        while text_width(line, size) > width and len(line) > 1:
            cut = max(n for n in range(1, len(line)) if text_width(line[:n], size) <= width or n == 1)
            lines.append(line[:cut])
            line = line[cut:]
    lines.append(line)
    return tuple(lines)


def lay_out(labels: list[str], width: float, size: float, most: int = 5) -> tuple[list[Placed], float]:
    """Legend entries in as many columns (at most ``most``) as fit ``width``; the height they take.

    Columns are as wide as the widest entry, so no label reaches the next column; a label
    wider than the whole width is wrapped onto more lines."""
    if not labels:
        return [], 0.0
    text_room = width - BOX - GAP
    entries = [wrap(label, text_room, size) for label in labels]
    widest = max(BOX + GAP + max(text_width(line, size) for line in lines) for lines in entries)
    columns = max(1, min(most, len(labels), int((width + COLUMN_GAP) // (widest + COLUMN_GAP))))
    rows = -(-len(labels) // columns)
    columns = -(-len(labels) // rows)  # as many rows, fewer columns: 3 + 2 rather than 4 + 1
    placed, top = [], 0.0
    for row in range(rows):
        chunk = range(row * columns, min(len(labels), (row + 1) * columns))
        for column, i in enumerate(chunk):
            placed.append(Placed(column * (widest + COLUMN_GAP), top, entries[i], i))
        top += max(len(entries[i]) for i in chunk) * size * LINE + size * 0.35
    return placed, top - size * 0.35


# ---------------------------------------------------------------- the SVG tree


def _tag(element: Any) -> str:
    return str(element.tag).rsplit("}", 1)[-1]


def _classes(element: Any) -> list[str]:
    return str(element.get("class", "")).split()


def _children(element: Any, cls: str) -> Iterator[Any]:
    return (child for child in element if cls in _classes(child))


def _add(parent: Any, tag: str, **attributes: object) -> Any:
    child = parent.makeelement(tag, {k.rstrip("_").replace("_", "-"): str(v) for k, v in attributes.items()})
    parent.append(child)
    return child


STROKES = {"stripes": "M0 4h8", "back": "M0 4h8", "rows": "M0 4h8", "columns": "M4 0v8", "cross": "M0 4h8M4 0v8"}


def _pattern(defs: Any, pid: str, index: int) -> str:
    """A fill for part ``index``: its colour, with its texture drawn in the ink that shows on it."""
    fill, kind = colour(index), texture(index)
    if kind == "solid":
        return fill
    ink = label_ink(fill)
    pattern = _add(defs, "pattern", id=pid, patternUnits="userSpaceOnUse", width=8, height=8)
    if kind in ("stripes", "back", "cross"):
        pattern.set("patternTransform", "rotate(-45)" if kind == "back" else "rotate(45)")
    _add(pattern, "rect", x=0, y=0, width=8, height=8, fill=fill)
    if kind == "dots":
        _add(pattern, "circle", cx=4, cy=4, r=1.6, fill=ink, fill_opacity=0.6)
    else:
        _add(pattern, "path", d=STROKES[kind], stroke=ink, stroke_width=2, stroke_opacity=0.55)
    return f"url(#{pid})"


def _halo(fill: str) -> str:
    """A band of ``fill`` behind a label's letters, so a texture under it does not blur them."""
    return f"stroke:{fill} !important;stroke-width:3px;stroke-linejoin:round;paint-order:stroke"


def _series(graph: Any, overlay: bool) -> list[Any]:
    """The series groups of the plot (or of its value overlay), in drawing order."""
    wanted = "text-overlay" if overlay else None
    for plot in _children(graph, "plot"):
        names = _classes(plot)
        if (wanted in names) if wanted else names == ["plot"]:
            return list(_children(plot, "series"))
    return []


def _index(series: Any) -> int:
    return next(int(c[6:]) for c in _classes(series) if c.startswith("serie-"))


@dataclass(frozen=True)
class Finish:
    """How to finish one chart: its id, title and kind, its legend labels, the sizes it uses."""

    uid: str
    title: str
    kind: str
    legend: tuple[str, ...]
    legend_size: float
    value_size: float
    width: float
    margin: float

    def __call__(self, root: Any) -> Any:
        graph = next(_children(root, "graph"))
        defs = next(child for child in root if _tag(child) == "defs")
        self.name(root)
        fills = self.thicken(graph) if self.kind == "line" else self.fill(graph, defs)
        if self.kind in ("bar", "stacked"):
            self.fit_values(graph)
        if self.legend:
            self.draw_legend(root, fills)
        return root

    def name(self, root: Any) -> None:
        """The picture's name (its tooltip, what a screen reader says) is the chart's title, not
        "Pygal"; the axis labels lose pygal's tooltips (a tick's raw value)."""
        for child in root:
            if _tag(child) == "title":
                child.text = self.title
        for guides in [e for e in root.iter() if "guides" in _classes(e)]:
            for child in [c for c in guides if _tag(c) == "title"]:
                guides.remove(child)

    def fill(self, graph: Any, defs: Any) -> dict[int, str]:
        """Texture every part; a thin white edge keeps neighbouring parts apart."""
        fills = {}
        for series in _series(graph, overlay=False):
            index = _index(series)
            fills[index] = _pattern(defs, f"{self.uid}-fill-{index}", index)
            for shape in series.iter():
                if "reactive" in _classes(shape):
                    shape.set("style", f"fill:{fills[index]};fill-opacity:1;stroke:{WHITE};stroke-opacity:1")
        return fills

    def thicken(self, graph: Any) -> dict[int, str]:
        """Lines 3 px wide, each series with a dash of its own (apart in grey as in colour)."""
        dashes = ("none", "9 5", "2 4", "12 4 2 4")
        for series in _series(graph, overlay=False):
            index = _index(series)
            for path in series.iter():
                if "line" in _classes(path):
                    path.set("style", f"stroke-width:3;stroke-dasharray:{dashes[index % len(dashes)]}")
        return {}

    def fit_values(self, graph: Any) -> None:
        """Keep a bar's figure where it fits inside the bar, in an ink that reads on the bar; a lone
        bar's figure that does not fit goes just past its end when the plot has room, else nowhere."""
        bars = {_index(s): [r for r in s.iter() if "rect" in _classes(r)] for s in _series(graph, overlay=False)}
        plot_width = max(float(r.get("width", 0)) for p in _children(graph, "plot") for r in _children(p, "background"))
        for series in _series(graph, overlay=True):
            index = _index(series)
            fill = colour(index)
            for label, rect in zip(list(series), bars.get(index, [])):
                wide = text_width(label.text or "", self.value_size)
                left, room = float(rect.get("x", 0)), float(rect.get("width", 0))
                if label.text and wide + 6 <= room:
                    label.set("style", f"fill:{label_ink(fill)};{_halo(fill)}")
                elif label.text and self.kind == "bar" and left + room + wide + 6 <= plot_width:
                    label.set("x", f"{left + room + 4 + wide / 2:g}")
                    label.set("style", f"fill:{INK};{_halo(WHITE)}")
                else:
                    series.remove(label)

    def draw_legend(self, root: Any, fills: dict[int, str]) -> None:
        """The legend beside a ring (to its right) or under the bars, and the picture grown to hold it."""
        _x, _y, width, height = (float(v) for v in str(root.get("viewBox")).split())
        size = self.legend_size
        if self.kind == "pie":
            left = width + self.margin
            placed, tall = lay_out(list(self.legend), self.width - left - self.margin, size, most=1)
            top = max(self.margin, (height - tall) / 2)
            width, height = self.width, max(height, tall + 2 * self.margin)
        else:
            left, top = self.margin, height + size * 0.3
            placed, tall = lay_out(list(self.legend), width - 2 * self.margin, size)
            height = top + tall + self.margin
        root.set("viewBox", f"0 0 {width:g} {height:g}")
        legend = _add(root, "g", class_="planner-legend", transform=f"translate({left:g}, {top:g})")
        legend.set("font-family", "'DejaVu Sans', 'Noto Sans', Arial, sans-serif")
        for entry in placed:
            self.draw_entry(legend, entry, fills.get(entry.index, colour(entry.index)))

    def draw_entry(self, legend: Any, entry: Placed, fill: str) -> None:
        size = self.legend_size
        box_top = entry.y + (size * LINE - BOX) / 2
        if self.kind == "line":
            _add(legend, "rect", x=f"{entry.x:g}", y=f"{box_top + BOX / 2 - 2:g}", width=BOX, height=4, fill=fill)
        else:
            _add(legend, "rect", x=f"{entry.x:g}", y=f"{box_top:g}", width=BOX, height=BOX, fill=fill, stroke=INK)
        for n, line in enumerate(entry.lines):
            baseline = entry.y + n * size * LINE + size * (LINE + 0.7) / 2
            text = _add(legend, "text", x=f"{entry.x + BOX + GAP:g}", y=f"{baseline:.1f}", fill=INK)
            text.set("font-size", f"{size:g}")
            text.text = line
