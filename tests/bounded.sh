#!/bin/bash
# Bounded work for every input: globs, configuration and --rules files, the
# checks, nesting and memory. Each case runs under a time limit and (outside
# sanitizer builds) an address-space limit, and must end with a clear message.
# Environment: CJL (the binary), TESTDATA (the testdata folder).
set -u
. "$(dirname "$0")/lib.sh"
valid=$TESTDATA/valid/export-revisions-to-s3.json
rules=${SRCDIR:-$(dirname "$0")/..}/rules
cp "$valid" "$tmp/good.json"

# run SECONDS ARGS...: the linter in $tmp under the limits; output in $tmp/out,
# exit status in $rc.
run() {
	local seconds=$1
	shift
	(ulimit -v "$vlimit"; cd "$tmp" && timeout "$seconds" "$CJL" --color never "$@") \
		> "$tmp/out" 2>&1
	rc=$?
}
CHECK_SHOW=$tmp/out

# --- Globs: linear in pattern times path, safe for every pattern. ---------------
mkdir -p "$tmp/g"
cp "$valid" "$tmp/g/[.json"
cp "$valid" "$tmp/g/[x].json"
printf 'exclude: ["[.json", "["]\n' > "$tmp/g/.createjob-lint.yaml"
run 10 g
check "an unclosed [ in a glob is a literal [" \
	'[ $rc -eq 0 ] && grep -q "^1 file checked" "$tmp/out"'
name=$(printf 'a%.0s' $(seq 40))
mkdir -p "$tmp/h"
cp "$valid" "$tmp/h/$name.json"
printf 'exclude: ["**a**a**a**a**a**a**a**a**b", "*a*a*a*a*a*a*a*a*a*a*a*a*b"]\n' \
	> "$tmp/h/.createjob-lint.yaml"
run 10 h
check "a pattern of many stars against a 40-letter path ends at once" \
	'[ $rc -eq 0 ] && grep -q "1 file checked" "$tmp/out"'
printf 'exclude: ["**/x.json"]\n' > "$tmp/h/.createjob-lint.yaml"
mkdir -p "$tmp/h/h"
cp "$valid" "$tmp/h/h/ax.json"
cp "$valid" "$tmp/h/x.json"
run 10 h
check "two stars and a slash match whole segments (x.json, not ax.json)" \
	'[ $rc -eq 0 ] && grep -q "2 files checked" "$tmp/out"'

# --- Configuration and --rules files: the limits of a request. -------------------
mkdir -p "$tmp/c"
cp "$valid" "$tmp/c/job.json"
{
	printf 'exclude: &x ['
	for i in $(seq 3000); do printf '"p%d",' "$i"; done
	printf '"end"]\nsuppressions:\n'
	for i in $(seq 20000); do printf ' - {files: *x, rules: [CJ205], reason: r}\n'; done
} > "$tmp/c/.createjob-lint.yaml"
run 20 c
check "a configuration of aliases stops at the node limit, with its position" \
	'[ $rc -eq 2 ] && grep -q "createjob-lint.yaml:[0-9]*:[0-9]*: aliases expand the file past 1000000 values" "$tmp/out"'

# A 1 MiB configuration of 100,000 keys in one mapping, the last a repeat of the
# first: the duplicate-key check is one pass with a hash map, not a pairwise one.
mkdir -p "$tmp/k"
cp "$valid" "$tmp/k/job.json"
awk 'BEGIN { for (i = 0; i < 100000; i++) printf "k%05x: 0\n", i; print "k00000: 1" }' \
	> "$tmp/k/.createjob-lint.yaml"
run 20 k
check "a configuration of 100,000 keys finds its repeated key in time" \
	'[ $rc -eq 2 ] && grep -q "createjob-lint.yaml:100001:1: k00000 is given twice in one mapping (first on line 1)" "$tmp/out"'

# Misspelt references by the thousand in 64 KiB folded KeyPatterns, sixteen of
# them: each reference is placed on its bytes or the value kept whole, without
# reading or copying the whole value once per reference.
mkdir -p "$tmp/kp"
awk 'BEGIN {
	print "Type: EXPORT_REVISIONS_TO_S3\nDetails:\n  ExportRevisionsToS3:"
	print "    DataSetId: 5d0d886cd3903a50d9f011b68837158d\n    RevisionDestinations:"
	for (d = 0; d < 16; d++) {
		print "      - Bucket: subscriber-landing-zone-123"
		print "        RevisionId: 27c2c0c55f7b4eaeffb56298806e550b"
		printf "        KeyPattern: >-\n          a\n          ${Asset.Name}"
		for (i = 0; i < 4600; i++) printf "/${Revison.Id}"
		print ""
	}
}' > "$tmp/kp/job.yaml"
run 20 --max-findings 100000 kp/job.yaml
check "16 KeyPatterns of 4,600 misspelt references each are checked in time" \
	'[ $rc -eq 1 ] && grep -q "73617 errors" "$tmp/out"'

