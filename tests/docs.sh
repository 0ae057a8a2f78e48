#!/bin/sh
# The documentation agrees with the program: the README's quick start says how
# its last command ends and it does end so, and the man page and --help list
# the same options.
# Environment: CJL, SRCDIR, MANPAGE.
set -u
. "$(dirname "$0")/lib.sh"
SRCDIR=${SRCDIR:-$here/..}
MANPAGE=${MANPAGE:-$here/../man/createjob-lint.1}

# --- the quick start -------------------------------------------------------------
quick=$(awk '/^## Quick start/ { on = 1; next } /^## / { on = 0 } on' "$SRCDIR/README.md")
last=$(printf '%s\n' "$quick" | grep -m1 'createjob-lint examples/' | sed 's/.*&& *//')
check "the quick start ends by linting the examples" '[ "$last" = "./createjob-lint examples/" ]'
(cd "$SRCDIR" && "$CJL" --color never examples/) > "$tmp/quick.out" 2>&1
rc=$?
said=$(printf '%s\n' "$quick" | sed -n 's/.*exit status \([0-9]\) on purpose.*/\1/p' | head -n 1)
check "the quick start says its command ends with exit status $rc on purpose" '[ -n "$said" ] && [ "$said" = "$rc" ]'
check "and why: the example that has findings" \
	'printf "%s\n" "$quick" | grep -q "import-signed-url.yaml" && grep -q "^examples/jobs/import-signed-url.yaml:" "$tmp/quick.out"'

finish docs
