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
from planner.render.chartsvg import PALETTE, Finish
from planner.reports import Chart

FONT = "'DejaVu Sans', 'Noto Sans', Arial, sans-serif"
WIDTH, HEIGHT, RING = 760, 300, 250  # px of the drawing; the page scales it to its column
LEGEND_SIZE, VALUE_SIZE, MARGIN = 15, 13, 12


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
        opacity="1",
        opacity_hover="1",
        colors=PALETTE,
        font_family=FONT,
        label_font_size=14,
        major_label_font_size=14,
        value_font_size=VALUE_SIZE,
        value_label_font_size=VALUE_SIZE,
        legend_font_size=LEGEND_SIZE,
        title_font_size=15,
        tooltip_font_size=13,
    )


def _point(value: Decimal, show: Callable[[Decimal], str]) -> dict[str, Any]:
    return {"value": float(value), "formatter": lambda _shown, exact=value: show(exact)}


def _axis(kind: str, fmt: Formatter) -> Callable[[float], str]:
    """Axis ticks: round pygal's float ticks for display (never used for a figure)."""
    return lambda tick: value_text(Decimal(repr(tick)), kind, fmt)


def legend(chart: Chart, fmt: Formatter) -> tuple[str, ...]:
    """The legend's labels: a ring's parts with their amounts and shares; the series of several."""
    if chart.kind == "pie":
        _name, values = chart.series[0]
        total = sum(values, Decimal(0))
        return tuple(
            f"{fmt.value(label)}: {value_text(value, chart.values, fmt)}"
            + (f" ({fmt.share(value / total)})" if total else "")
            for label, value in zip(chart.labels, values)
        )
    return tuple(fmt.value(name) for name, _values in chart.series) if len(chart.series) > 1 else ()


def _pie(chart: Chart, fmt: Formatter, config: dict[str, Any]) -> Any:
    import pygal

    drawn = pygal.Pie(inner_radius=0.5, print_values=False, **{**config, "width": RING, "height": RING})
    _name, values = chart.series[0]

    def show(v: Decimal) -> str:
        return value_text(v, chart.values, fmt)

    for label, value in zip(chart.labels, values):
        drawn.add(fmt.value(label), [_point(value, show)])
    return drawn


def _bars(chart: Chart, fmt: Formatter, config: dict[str, Any]) -> Any:
    """Horizontal bars (labels read well in either language); the first label on top."""
    import pygal

    stacked = chart.kind == "stacked"
    drawn = (pygal.HorizontalStackedBar if stacked else pygal.HorizontalBar)(
        print_values=True,  # each figure is kept where it fits inside its bar (chartsvg.Finish)
        max_scale=6,
        value_formatter=_axis(chart.values, fmt),
        **config,
    )
    drawn.x_labels = [fmt.value(label) for label in reversed(chart.labels)]
    show = lambda v: value_text(v, chart.values, fmt)
    for name, values in chart.series:
        drawn.add(fmt.value(name), [_point(v, show) for v in reversed(values)])
    return drawn


def _line(chart: Chart, fmt: Formatter, config: dict[str, Any]) -> Any:
    """A line over its labels: to scale when the labels are numbers (pieces sold), else evenly spaced."""
    import pygal

    numeric = all(isinstance(label, (int, Decimal)) and not isinstance(label, bool) for label in chart.labels)
    drawn = (pygal.XY if numeric else pygal.Line)(
        dots_size=4,
        stroke_style={"width": 3},
        value_formatter=_axis(chart.values, fmt),
        x_label_rotation=0,
        max_scale=8,
        **config,
    )
    show = lambda v: value_text(v, chart.values, fmt)
    if numeric:
        drawn.x_labels = [float(label) for label in chart.labels]
        drawn.x_value_formatter = lambda x: fmt.number(Decimal(repr(x)), 0)
        for name, values in chart.series:
            drawn.add(fmt.value(name), [_xy(x, v, show) for x, v in zip(chart.labels, values)])
        return drawn
    drawn.show_minor_x_labels, drawn.x_labels_major_count = False, 8
    drawn.margin_right = MARGIN + 24  # room for half of the last label, centred on the right edge
    drawn.x_labels = [fmt.value(label) for label in chart.labels]
    for name, values in chart.series:
        drawn.add(fmt.value(name), [_point(v, show) for v in values])
    return drawn


def _xy(x: Any, value: Decimal, show: Callable[[Decimal], str]) -> dict[str, Any]:
    return {"value": (float(x), float(value)), "formatter": lambda _shown, exact=value: show(exact)}


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
        height=HEIGHT,
        show_legend=False,  # planner draws the legend (chartsvg.Finish): measured, never overlapping
        disable_xml_declaration=True,
        js=[],
        explicit_size=False,
        margin=MARGIN,
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
    drawn.add_xml_filter(
        Finish(
            f"chart-{drawn.uuid}",
            fmt.text(chart.title),
            chart.kind,
            legend(chart, fmt),
            LEGEND_SIZE,
            VALUE_SIZE,
            WIDTH,
            MARGIN,
        )
    )
    return str(drawn.render(is_unicode=True))


def _title(title: Any, fmt: Formatter) -> str | None:
    return None if title is None else fmt.value(title)
