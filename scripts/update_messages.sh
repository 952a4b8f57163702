#!/usr/bin/env sh
# Bring the Indonesian catalogue up to date with the sentences the code marks
# (CONTRIBUTING.md, "Messages"): extract them, merge them into the .po (new ones
# come untranslated, gone ones go), then compile the .mo that ships.
#
#     sh scripts/update_messages.sh          # then translate the empty msgstr "" in the .po
#     sh scripts/update_messages.sh compile  # after translating: write planner.mo
set -eu
cd "$(dirname "$0")/.."
if [ "${1:-}" != "compile" ]; then
    pot="$(mktemp)"
    pybabel extract -F babel.cfg -k p_:1c,2 -k n_:1,2 --no-location --sort-output --no-wrap \
        --project planner -o "$pot" .
    pybabel update -i "$pot" -d planner/locale -D planner --no-wrap --no-fuzzy-matching --ignore-obsolete
    rm -f "$pot"
fi
pybabel compile -d planner/locale -D planner
