#!/bin/sh
# The rule catalog is the one source: every rule id the code can emit is in it,
# every rule in it is fired by at least one case in testdata/cases, and the man
# page's RULES section is exactly what the catalog produces.
# Environment: CJL, TESTDATA, SRCDIR (the source tree), MANPAGE (the built page).
set -u
. "$(dirname "$0")/lib.sh"
SRCDIR=${SRCDIR:-$here/..}
MANPAGE=${MANPAGE:-$here/../man/createjob-lint.1}
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $1"; }

catalog=$("$CJL" --list-rules | awk '/^CJ[0-9]/ { print $1 }')
[ -n "$catalog" ] && ok || bad "--list-rules printed no rule"

emitted=$(grep -ohE '"CJ[0-9]{3}"' "$SRCDIR"/src/*.c | tr -d '"' | sort -u)
for id in $emitted; do
	if printf '%s\n' "$catalog" | grep -qx "$id"; then ok; else bad "$id is emitted by src/ but not in the catalog"; fi
done

fired=$(cat "$TESTDATA"/cases/*.intent | awk '{ print $1 }' | sort -u)
# A rule whose example gives another rule `instead` under the built-in shape
# (CJ220: a job exports one revision) shows only with a --rules shape, which
# tests/cli.sh and the unit tests give it.
rules_shape_only=$(awk '/^  - id:/ { id = $3 } /^      instead:/ { print id }' "$SRCDIR/rules/catalog.yaml")
for id in $catalog; do
	if printf '%s\n' "$fired" $rules_shape_only | grep -qx "$id"; then ok; else bad "$id is fired by no case in testdata/cases"; fi
	if "$CJL" --explain "$id" | head -n 1 | grep -q "^$id "; then ok; else bad "--explain $id"; fi
done

if [ -f "$MANPAGE" ]; then
	section=$(sed -n '/^\.SH RULES$/,/^\.SH /p' "$MANPAGE" | sed '$d')
	if [ "$section" = "$("$CJL" --man-rules)" ]; then ok; else bad "the man page's RULES section differs from the catalog"; fi
	for id in $catalog; do
		if printf '%s\n' "$section" | grep -q "^\.SS $id "; then ok; else bad "$id is missing from the man page"; fi
	done
else
	bad "man page $MANPAGE was not built"
fi

# --rules DIR: a copy of rules/ gives the same results; a broken copy is refused
# with the file, line and column of the fault.
cp "$SRCDIR"/rules/catalog.yaml "$SRCDIR"/rules/shape.yaml "$tmp"/
a=$(cd "$TESTDATA" && "$CJL" --color never cases 2>&1)
b=$(cd "$TESTDATA" && "$CJL" --color never --rules "$tmp" cases 2>&1)
[ "$a" = "$b" ] && ok || bad "--rules with a copy of rules/ changes the results"
sed -i 's/^    type: structure$/    type: structur/' "$tmp"/shape.yaml
out=$("$CJL" --rules "$tmp" "$TESTDATA"/valid 2>&1)
rc=$?
[ "$rc" -eq 2 ] && ok || bad "--rules with a broken shape.yaml exits $rc, not 2"
printf '%s\n' "$out" | grep -qE "shape\.yaml:[0-9]+:[0-9]+: unknown shape type structur" && ok ||
	bad "--rules with a broken shape.yaml: no located message ($out)"

# A negative bound: refused at its place.
cp "$SRCDIR"/rules/shape.yaml "$tmp"/
line=$(grep -n '^    min: 1$' "$tmp"/shape.yaml | head -n 1 | cut -d: -f1)
sed -i "${line}s/min: 1/min: -1/" "$tmp"/shape.yaml
out=$("$CJL" --rules "$tmp" "$TESTDATA"/valid 2>&1)
rc=$?
[ "$rc" -eq 2 ] && printf '%s\n' "$out" | grep -q "shape\.yaml:$line:10: min must be a non-negative integer" && ok ||
	bad "--rules with min: -1 in shape.yaml on line $line: exit $rc ($out)"

# Man page text from the catalog: a line starting with . or ' would be a roff
# request; it is guarded with \&.
cp "$SRCDIR"/rules/catalog.yaml "$SRCDIR"/rules/shape.yaml "$tmp"/
sed -i "s/^    summary: The file is not valid JSON or YAML.\$/    summary: \"'Quoted' summary.\"/" "$tmp"/catalog.yaml
sed -i "0,/^      The AWS CLI parses --cli-input-json/s//      .dotted The AWS CLI parses --cli-input-json/" "$tmp"/catalog.yaml
out=$("$CJL" --rules "$tmp" --man-rules 2>&1)
printf '%s\n' "$out" | grep -qx "\\\\&'Quoted' summary." && ok ||
	bad "a man page line starting with a quote is not guarded"
printf '%s\n' "$out" | grep -q "^\\\\&\.dotted The AWS CLI" && ok ||
	bad "a man page line starting with a dot is not guarded"

finish catalog
