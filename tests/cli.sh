#!/bin/sh
# The command line as users meet it: inputs, exit statuses, colour, levels,
# skipping files that are not job requests, and standard input.
# Environment: CJL (the binary), TESTDATA (the testdata folder), SRCDIR; needs jq.
set -u
. "$(dirname "$0")/lib.sh"
SRCDIR=${SRCDIR:-$here/..}
command -v jq >/dev/null 2>&1 || skip cli "jq is not installed (apt-get install jq)"
valid=$TESTDATA/valid/export-revisions-to-s3.json
bad=$TESTDATA/cases/cj203-hex-md5.json

"$CJL" "$valid" > "$tmp/out" 2>&1; rc=$?
check "a clean file exits 0" '[ "$rc" -eq 0 ]'
"$CJL" "$bad" > "$tmp/out" 2>&1; rc=$?
check "a file with an error exits 1" '[ "$rc" -eq 1 ]'
"$CJL" "$tmp/missing.json" "$bad" > "$tmp/out" 2> "$tmp/err"; rc=$?
check "an unreadable input exits 2" '[ "$rc" -eq 2 ]'
check "and names the file and the reason on stderr" 'grep -q "missing.json: No such file or directory" "$tmp/err"'
check "and the other files are still linted" 'grep -q "cj203-hex-md5.json:7:18: error" "$tmp/out"'
"$CJL" --no-such-option "$valid" > /dev/null 2> "$tmp/err"; rc=$?
check "an unknown option is a usage error" '[ "$rc" -eq 2 ] && grep -q "unknown option" "$tmp/err"'
"$CJL" > /dev/null 2> "$tmp/err"; rc=$?
check "no input is a usage error" '[ "$rc" -eq 2 ] && grep -q "no input" "$tmp/err"'
"$CJL" --fail-on nonsense "$valid" > /dev/null 2>&1; rc=$?
check "a bad --fail-on level is a usage error" '[ "$rc" -eq 2 ]'

# --color
"$CJL" --color always "$bad" > "$tmp/out" 2>&1
check "--color always colours" 'grep -q "$(printf "\033")\[" "$tmp/out"'
"$CJL" --color never "$bad" > "$tmp/out" 2>&1
check "--color never does not" '! grep -q "$(printf "\033")" "$tmp/out"'
NO_COLOR=1 "$CJL" "$bad" > "$tmp/out" 2>&1
check "auto never colours a pipe, NO_COLOR or not" '! grep -q "$(printf "\033")" "$tmp/out"'

# Directories: stable order, request files only unless --all-files.
mkdir -p "$tmp/repo/b" "$tmp/repo/a" "$tmp/repo/.git" "$tmp/repo/x.json"
cp "$bad" "$tmp/repo/b/job.json"
cp "$valid" "$tmp/repo/a/job.json"
cp "$bad" "$tmp/repo/.git/ignored.json"
printf '{"name": "web", "version": "1.0.0"}\n' > "$tmp/repo/package.json"
printf 'services:\n  web: {image: nginx}\n---\nmore: 1\n' > "$tmp/repo/compose.yaml"
printf 'not a request' > "$tmp/repo/notes.txt"
mkfifo "$tmp/repo/fifo.json" 2>/dev/null
(cd "$tmp" && "$CJL" --color never repo) > "$tmp/out" 2>&1; rc=$?
check "a directory walk finds the request files" 'grep -q "^repo/b/job.json:7:18: error" "$tmp/out" && [ "$rc" -eq 1 ]'
check "skips what is not a job request, and counts it" 'grep -q "^2 files checked: 1 error, 0 warnings, 0 infos; 2 skipped (not job requests); 1 skipped (not regular files)$" "$tmp/out"'
check "does not enter .git, nor read FIFOs or a folder named x.json" '! grep -q "ignored.json\|fifo.json\|x.json" "$tmp/out"'
(cd "$tmp" && "$CJL" --color never --all-files repo) > "$tmp/out" 2>&1
check "--all-files lints every file found" 'grep -q "^repo/package.json:1:1: error" "$tmp/out" && grep -q "^4 files checked" "$tmp/out"'
# Walk order: files and folders made in an order that is neither sorted nor
# reversed, each with a finding; the report lists them sorted by name (bytewise),
# the same with one thread and with several.
mkdir "$tmp/order"
for name in m k-x z b B y a_ c d0 d1 _e; do
	mkdir -p "$tmp/order/$name"
	cp "$bad" "$tmp/order/$name/job.json"
	cp "$bad" "$tmp/order/$name.json"
done
(cd "$tmp" && "$CJL" --color never -j 1 order) > "$tmp/order1" 2>&1
(cd "$tmp" && "$CJL" --color never -j 2 order) > "$tmp/order2" 2>&1
(cd "$tmp" && "$CJL" --color never -j 3 order) > "$tmp/order3" 2>&1
sed -n 's/:7:18: error: .*\[CJ203\]$//p' "$tmp/order1" > "$tmp/order.got"
# Entries sorted bytewise, a folder's files at its place among its siblings.
LC_ALL=C ls "$tmp/order" | while read -r name; do
	if [ -d "$tmp/order/$name" ]; then echo "order/$name/job.json"; else echo "order/$name"; fi
