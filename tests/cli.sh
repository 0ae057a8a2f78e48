#!/bin/sh
# The command line as users meet it: inputs, exit statuses, colour, levels,
# skipping files that are not job requests, and standard input.
# Environment: CJL (the binary), TESTDATA (the testdata folder).
set -u
. "$(dirname "$0")/lib.sh"
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
(cd "$tmp" && "$CJL" --color never -j 1 repo && "$CJL" --color never -j 2 repo) > "$tmp/out1" 2>&1
check "the walk order is stable" '[ "$(sed -n 1p "$tmp/out1")" = "repo/b/job.json:7:18: error: Details.ImportAssetFromSignedUrl.Md5Hash is a hex MD5 digest; the service wants its base64 form, sZRqySSS0jR8YjW00mERhA== [CJ203]" ]'
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

# Levels.
"$CJL" --fail-on warning "$valid" > /dev/null 2>&1; rc=$?
check "--fail-on warning on a clean file exits 0" '[ "$rc" -eq 0 ]'
"$CJL" --list-rules > "$tmp/out"; rc=$?
check "--list-rules lists the catalog" '[ "$rc" -eq 0 ] && grep -q "^CJ201  error    type-details-mismatch" "$tmp/out"'
"$CJL" --explain CJ999 > /dev/null 2>&1; rc=$?
check "--explain of an unknown rule is a usage error" '[ "$rc" -eq 2 ]'

finish cli
