"""SVG charts for the HTML page, drawn with pygal.

pygal is imported inside ``draw_chart`` only, so no other command pays for it.
Values stay Decimal up to here: pygal gets floats for geometry, but every
number a reader sees is formatted from the exact Decimal by the Formatter.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

from planner.i18n import Formatter
from planner.reports import Chart

PALETTE = ("#2b6cb0", "#dd8a2f", "#38a169", "#c53030", "#805ad5", "#b7791f", "#319795", "#718096")
FONT = "'DejaVu Sans', 'Noto Sans', Arial, sans-serif"
WIDTH, HEIGHT = 760, 340


def value_text(value: Decimal, kind: str, fmt: Formatter) -> str:
    """A chart value as the reader sees it, per the chart's value kind."""
    if kind == "money":
        return fmt.money(value)
    if kind == "share":
        return fmt.share(value)
    if kind == "int":
        return fmt.number(value, 0)
    return fmt.number(value)


def _style() -> Any:
    from pygal.style import Style

    return Style(
        background="white",
        plot_background="white",
        foreground="#1a202c",
        foreground_strong="#1a202c",
        foreground_subtle="#a0aec0",
        opacity="0.9",
        opacity_hover="0.9",
        colors=PALETTE,
        font_family=FONT,
        label_font_size=14,
        major_label_font_size=14,
        value_font_size=13,
        value_label_font_size=13,
        legend_font_size=15,
        title_font_size=15,
        tooltip_font_size=13,
    )


def _point(value: Decimal, show: Callable[[Decimal], str]) -> dict[str, Any]:
    return {"value": float(value), "formatter": lambda _shown, exact=value: show(exact)}


def _axis(kind: str, fmt: Formatter) -> Callable[[float], str]:
    """Axis ticks: round pygal's float ticks for display (never used for a figure)."""
    return lambda tick: value_text(Decimal(repr(tick)), kind, fmt)


def _pie(chart: Chart, fmt: Formatter, config: dict[str, Any]) -> Any:
    import pygal

    drawn = pygal.Pie(inner_radius=0.5, print_values=False, legend_box_size=16, **config)
    _name, values = chart.series[0]
    total = sum(values, Decimal(0))

    def show(v: Decimal) -> str:
        return value_text(v, chart.values, fmt)

    for label, value in zip(chart.labels, values):
        share = f" ({fmt.share(value / total)})" if total else ""
        drawn.add(f"{fmt.value(label)}: {show(value)}{share}", [_point(value, show)])
    return drawn


def _bars(chart: Chart, fmt: Formatter, config: dict[str, Any]) -> Any:
    """Horizontal bars (labels read well in either language); the first label on top."""
    import pygal

    stacked = chart.kind == "stacked"
    several = len(chart.series) > 1
    drawn = (pygal.HorizontalStackedBar if stacked else pygal.HorizontalBar)(
        print_values=stacked or len(chart.labels) * len(chart.series) <= 12,
        show_legend=several,
        legend_at_bottom=True,
        legend_at_bottom_columns=min(len(chart.series), 5),
        max_scale=6,
        value_formatter=_axis(chart.values, fmt),
        **config,
    )
    drawn.x_labels = [fmt.value(label) for label in reversed(chart.labels)]
    floor = _label_floor(chart)
    for name, values in chart.series:
        drawn.add(
            fmt.value(name),
            [
                _point(v, lambda x: value_text(x, chart.values, fmt) if abs(x) >= floor else "")
                for v in reversed(values)
            ],
        )
    return drawn


def _label_floor(chart: Chart) -> Decimal:
    """The smallest stacked segment that has room for its figure (a tenth of the longest bar)."""
    if chart.kind != "stacked":
        return Decimal(0)
    stacks = [sum((abs(values[i]) for _name, values in chart.series), Decimal(0)) for i in range(len(chart.labels))]
    return max(stacks, default=Decimal(0)) / 10


def _line(chart: Chart, fmt: Formatter, config: dict[str, Any]) -> Any:
    import pygal

    drawn = pygal.Line(
        show_legend=len(chart.series) > 1,
        legend_at_bottom=True,
        dots_size=4,
        stroke_style={"width": 3},
        value_formatter=_axis(chart.values, fmt),
        x_label_rotation=0,
        show_minor_x_labels=False,
        x_labels_major_count=8,
        max_scale=8,
        **config,
    )
    drawn.x_labels = [fmt.value(label) for label in chart.labels]
    show = lambda v: value_text(v, chart.values, fmt)
    for name, values in chart.series:
        drawn.add(fmt.value(name), [_point(v, show) for v in values])
    return drawn


DRAWERS = {"pie": _pie, "bar": _bars, "stacked": _bars, "line": _line}


def _without_scripts(root: Any) -> Any:
    """Drop pygal's script tags and comments: the page stays static and offline."""
    for parent in list(root.iter()):
        for child in list(parent):
            if not isinstance(child.tag, str) or child.tag.rsplit("}", 1)[-1] == "script":
                parent.remove(child)
    return root


def draw_chart(chart: Chart, fmt: Formatter, number: int = 1) -> str:
    """One chart as an inline ``<svg>`` element (text escaped by the XML writer)."""
    if chart.kind not in DRAWERS:
        raise ValueError(f"unknown chart kind {chart.kind!r}")
    config = dict(
        style=_style(),
        width=WIDTH,
        height=HEIGHT if chart.kind != "pie" else 260,
        disable_xml_declaration=True,
        js=[],
        explicit_size=False,
        margin=12,
        spacing=10,
        truncate_label=-1,
        truncate_legend=-1,
        show_y_guides=True,
        x_title=_title(chart.x_title, fmt),
        y_title=_title(chart.y_title, fmt),
    )
    drawn = DRAWERS[chart.kind](chart, fmt, config)
    drawn.uuid = f"planner-{number}"
    drawn.add_xml_filter(_without_scripts)
    return str(drawn.render(is_unicode=True))


def _title(title: Any, fmt: Formatter) -> str | None:
    return None if title is None else fmt.value(title)
