#!/bin/sh
# The JSON report of the whole testdata/ corpus parses, has the documented shape,
# and agrees finding by finding with the text report.
# Environment: CJL (the binary), TESTDATA (the testdata folder). Needs jq.
set -u
. "$(dirname "$0")/lib.sh"
if ! command -v jq >/dev/null 2>&1; then
	skip formats "jq is not installed (apt-get install jq)"
fi

cd "$TESTDATA" || exit 1
"$CJL" --color never -f text="$tmp/out.txt" -f json="$tmp/out.json" cases valid
status=$?
check "exit status 1 on the corpus" '[ "$status" -eq 1 ]'
check "JSON report parses" 'jq empty "$tmp/out.json"'
check "tool, files and summary members" \
	'jq -e ".tool.name == \"createjob-lint\" and (.tool.version|type) == \"string\" and (.files|type) == \"array\" and (.summary|keys) == [\"errors\",\"files\",\"fixable\",\"fixed\",\"infos\",\"skipped\",\"unsafeFixable\",\"warnings\"]" "$tmp/out.json" >/dev/null'
check "every diagnostic has the documented members and types" \
	'jq -e "[.files[].diagnostics[] | (.rule|test(\"^CJ[0-9]{3}$\")) and (.severity|IN(\"error\",\"warning\",\"info\")) and (.message|type==\"string\") and (.pointer|type==\"string\") and ([.line,.column,.endLine,.endColumn,.offset,.endOffset]|all(type==\"number\" and . >= 0)) and (.line >= 1) and (.column >= 1) and (.endOffset >= .offset)] | all" "$tmp/out.json" >/dev/null'
check "every fix has the documented members and types" \
	'jq -e "[.files[].diagnostics[] | select(has(\"fix\")) | .fix | (.safe|type==\"boolean\") and (.description|type==\"string\") and (.edits|length > 0) and (.edits|all(([.offset,.endOffset,.line,.column,.endLine,.endColumn]|all(type==\"number\" and . >= 0)) and .endOffset >= .offset and (.replacement|type==\"string\")))] | (length > 0) and all" "$tmp/out.json" >/dev/null'
check "summary counts the fixable findings" \
	'jq -e "(.summary.fixable == ([.files[].diagnostics[]|select(.fix.safe == true)]|length)) and (.summary.unsafeFixable == ([.files[].diagnostics[]|select(.fix.safe == false)]|length))" "$tmp/out.json" >/dev/null'
check "every file has a path and a format" \
	'jq -e "[.files[] | (.path|type==\"string\") and (.format|IN(\"json\",\"yaml\"))] | all" "$tmp/out.json" >/dev/null'
check "findings ordered by position within each file" \
	'jq -e "[.files[] | [.diagnostics[].offset] | . == sort] | all" "$tmp/out.json" >/dev/null'
check "summary counts agree with the diagnostics" \
	'jq -e "(.summary.errors == ([.files[].diagnostics[]|select(.severity==\"error\")]|length)) and (.summary.files == (.files|length))" "$tmp/out.json" >/dev/null'
jq -r '.files[] | .path as $p | .diagnostics[] | "\($p):\(.line):\(.column): \(.severity): \(.message) \(if .fix.safe then "[*] " else "" end)[\(.rule)]"' \
	"$tmp/out.json" > "$tmp/from-json.txt"
grep -E '^[^ ].*:[0-9]+:[0-9]+: (error|warning|info): ' "$tmp/out.txt" > "$tmp/from-text.txt"
check "JSON and text agree finding by finding" 'diff -u "$tmp/from-text.txt" "$tmp/from-json.txt"'
check "the corpus has findings to compare" '[ -s "$tmp/from-json.txt" ]'
# Suggestions: the base64 form of the hex MD5 b1946ac9... (the digest of "hello\n"),
# and the member a misspelt name meant.
check "a CJ203 finding suggests the base64 digest" \
	'jq -e "[.files[] | select(.path == \"cases/cj203-hex-md5.json\") | .diagnostics[] | .suggestion] == [\"sZRqySSS0jR8YjW00mERhA==\"]" "$tmp/out.json" >/dev/null'
check "suggestions are strings, and CJ102 findings have them" \
	'jq -e "([.files[].diagnostics[] | select(has(\"suggestion\")) | .suggestion | type == \"string\"] | all) and ([.files[].diagnostics[] | select(.rule == \"CJ102\" and has(\"suggestion\"))] | length > 0)" "$tmp/out.json" >/dev/null'

# -j N: the reports do not depend on the number of threads.
for j in 1 2 7; do
	"$CJL" -j "$j" --color never -f text="$tmp/j$j.txt" -f json="$tmp/j$j.json" \
		-f sarif="$tmp/j$j.sarif" cases valid
done
for ext in txt json sarif; do
	check "-j 2 and -j 7 write the same $ext report as -j 1" \
		'cmp -s "$tmp/j1.$ext" "$tmp/j2.$ext" && cmp -s "$tmp/j1.$ext" "$tmp/j7.$ext"'
done
check "text written to a file equals text on standard output" \
	'"$CJL" --color never cases valid > "$tmp/stdout.txt"; cmp -s "$tmp/stdout.txt" "$tmp/j1.txt"'
check "-o writes the single report to a file" \
	'"$CJL" -f json -o "$tmp/o.json" cases valid > "$tmp/o.stdout"; cmp -s "$tmp/o.json" "$tmp/j1.json" && [ ! -s "$tmp/o.stdout" ]'

# Reports are written atomically: a report that cannot be completed leaves neither
# the report nor a temporary file behind, and exits 2.
mkdir "$tmp/atomic"
( ulimit -f 8; trap "" XFSZ; exec "$CJL" -f sarif="$tmp/atomic/big.sarif" cases valid ) 2> "$tmp/atomic.err"
rc=$?
check "a report larger than the file size limit fails with exit 2" '[ "$rc" -eq 2 ]'
check "and says why, naming the file" 'grep -q "big.sarif: cannot write" "$tmp/atomic.err"'
check "and leaves no report and no temporary file" '[ -z "$(ls -A "$tmp/atomic")" ]'
"$CJL" -f json="$tmp/no/such/dir/r.json" valid 2> "$tmp/nodir.err"
rc=$?
check "a report in a missing folder is a usage error (exit 2)" '[ "$rc" -eq 2 ] && grep -q "r.json" "$tmp/nodir.err"'

# The API key in the CJ301 cases is never printed, in any format.
key=fakeKEY0123456789abcdefghijklmnopqrstu
check "the corpus holds the key, so the next check means something" 'grep -rqs "$key" cases'
for f in text json sarif; do
	"$CJL" --color never -f "$f" cases valid > "$tmp/secret.$f" 2>&1
	check "no $f output shows the API key" '! grep -q "$key" "$tmp/secret.$f"'
done
"$CJL" --color always cases > "$tmp/secret.color" 2>&1
check "nor coloured text" '! grep -q "$key" "$tmp/secret.color"'

finish formats
