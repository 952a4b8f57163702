"""Write planner/data/locales.json from the Babel installed now (run after upgrading Babel).

python scripts/make_locale_tables.py
"""

import json

from planner.locales import TABLES, make

TABLES.write_text(json.dumps(make(), ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")
print(f"wrote {TABLES}")
