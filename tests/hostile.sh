#!/bin/bash
# Inputs written to break parsers: each gives a clear finding or error naming the
# file, within bounded time (timeout) and memory (ulimit -v), and every other file
# of the same run is still linted.
# Environment: CJL (the binary), TESTDATA (the testdata folder).
set -u
. "$(dirname "$0")/lib.sh"
valid=$TESTDATA/valid/export-revisions-to-s3.json
cp "$valid" "$tmp/good.json"

# hostile NAME FILE EXPECTED-REGEX: lints FILE with a valid file after it, in at
# most 20 s and 1 GiB of address space (ASan needs more and is not limited); the
# summary must count both files, so the valid one was linted too.
hostile() {
	local name=$1 file=$2 want=$3 rc
	(ulimit -v "$vlimit"; cd "$tmp" && timeout 20 "$CJL" --color never -j 2 "$file" good.json) \
		> "$tmp/out" 2>&1
	rc=$?
	if [ "$rc" -le 2 ] && grep -qE "$want" "$tmp/out" &&
	   grep -q "^2 files checked: " "$tmp/out" && ! grep -q "good.json:" "$tmp/out"; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
		echo "FAIL: $name (exit $rc)"
		head -c 600 "$tmp/out" | sed 's/^/    /'
		echo
	fi
}

: > "$tmp/empty.json"
hostile "empty file" empty.json '^empty.json:1:1: error: the file holds no document.*\[CJ003\]'
printf ' \n\n  ' > "$tmp/blank.yaml"
hostile "white space only" blank.yaml '^blank.yaml:1:1: error: .*\[CJ003\]'
printf ' \n\t\r\n  ' > "$tmp/blank.json"
hostile "white space only (JSON)" blank.json '^blank.json:1:1: error: .*\[CJ003\]'
printf '\357\273\277' > "$tmp/bom.json"
hostile "byte-order mark only" bom.json '^bom.json:1:1: error: .*byte-order mark.*\[CJ002\]'
printf '{"Type": "\377\376"}' > "$tmp/latin.json"
hostile "invalid UTF-8" latin.json '^latin.json:1:11: error: byte 0xFF is not valid UTF-8.*\[CJ002\]'
printf '{"Type":\000 "X"}' > "$tmp/nul.json"
hostile "NUL byte in JSON" nul.json '^nul.json:1:9: error: unexpected byte 0x00.*\[CJ001\]'
printf 'Type: X\000\n' > "$tmp/nul.yaml"
hostile "NUL byte in YAML" nul.yaml '^nul.yaml:1:8: error: YAML syntax error.*\[CJ001\]'
head -c 200000 /dev/zero | tr '\0' '[' > "$tmp/brackets.json"
hostile "200,000 nested [" brackets.json '^brackets.json:1:257: error: the document nests deeper than 256 levels.*\[CJ007\]'
yes '{"a":' | head -n 200000 | tr -d '\n' > "$tmp/objects.json"
hostile "200,000 nested {\"a\":" objects.json '^objects.json:1:1281: error: .*nests deeper than 256.*\[CJ007\]'
head -c 200000 /dev/zero | tr '\0' '[' > "$tmp/brackets.yaml"
hostile "200,000 nested [ in YAML" brackets.yaml '^brackets.yaml:1:257: error: .*nests deeper than 256.*\[CJ007\]'
{
	echo 'Type: IMPORT_ASSETS_FROM_S3'
	echo 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]'
	prev=a
	for l in b c d e f g h i; do
		printf '%s: &%s [' "$l" "$l"
		for _ in 1 2 3 4 5 6 7 8 9; do printf '*%s,' "$prev"; done
		printf '*%s]\n' "$prev"
		prev=$l
	done
	echo 'Details: {ImportAssetsFromS3: {DataSetId: 6c1f2e0d8a3b4c5d9e7f0a1b2c3d4e5f, RevisionId: 1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d, AssetSources: *i}}'
} > "$tmp/laughs.yaml"
hostile "billion laughs" laughs.yaml '^laughs.yaml:.*\[CJ10[23]\]'
python3 - "$tmp" <<'PY'
import json, sys
d = json.load(open(sys.argv[1] + "/good.json"))
# A 64 MiB request: one very long KeyPattern on a single line.
d["Details"]["ExportRevisionsToS3"]["RevisionDestinations"][0]["KeyPattern"] = "${Asset.Id}/" + "x" * (64 * 1024 * 1024 - 800)
open(sys.argv[1] + "/huge.json", "w").write(json.dumps(d))
d["Details"]["ExportRevisionsToS3"]["RevisionDestinations"][0]["KeyPattern"] = "${Asset.Id}/" + "x" * (5 * 1000 * 1000)
open(sys.argv[1] + "/line.json", "w").write(json.dumps(d))
PY
ls -l "$tmp/huge.json" | awk '{ exit !($5 <= 67108864) }' || echo "note: huge.json is over 64 MiB"
hostile "a 64 MiB file" huge.json '^huge.json:1:[0-9]+: error: .*KeyPattern is [0-9]+ bytes before its references.*\[CJ207\]'
hostile "a 5 MB line" line.json '^line.json:1:[0-9]+: error: .*KeyPattern is 50000[0-9]+ bytes.*\[CJ207\]'
printf '{"Type": "\\ud800", "Details": {}}' > "$tmp/surrogate.json"
hostile "lone surrogate escape" surrogate.json '^surrogate.json:1:10: error: Type holds a lone surrogate.*\[CJ012\]'
printf '{"Type": 1e999999, "Details": {}}' > "$tmp/inf.json"
hostile "1e999999" inf.json '^inf.json:1:10: error: Type is 1e999999, which the AWS CLI reads as a number.*\[CJ010\]'
for _ in $(seq 1 1000); do printf -- '---\nType: X\n'; done > "$tmp/docs.yaml"
hostile "1,000 YAML documents" docs.yaml '^docs.yaml:3:1: error: a second YAML document starts here.*\[CJ006\]'
head -c 70000000 /dev/zero | tr '\0' ' ' > "$tmp/over.json"
hostile "a file over the 64 MiB limit" over.json 'over.json: file is larger than the limit of 67108864 bytes'