# copy_rules DIR: a copy of the rules folder to edit.
copy_rules() {
	rm -rf "$1"
	mkdir -p "$1"
	cp "$rules/catalog.yaml" "$rules/shape.yaml" "$1/"
}
copy_rules "$tmp/r1"
{
	printf '  Big: {type: string, enum: &big ['
	for i in $(seq 5000); do printf '"v%d",' "$i"; done
	printf '"end"]}\n'
	for i in $(seq 20000); do printf '  S%d: {type: string, enum: *big}\n' "$i"; done
} > "$tmp/bomb"
sed -e "/^shapes:/r $tmp/bomb" "$rules/shape.yaml" > "$tmp/r1/shape.yaml"
run 20 --rules r1 good.json
check "a --rules shape file of aliases stops at the node limit" \
	'[ $rc -eq 2 ] && grep -q "shape.yaml:[0-9]*:[0-9]*: aliases expand the file past" "$tmp/out"'
copy_rules "$tmp/r2"
head -c 1100000 /dev/zero | tr '\0' '#' >> "$tmp/r2/catalog.yaml"
run 20 --rules r2 good.json
check "a --rules file over 1 MiB is refused, named" \
	'[ $rc -eq 2 ] && grep -q "r2/catalog.yaml: file is larger than the limit of 1048576 bytes" "$tmp/out"'
copy_rules "$tmp/r3"
sed -i 's/^shapes:/shapes:\n  [a, b]: {type: string}/' "$tmp/r3/shape.yaml"
run 20 --rules r3 good.json
list_line=$(($(grep -n '^shapes:' "$tmp/r3/shape.yaml" | cut -d: -f1) + 1))
check "a --rules shape named by a list is a located error, not a crash" \
	'[ $rc -eq 2 ] && grep -q "r3/shape.yaml:$list_line:3: a key must be a string, not a list" "$tmp/out"'
copy_rules "$tmp/r4"
sed -i 's/^    members:/    members:\n      {x: 1}: {shape: __string}/' "$tmp/r4/shape.yaml"
run 20 --rules r4 good.json
check "a --rules member named by a mapping is a located error" \
	'[ $rc -eq 2 ] && grep -q "r4/shape.yaml:[0-9]*:7: a key must be a string, not a mapping" "$tmp/out"'

copy_rules "$tmp/r6"
python3 - "$tmp/r6/shape.yaml" "$tmp/wide.json" <<'EOF'
import sys
n = 30000
shape = open(sys.argv[1]).read()
members = ", ".join("m%d: {shape: s}" % i for i in range(n))
required = ", ".join("m%d" % i for i in range(n))
shape = shape.replace("root: CreateJobRequest", "root: Wide").replace(
    "shapes:\n", "shapes:\n  s: {type: string}\n  Wide: {type: structure, members: {%s}, required: [%s]}\n"
    % (members, required), 1)
open(sys.argv[1], "w").write(shape)
open(sys.argv[2], "w").write("{" + ", ".join('"m%d": "x"' % i for i in range(1, n)) + "}\n")
EOF
run 10 --rules r6 wide.json
check "a --rules structure of 30,000 required members against a mapping of 30,000 keys" \
	'[ $rc -eq 1 ] && grep -q "^wide.json:1:1: error: .*m0.*\[CJ101\]" "$tmp/out" && grep -q "1 file checked" "$tmp/out"'

# --- Nesting: no recursion on the C stack grows with the input. -----------------
python3 -c 'print("{\"Type\": " + "[" * 90000 + "]" * 90000 + "}")' > "$tmp/deep.json"
(ulimit -s 1024; ulimit -v "$vlimit"; cd "$tmp" &&
	timeout 20 "$CJL" --color never --max-depth 100000 deep.json good.json) > "$tmp/out" 2>&1
rc=$?
check "90,000 nested JSON lists with --max-depth 100000 and a 1 MiB stack" \
	'[ $rc -eq 1 ] && grep -q "^deep.json:1:10: error: Type must be a string, not a list" "$tmp/out" && grep -q "2 files checked" "$tmp/out"'
copy_rules "$tmp/r5"
sed -i -e 's/^root: CreateJobRequest/root: DeepRoot/' \
	-e 's/^shapes:/shapes:\n  DeepRoot: {type: structure, members: {X: {shape: Deep}}}\n  Deep: {type: list, member: Deep}/' \
	"$tmp/r5/shape.yaml"
python3 -c 'print("{\"X\": " + "[" * 50000 + "]" * 50000 + "}")' > "$tmp/deep-list.json"
(ulimit -s 1024; ulimit -v "$vlimit"; cd "$tmp" &&
	timeout 20 "$CJL" --color never --rules r5 --max-depth 100000 deep-list.json) > "$tmp/out" 2>&1
