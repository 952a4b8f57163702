"""JSON: the report's contract data; several products make an array."""

from __future__ import annotations

import json
from typing import Any

from planner.render.inert import json_text
from planner.reports import Report


def render_json(reports: list[Report]) -> str:
    items: list[Any] = []
    for report in reports:
        if report.data is None:  # its data is in another report's (titip: every shop in the first)
            continue
        if isinstance(report.data, list):
            items.extend(report.data)
        else:
            items.append(report.data)
    # one product is an object; a report whose data is a list (compare, whatif) stays a list
    listed = any(isinstance(report.data, list) for report in reports)
    payload = items[0] if len(items) == 1 and not listed else items
    return json_text(json.dumps(payload, ensure_ascii=False, indent=2)) + "\n"
