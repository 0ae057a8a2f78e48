#!/bin/sh
# Fixing: the golden fix cases of testdata/fix (NAME.in.EXT, fixed by --fix into
# NAME.out.EXT and by --fix --unsafe-fixes into NAME.unsafe.out.EXT, or NAME.out.EXT
# when the unsafe fixes change nothing more), --diff, and the command line of
# --fix, --unsafe-fixes and --diff.
# Environment: CJL (the binary), TESTDATA (the testdata folder); needs jq; patch
# is optional.
set -u
. "$(dirname "$0")/lib.sh"
command -v jq >/dev/null 2>&1 || skip fix "jq is not installed (apt-get install jq)"
TESTDATA=$(cd "$TESTDATA" && pwd)

# fix_case IN EXPECTED OPTIONS...: the file fixed in place equals EXPECTED, a second
# run changes nothing, and --diff shows exactly that change.
fix_case() {
	in=$1 want=$2
	shift 2
	name=$(basename "$in")
	ext=${name##*.}
	work="$tmp/work.$ext"
	cp "$in" "$work"
	"$CJL" "$@" "$work" > "$tmp/out" 2>&1
	check "$name $*: the fixed file is $(basename "$want")" 'cmp -s "$work" "$want"'
	cp "$work" "$tmp/again.$ext"
	"$CJL" "$@" "$tmp/again.$ext" > /dev/null 2>&1
	check "$name $*: a second run changes nothing" 'cmp -s "$tmp/again.$ext" "$want"'
	cp "$in" "$work"
	(cd "$tmp" && "$CJL" "$@" --diff "work.$ext") > "$tmp/diff" 2> "$tmp/err"; rc=$?
	check "$name $*: --diff writes nothing" 'cmp -s "$work" "$in"'
	if cmp -s "$in" "$want"; then
		check "$name $*: --diff exits 0 and prints nothing" '[ "$rc" -eq 0 ] && [ ! -s "$tmp/diff" ]'
	else
		check "$name $*: --diff exits 1" '[ "$rc" -eq 1 ]'
		if command -v patch >/dev/null 2>&1; then
			(cd "$tmp" && patch -s -p1 < "$tmp/diff" > /dev/null 2>&1)
			check "$name $*: the diff applied by patch gives the fixed file" \
				'cmp -s "$tmp/work.$ext" "$want"'
		fi
	fi
}

ncases=0
for in in "$TESTDATA"/fix/*.in.*; do
	[ -f "$in" ] || continue
	ncases=$((ncases + 1))
	out=$(echo "$in" | sed 's/\.in\./.out./')
	unsafe=$(echo "$in" | sed 's/\.in\./.unsafe.out./')
	[ -f "$unsafe" ] || unsafe=$out
	check "$(basename "$in") has its $(basename "$out")" '[ -f "$out" ]'
	[ -f "$out" ] || continue
	fix_case "$in" "$out" --fix
	fix_case "$in" "$unsafe" --fix --unsafe-fixes
done
check "there are fix cases" '[ "$ncases" -gt 0 ]'

# The command line.
bom=$TESTDATA/fix/cj002-bom-crlf-no-final-newline.in.json
"$CJL" --unsafe-fixes "$bom" > /dev/null 2> "$tmp/err"; rc=$?
check "--unsafe-fixes alone is a usage error" '[ "$rc" -eq 2 ] && grep -q "unsafe-fixes" "$tmp/err"'

cp "$bom" "$tmp/mode.json"
chmod 640 "$tmp/mode.json"
"$CJL" --fix "$tmp/mode.json" > "$tmp/out" 2>&1; rc=$?
check "--fix exits 0 when nothing remains" '[ "$rc" -eq 0 ]'
check "--fix keeps the file's mode" '[ "$(stat -c %a "$tmp/mode.json")" = 640 ]'
check "--fix leaves no temporary file" '[ "$(ls "$tmp" | grep -c "mode.json")" -eq 1 ]'
check "the report counts the fix" 'grep -q "1 fixed" "$tmp/out"'

"$CJL" --fix - < "$bom" > "$tmp/stdout" 2> "$tmp/err"; rc=$?
check "--fix of standard input prints the fixed document only" \
	'cmp -s "$tmp/stdout" "$TESTDATA/fix/cj002-bom-crlf-no-final-newline.out.json"'
check "and exits 0 when nothing remains" '[ "$rc" -eq 0 ]'

# Standard input that a configuration excludes (or that is no request) still comes
# out whole: an editor piping its buffer through --fix must never get it emptied.
mkdir -p "$tmp/proj/.git"
printf 'exclude: ["vendor/**"]\n' > "$tmp/proj/.createjob-lint.yaml"
(cd "$tmp/proj" && "$CJL" --fix --stdin-filename vendor/job.json - < "$bom" > "$tmp/stdout" 2> "$tmp/err"); rc=$?
check "--fix of excluded standard input prints it unchanged" 'cmp -s "$tmp/stdout" "$bom"'
check "and exits 0" '[ "$rc" -eq 0 ]'
printf 'name: not a request\n' > "$tmp/other.yaml"
"$CJL" --fix --only-requests - < "$tmp/other.yaml" > "$tmp/stdout" 2> "$tmp/err"
check "--fix of standard input that is no request prints it unchanged" \
	'cmp -s "$tmp/stdout" "$tmp/other.yaml"'

printf '\357\273\277{"Type": "EXPORT_ASSET_TO_SIGNED_URL", "Details": {}, "Comment": 1' > "$tmp/broken.json"
cp "$tmp/broken.json" "$tmp/broken-copy.json"
"$CJL" --fix --unsafe-fixes "$tmp/broken.json" > "$tmp/out" 2>&1; rc=$?
check "a file with a syntax error is never modified" 'cmp -s "$tmp/broken.json" "$tmp/broken-copy.json"'
check "and its findings are still reported (exit 1)" '[ "$rc" -eq 1 ] && grep -q CJ001 "$tmp/out"'
check "and no fix is offered for it" '! grep -q "fixable" "$tmp/out"'

remaining=$TESTDATA/cases/cj101-json-missing-md5hash.json
cp "$TESTDATA/fix/cj302-unused-suppression.in.yaml" "$tmp/remain.yaml"
printf '    Comment: x\n' >> "$tmp/remain.yaml"
"$CJL" --fix "$tmp/remain.yaml" > "$tmp/out" 2>&1; rc=$?
check "after fixing, what remains is reported and sets the exit status" \
	'[ "$rc" -eq 1 ] && grep -q "CJ102" "$tmp/out" && ! grep -q "CJ302" "$tmp/out"'

cp "$bom" "$tmp/unchanged.json"
"$CJL" --diff -f json "$tmp/unchanged.json" > "$tmp/diff" 2>&1; rc=$?
check "--diff prints the diff, not the report" \
	'grep -q "^--- a/" "$tmp/diff" && ! grep -q "\"diagnostics\"" "$tmp/diff"'
check "--diff never writes the file" 'cmp -s "$tmp/unchanged.json" "$bom"'
"$CJL" --diff "$remaining" > "$tmp/diff" 2>&1; rc=$?
check "--diff exits 0 when no fix applies, whatever remains" '[ "$rc" -eq 0 ] && [ ! -s "$tmp/diff" ]'

# Where a rule's fix is listed.
"$CJL" --list-rules -f json > "$tmp/rules.json"
check "--list-rules -f json says each rule's fix" \
	'jq -e "(map(.fix) | all(IN(\"safe\", \"unsafe\", \"none\"))) and (map(select(.id == \"CJ203\"))[0].fix == \"safe\") and (map(select(.id == \"CJ212\"))[0].fix == \"unsafe\")" "$tmp/rules.json" >/dev/null'
"$CJL" --list-rules > "$tmp/rules.txt"
check "--list-rules has a fix column" 'grep -q "^CJ203  error    safe   md5-base64" "$tmp/rules.txt"'
"$CJL" --explain CJ205 > "$tmp/explain.txt"
check "--explain says the fix" 'grep -q "^Fix: unsafe (applied by --fix --unsafe-fixes)" "$tmp/explain.txt"'
"$CJL" --man-rules > "$tmp/man.txt"
check "the man page's rules say the fix" 'grep -q "^Fix: safe (applied by \\\\-\\\\-fix)" "$tmp/man.txt"'

# The JSON report's fix member, on a file with a safe and an unsafe fix.
"$CJL" -f json "$TESTDATA/fix/cj104-enum.in.json" "$TESTDATA/fix/cj102-rename.in.json" > "$tmp/report.json"
check "a safe fix in the JSON report: edits by offset, line and column" \
	'jq -e ".files[0].diagnostics[0].fix | .safe == true and (.edits == [{\"offset\": 303, \"endOffset\": 311, \"line\": 6, \"column\": 27, \"endLine\": 6, \"endColumn\": 35, \"replacement\": \"\\\"AES256\\\"\"}])" "$tmp/report.json" >/dev/null'
check "an unsafe fix is marked so, and counted apart" \
	'jq -e "(.files[1].diagnostics[0].fix.safe == false) and .summary.fixable == 1 and .summary.unsafeFixable == 1" "$tmp/report.json" >/dev/null'

finish fix
