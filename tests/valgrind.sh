#!/bin/sh
# valgrind memcheck over the whole testdata/ corpus, every report format and both
# the sequential and the threaded driver: no error and no leak. Run by
# `make valgrind` (and by CI); needs valgrind (apt-get install valgrind).
set -u
. "$(dirname "$0")/lib.sh"
if ! command -v valgrind >/dev/null 2>&1; then
	skip valgrind "valgrind is not installed (apt-get install valgrind)"
fi
memcheck() { # NAME ARGS...
	name=$1
	shift
	(cd "$TESTDATA" && valgrind -q --error-exitcode=99 --leak-check=full \
		--errors-for-leak-kinds=definite,indirect,possible \
		--show-leak-kinds=definite,indirect,possible "$CJL" "$@") > "$tmp/out" 2> "$tmp/err"
	rc=$?
	# valgrind's own reports are the lines that start with ==PID==.
	if [ "$rc" -ne 99 ] && ! grep -q '^==' "$tmp/err"; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
		echo "FAIL: $name (exit $rc)"
		head -n 60 "$tmp/err"
	fi
}
memcheck "corpus, all formats, -j 1" -j 1 --all-files --color never -f text \
	-f json="$tmp/r.json" -f sarif="$tmp/r.sarif" -f github="$tmp/r.gh" -f junit="$tmp/r.xml" \
	cases valid
memcheck "corpus, -j 2" -j 2 --all-files cases valid
memcheck "a missing file and standard input" -j 2 no-such-file.json - < "$TESTDATA/valid/export-revisions-to-s3.json"
memcheck "rules and catalog commands" --list-rules
memcheck "explain" --explain CJ205
memcheck "man rules" --man-rules
mkdir -p "$tmp/repo/.git"
printf 'rules: {CJ206: off}\noverrides:\n  - files: ["**"]\n    rules: {CJ205: warning}\nsuppressions:\n  - files: ["*.json"]\n    rules: [CJ205]\n' > "$tmp/repo/.createjob-lint.yaml"
cp "$TESTDATA"/cases/cj205-*.json "$TESTDATA"/cases/cj206-*.yaml "$tmp/repo/"
memcheck "configuration and suppressions" --print-config "$tmp/repo/x.json"
memcheck "configuration applied" -j 2 "$tmp/repo"
printf 'rules: {CJ999: off}\n' > "$tmp/bad.yaml"
memcheck "bad configuration" --config "$tmp/bad.yaml" valid
# --print-request: a request with ApiKey, merges, JSON and YAML duplicates, typed
# values, an alias bomb stopped at the limit, a file that does not load.
for f in "$TESTDATA"/valid/import-asset-from-api-gateway-api.yaml \
	"$TESTDATA"/cases/cj005-near-miss-yaml-merge-override.yaml \
	"$TESTDATA"/cases/cj005-json-duplicate-type.json "$TESTDATA"/cases/cj005-yaml-duplicate-datasetid.yaml \
	"$TESTDATA"/cases/cj004-*.yaml "$TESTDATA"/cases/cj007-yaml-alias-bomb.yaml \
	"$TESTDATA"/cases/cj001-json-trailing-comma-object.json; do
	[ -f "$f" ] && memcheck "--print-request ${f#"$TESTDATA"/}" --print-request "$f"
done
# Fix mode: every fix case and every golden case fixed in place (safe and unsafe
# fixes, several passes), the unified diff, and a fix through standard input.
mkdir "$tmp/fix"
cp "$TESTDATA"/fix/*.in.* "$TESTDATA"/cases/*.json "$TESTDATA"/cases/*.yaml "$tmp/fix/"
memcheck "--diff over the fix cases and the corpus" -j 1 --all-files --diff --unsafe-fixes "$tmp/fix"
memcheck "--fix --unsafe-fixes over the fix cases and the corpus" -j 2 --all-files --fix --unsafe-fixes "$tmp/fix"
memcheck "--fix of standard input" --fix --stdin-filename job.json - < "$TESTDATA/fix/cj005-duplicate.in.json"
finish valgrind
