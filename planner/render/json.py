"""JSON: the report's contract data; several products make an array."""

from __future__ import annotations

import json

from planner.reports import Report


def render_json(reports: list[Report]) -> str:
    items: list = []
    for report in reports:
        if isinstance(report.data, list):
            items.extend(report.data)
        else:
            items.append(report.data)
    payload = items[0] if len(items) == 1 else items
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
