#!/bin/sh
# Every mutant in tests/mutants still finds its code in src/ exactly once, so that a
# refactor cannot quietly turn the mutation run into a list of skipped mutants.
# (The mutation run itself builds the tree once per mutant and is not part of
# make check; see tests/mutate.)
# Environment: SRCDIR.
set -u
. "$(dirname "$0")/lib.sh"
SRCDIR=${SRCDIR:-$here/..}

command -v python3 >/dev/null || skip mutant-sites "python3 is missing"
python3 "$SRCDIR"/tests/mutate --check-sites > "$tmp"/sites 2>&1
status=$?
check "every mutant's site is found in src/ exactly once" \
	'[ $status -eq 0 ] || { grep -v " ok$" "$tmp"/sites; false; }'
check "the list of mutants was read (more than 50 sites checked)" \
	'[ "$(grep -c " ok$" "$tmp"/sites)" -gt 50 ]'

finish mutant-sites
