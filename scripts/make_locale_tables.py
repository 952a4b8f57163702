"""Write planner/locale_tables.py from the Babel installed now (run after upgrading Babel).

python scripts/make_locale_tables.py
"""

import pprint

from planner.locales import TABLES, make

HEADER = '''"""Babel's number tables for the usual locales, and every currency's decimals (made by
scripts/make_locale_tables.py: do not edit; planner/locales.py says why they are kept)."""

from typing import Any

TABLES: dict[str, Any] = '''

TABLES.write_text(HEADER + pprint.pformat(make(), width=110, sort_dicts=True) + "\n", encoding="utf-8")
print(f"wrote {TABLES}")
