#!/bin/sh
# The headers of src/ form no include cycle, and neither do the modules (x.c with
# x.h and a private x_impl.h, depending on every header those include), so that
# each layer can be read, tested and reused without the ones above it.
# Environment: SRCDIR (the source tree).
set -u
. "$(dirname "$0")/lib.sh"
SRCDIR=${SRCDIR:-$here/..}

# edges FILES...: "from to" for each #include "to.h" of a file in src/ (by base
# name without _impl, so x.c, x.h and x_impl.h are one node when all are given).
edges() {
	for f in "$@"; do
		from=$(basename "$f" | sed 's/\.[ch]$//; s/_impl$//')
		sed -n 's/^[[:space:]]*#[[:space:]]*include[[:space:]]*"\([^"]*\)\.h".*/\1/p' "$f" |
			while read -r to; do
				[ -f "$SRCDIR/src/$to.h" ] || continue
				to=${to%_impl}
				[ "$to" != "$from" ] && echo "$from $to"
			done
	done
}

# cycle: reads "from to" lines; prints one cycle and fails when there is one
# (depth-first search, in awk for portability).
cycle() {
	awk '{ n[$1]++; adj[$1, n[$1]] = $2; node[$1] = 1; node[$2] = 1 }
	function visit(v,   i, w, p) {
		state[v] = 1; stack[++top] = v
		for (i = 1; i <= n[v]; i++) {
			w = adj[v, i]
			if (state[w] == 1) {
				p = w
				for (j = top; j >= 1 && stack[j] != w; j--) p = stack[j] " -> " p
				print w " -> " p
				return 1
			}
			if (!state[w] && visit(w)) return 1
		}
		state[v] = 2; top--
		return 0
	}
	END { for (v in node) if (!state[v] && visit(v)) exit 1 }'
}

edges "$SRCDIR"/src/*.h > "$tmp"/headers
check "the header files of src/ include one another without a cycle" \
	'cycle < "$tmp"/headers > "$tmp"/cycle || { cat "$tmp"/cycle; false; }'
check "the graph is not empty (the parser read the includes)" '[ -s "$tmp"/headers ]'
edges "$SRCDIR"/src/*.h "$SRCDIR"/src/*.c > "$tmp"/modules
check "the modules of src/ depend on one another without a cycle" \
	'cycle < "$tmp"/modules > "$tmp"/cycle || { cat "$tmp"/cycle; false; }'
# The cycle this layout broke, kept as a known case for the checker itself.
printf 'catalog rulesfile\nrulesfile load\nload diag\ndiag catalog\n' > "$tmp"/known
check "the checker finds a cycle when there is one" '! cycle < "$tmp"/known > /dev/null'

# The semantic checks see the walk only through checks.h (report, enter a child,
# ask about job types): none reaches into the engine or the walk's state.
check "no semantic check includes the engine or the schema walk" \
	'! grep -l "#include \"\(walk\|engine\)\.h\"" "$SRCDIR"/src/check_*.c'
check "no semantic check names the walk's state" \
	'! grep -n "struct schema_walk\|w->" "$SRCDIR"/src/check_*.c'

finish includes