rc=$?
check "a --rules shape that contains itself stops the walk at 300 levels" \
	'grep -q "^deep-list.json:1:306: error: the document nests deeper than 300 levels" "$tmp/out" && grep -q "1 file checked" "$tmp/out"'

# --- Checks: linear (or n log n) in their input. ----------------------------------
python3 - "$tmp/dests.json" <<'EOF'
import sys
entries = ",\n".join('{"Bucket": "b%d", "KeyPattern": "${Asset.Name}", "RevisionId": "%032x"}' % (i % 59999, i)
                      for i in range(60000))
open(sys.argv[1], "w").write('{"Type": "EXPORT_REVISIONS_TO_S3", "Details": {"ExportRevisionsToS3": '
    '{"DataSetId": "f1f916b2c1444183bd6cefacb494035f", "RevisionDestinations": [' + entries + ']}}}\n')
EOF
# A job exports one revision: the pairs are compared (CJ213, CJ220) only under a
# shape that lets one job take several.
copy_rules "$tmp/r6"
awk '/^  ListOfRevisionDestinationEntry:/ { list = 1 } list && /^    quota/ { next } /^$/ { list = 0 } { print }' \
	"$rules/shape.yaml" > "$tmp/r6/shape.yaml"
run 10 --rules r6 dests.json good.json
check "60,000 revision destinations, the last to the bucket of the first" \
	'[ $rc -eq 1 ] && grep -q "^dests.json:60000:.*\[CJ220\]" "$tmp/out" && grep -q "2 files checked" "$tmp/out"'
run 10 dests.json good.json
check "60,000 revision destinations under the built-in shape: CJ214 alone" \
	'[ $rc -eq 1 ] && grep -q "\[CJ214\]" "$tmp/out" && ! grep -q "CJ2[12][03]" "$tmp/out"'
python3 - "$tmp/merge.yaml" <<'EOF'
import sys
keys = ", ".join("k%d: 1" % i for i in range(1500))
aliases = ", ".join(["*a"] * 1500)
open(sys.argv[1], "w").write("Type: IMPORT_ASSETS_FROM_S3\nx: &a {%s}\ny: {<<: [%s]}\n" % (keys, aliases))
EOF
run 10 merge.yaml good.json
check "one mapping merging one large mapping 1500 times" \
	'[ $rc -eq 1 ] && grep -q "^merge.yaml:2:1: error: .*\[CJ102\]" "$tmp/out" && ! grep -q CJ007 "$tmp/out"'
python3 - "$tmp/fanin.yaml" <<'EOF'
import sys
anchors = "\n".join("  - &a%d {%s}" % (i, ", ".join("k%d: 1" % j for j in range(100))) for i in range(100))
aliases = ", ".join("*a%d" % i for i in range(100))
merges = "\n".join("  - {<<: [%s]}" % aliases for _ in range(1000))
open(sys.argv[1], "w").write("Type: IMPORT_ASSETS_FROM_S3\nl:\n%s\nm:\n%s\n" % (anchors, merges))
EOF
run 10 fanin.yaml good.json
check "1000 mappings each merging 100 mappings of the same keys: bounded by the node limit" \
	'grep -q "^fanin.yaml:[0-9]*:[0-9]*: error: YAML aliases expand this document past 1000000 values.*\[CJ007\]" "$tmp/out" && grep -q "2 files checked" "$tmp/out"'
python3 - "$tmp/longline.json" <<'EOF'
import sys
head = ('{"Type": "IMPORT_ASSETS_FROM_S3", "Details": {"ImportAssetsFromS3": {"DataSetId": '
        '"f1f916b2c1444183bd6cefacb494035f", "RevisionId": "5f574463ae23a31400d6f7d8043d9b64", "AssetSources": [')
findings = ", ".join(['{"Bucket": "Bad_Bucket", "Key": "k"}'] * 1000)
open(sys.argv[1], "w").write(head + " " * 8000000 + findings + "]}}}\n")
EOF
for format in text json sarif github junit; do
	run 10 --format "$format" longline.json good.json
	sed -i 's/     */ /g' "$tmp/out" # the 8 MB of padding, where a format shows it
	check "1000 findings far into one 8 MB line ($format)" \
		'[ $rc -eq 1 ] && grep -q "800[0-9][0-9][0-9][0-9]" "$tmp/out"'
done

# --- Memory: a file too large for memory fails alone. -----------------------------
if ! $sanitized; then
	truncate -s 4G "$tmp/huge.json"
	(ulimit -v 1048576; cd "$tmp" && timeout 20 "$CJL" --color never --max-size 5000000000 \
		huge.json good.json) > "$tmp/out" 2>&1
	rc=$?
	rm -f "$tmp/huge.json"
	check "a 4 GiB file under a 1 GiB limit: not enough memory, and the run goes on" \
		'[ $rc -eq 2 ] && grep -q "huge.json: not enough memory (4294967298 bytes)" "$tmp/out" && grep -q "2 files checked.*1 could not be read" "$tmp/out"'
fi
finish bounded