done > "$tmp/order.want"
check "the walk lists each folder's entries sorted by name" \
	'[ "$(wc -l < "$tmp/order.want")" -eq 22 ] && diff -u "$tmp/order.want" "$tmp/order.got"'
check "the walk order is the same with 1, 2 and 3 threads" \
	'cmp -s "$tmp/order1" "$tmp/order2" && cmp -s "$tmp/order1" "$tmp/order3"'
# A walked file is a job request when Type or Details is at its top, and .yml is
# walked like .yaml.
mkdir "$tmp/partial"
printf '{"Type": "EXPORT_ASSET_TO_SIGNED_URL"}\n' > "$tmp/partial/type-only.json"
printf 'Details:\n  ExportAssetToSignedUrl: {}\n' > "$tmp/partial/details-only.yml"
printf '{"Kind": "EXPORT_ASSET_TO_SIGNED_URL"}\n' > "$tmp/partial/neither.json"
(cd "$tmp" && "$CJL" --color never partial) > "$tmp/out" 2>&1; rc=$?
check "a walked file with only Type is linted (Details missing)" \
	'[ "$rc" -eq 1 ] && grep -q "^partial/type-only.json:1:1: error: .*Details.*\[CJ101\]$" "$tmp/out"'
check "a walked .yml file with only Details is linted" 'grep -q "^partial/details-only.yml:1:1: error: .*Type.*\[CJ101\]$" "$tmp/out"'
check "a walked file with neither is skipped" \
	'! grep -q "^partial/neither.json" "$tmp/out" && grep -q "^2 files checked: .*; 1 skipped (not job requests)$" "$tmp/out"'
"$CJL" --color never "$tmp/repo/package.json" > "$tmp/out" 2>&1; rc=$?
check "a file named on the command line is always linted" '[ "$rc" -eq 1 ] && grep -q "missing the required member" "$tmp/out"'
"$CJL" --only-requests "$tmp/repo/package.json" > "$tmp/out" 2>&1; rc=$?
check "--only-requests skips it" '[ "$rc" -eq 0 ] && grep -q "1 skipped" "$tmp/out"'
"$CJL" "$tmp/repo/fifo.json" > /dev/null 2> "$tmp/err"; rc=$?
check "a FIFO named on the command line is refused" '[ "$rc" -eq 2 ] && grep -q "not a regular file" "$tmp/err"'
"$CJL" "$tmp/repo/x.json/" > "$tmp/out" 2> "$tmp/err"; rc=$?
check "a directory named x.json is walked, not read" '[ "$rc" -eq 0 ]'
ln -s .. "$tmp/repo/a/loop"
(cd "$tmp" && timeout 10 "$CJL" --color never repo) > "$tmp/out" 2>&1; rc=$?
check "a symbolic link loop ends the descent, as an error naming the link" \
	'[ "$rc" -eq 2 ] && grep -q "^createjob-lint: repo/a/loop: symbolic link loop" "$tmp/out" && grep -q "^3 files checked.*; 1 could not be read" "$tmp/out"'
rm "$tmp/repo/a/loop"

mkdir -p "$tmp/chain/d0"
for i in $(seq 1 24); do
	mkdir "$tmp/chain/d$i"
	ln -s "../d$i" "$tmp/chain/d$((i - 1))/a"
	ln -s "../d$i" "$tmp/chain/d$((i - 1))/b"
done
cp "$valid" "$tmp/chain/d24/job.json"
timeout 10 "$CJL" --color never "$tmp/chain" > "$tmp/out" 2>&1; rc=$?
check "links that make the tree a graph do not repeat the walk (2^24 paths, one file)" \
	'[ "$rc" -eq 0 ] && grep -q "^1 file checked" "$tmp/out"'

# Standard input.
"$CJL" --color never - < "$bad" > "$tmp/out" 2>&1; rc=$?
check "- reads standard input" '[ "$rc" -eq 1 ] && grep -q "^-:7:18: error" "$tmp/out"'
"$CJL" --color never --stdin-filename jobs/import.json - < "$bad" > "$tmp/out" 2>&1
check "--stdin-filename names it" 'grep -q "^jobs/import.json:7:18: error" "$tmp/out"'
printf 'Type: EXPORT_ASSET_TO_SIGNED_URL\nDetails: {}\n' |
	"$CJL" --color never --stdin-filename job.yaml - > "$tmp/out" 2>&1
check "and picks the format from it" 'grep -q "^job.yaml:2:10: error: Details is empty" "$tmp/out"'
printf '{"Type": "EXPORT_ASSET_TO_SIGNED_URL", "Type": "EXPORT_ASSET_TO_SIGNED_URL"}' |
	"$CJL" --color never --input-format yaml - > "$tmp/out" 2>&1