# A file that vanishes between listing and reading: the walk lists the folder
# first, then lints a.json (64 MiB, slow enough) while b.json is removed.
mkdir "$tmp/vanish"
cp "$tmp/huge.json" "$tmp/vanish/a.json"
cp "$valid" "$tmp/vanish/b.json"
cp "$valid" "$tmp/vanish/c.json"
(sleep 0.2; rm -f "$tmp/vanish/b.json") &
(cd "$tmp" && timeout 60 "$CJL" --color never -j 1 vanish) > "$tmp/out" 2> "$tmp/err"
rc=$?
wait
check "a file that vanished after the listing is reported with its reason (exit $rc)" \
	'[ "$rc" -eq 2 ] && grep -q "vanish/b.json: No such file or directory" "$tmp/err"'
check "and the files after it are still linted" \
	'grep -q "^3 files checked: 1 error, 0 warnings, 0 infos; 1 could not be read$" "$tmp/out"'

# Regression inputs from the fuzzers: each answered within 10 s and 128 MB.
for f in "$TESTDATA"/hostile/*.json "$TESTDATA"/hostile/*.yaml; do
	[ -f "$f" ] || continue
	name=${f##*/}
	echo 0 > "$tmp/rss"
	if [ -x /usr/bin/time ] && ! $sanitized; then
		(ulimit -v "$vlimit"; timeout 10 /usr/bin/time -f '%M' -o "$tmp/rss" \
			"$CJL" --color never "$f") > "$tmp/out" 2>&1
	else
		(ulimit -v "$vlimit"; timeout 10 "$CJL" --color never "$f") > "$tmp/out" 2>&1
	fi
	rc=$?
	check "fuzzer reproducer $name is answered in time (exit $rc)" \
		'[ "$rc" -le 2 ] && grep -q "file checked" "$tmp/out"'
	check "fuzzer reproducer $name prints no control character" \
		'! LC_ALL=C grep -q "[$(printf "\001-\010\013-\037\177")]" "$tmp/out"'
	check "fuzzer reproducer $name stays under 128 MB ($(tail -n 1 "$tmp/rss") KB)" \
		'[ "$(tail -n 1 "$tmp/rss")" -lt 131072 ]'
done

finish hostile