check "--input-format overrides the guess (JSON text read as YAML)" 'grep -q "refuses a YAML file with duplicate keys" "$tmp/out"'

# --max-size: a file or standard input of exactly the limit is read, one byte more
# is refused.
size=$(wc -c < "$bad")
"$CJL" --color never --max-size "$size" "$bad" > "$tmp/out" 2> "$tmp/err"; rc=$?
check "a file of exactly --max-size bytes is linted" '[ "$rc" -eq 1 ] && grep -q ":7:18: error" "$tmp/out"'
"$CJL" --color never --max-size $((size - 1)) "$bad" > "$tmp/out" 2> "$tmp/err"; rc=$?
check "a file one byte over --max-size is refused" \
	'[ "$rc" -eq 2 ] && grep -q "cj203-hex-md5.json: file is larger than the limit of $((size - 1)) bytes" "$tmp/err"'
cat "$bad" | "$CJL" --color never --max-size "$size" - > "$tmp/out" 2> "$tmp/err"; rc=$?
check "standard input of exactly --max-size bytes is linted" '[ "$rc" -eq 1 ] && grep -q "^-:7:18: error" "$tmp/out"'
cat "$bad" | "$CJL" --color never --max-size $((size - 1)) - > "$tmp/out" 2> "$tmp/err"; rc=$?
check "standard input one byte over --max-size is refused" \
	'[ "$rc" -eq 2 ] && grep -q "input is larger than the limit of $((size - 1)) bytes" "$tmp/err"'

# --max-findings N: N findings are kept, and a CJ007 says the rest were dropped.
several=$SRCDIR/examples/jobs/import-signed-url.yaml
# kept N: the findings kept with --max-findings N, then "+CJ007" when it was added.
kept() {
	"$CJL" --max-findings "$1" -f json "$several" |
		jq -r '[.files[0].diagnostics[].rule] | "\(map(select(. != "CJ007")) | length)\(if index("CJ007") then "+CJ007" else "" end)"'
}
check "the example for --max-findings has 4 findings" '[ "$(kept 100)" = 4 ]'
check "--max-findings 4 keeps all 4, with no CJ007" '[ "$(kept 4)" = 4 ]'
check "--max-findings 3 keeps 3 and says the rest were dropped" '[ "$(kept 3)" = 3+CJ007 ]'
check "--max-findings 1 keeps 1" '[ "$(kept 1)" = 1+CJ007 ]'

# Format names are whole words.
"$CJL" -f js "$valid" > /dev/null 2> "$tmp/err"; rc=$?
check "-f js is not taken for json" '[ "$rc" -eq 2 ] && grep -q "js" "$tmp/err"'

# On a terminal, a run too short for the progress line prints no closing time line.
if command -v script >/dev/null 2>&1; then
	script -qec "'$CJL' --color never '$valid'" /dev/null > "$tmp/out" 2>&1
	check "a short run on a terminal prints its summary and no progress or timing line" \
		'grep -q "1 file checked" "$tmp/out" && ! grep -q "createjob-lint: 1 file in" "$tmp/out"'
else
	missing "script (util-linux) is not installed: the terminal check is not run"
fi

# Levels.
"$CJL" --fail-on warning "$valid" > /dev/null 2>&1; rc=$?
check "--fail-on warning on a clean file exits 0" '[ "$rc" -eq 0 ]'
"$CJL" --list-rules > "$tmp/out"; rc=$?
check "--list-rules lists the catalog" '[ "$rc" -eq 0 ] && grep -q "^CJ201  error    unsafe type-details-mismatch" "$tmp/out"'
"$CJL" --explain CJ999 > /dev/null 2>&1; rc=$?
check "--explain of an unknown rule is a usage error" '[ "$rc" -eq 2 ]'

# Two revision destinations: over the quota of one per job (CJ214), so no pair
# of them is compared; with a --rules shape that lets one job take several, the
# same file gives CJ220 (the later destination in the same bucket) instead.
pair=$TESTDATA/cases/cj214-yaml-same-bucket-default-pattern-no-cj220.yaml
mkdir "$tmp/more-revisions"
cp "$SRCDIR/rules/catalog.yaml" "$tmp/more-revisions/"
awk '/^  ListOfRevisionDestinationEntry:/ { list = 1 } list && /^    quota/ { next } /^$/ { list = 0 } { print }' \
	"$SRCDIR/rules/shape.yaml" > "$tmp/more-revisions/shape.yaml"
rules_of() { "$CJL" -f json "$@" | jq -r '[.files[0].diagnostics[] | "\(.rule)@\(.line):\(.column)"] | join(" ")'; }
check "two revision destinations are CJ214 alone" '[ "$(rules_of "$pair")" = "CJ214@6:7" ]'
check "with room for several revisions per job they are CJ220" \
	'[ "$(rules_of --rules "$tmp/more-revisions" "$pair")" = "CJ220@8:9" ]'

finish cli
