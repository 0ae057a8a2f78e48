#!/bin/sh
# The SARIF report of the whole testdata/ corpus (and of an unreadable file):
#  - every level is one of SARIF's (none, note, warning, error), and infos are
#    written as "note", one result per finding of the JSON report (jq);
#  - it validates against the SARIF 2.1.0 JSON schema that the validator's npm
#    package ships (sarif-2.1.0.json), with Python's jsonschema module;
#  - Microsoft's SARIF validator (npm package @microsoft/sarif-multitool), with its
#    default rules and with GitHub's ingestion rules (--rule-kind Gh), reports no
#    error and no warning (it does not apply the JSON schema itself).
# The validator is found through SARIF_MULTITOOL (the Sarif.Multitool binary), or in
# node_modules under SARIF_NPM_PREFIX. Without it, or without jq or jsonschema,
# those checks are skipped visibly, and fail in CI (CI=true), where .ci/run
# installs them.
set -u
. "$(dirname "$0")/lib.sh"
tool=${SARIF_MULTITOOL:-}
if [ -z "$tool" ] && [ -n "${SARIF_NPM_PREFIX:-}" ]; then
	tool=$SARIF_NPM_PREFIX/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool
fi
command -v jq >/dev/null 2>&1 || skip sarif "jq is not installed (apt-get install jq)"

cd "$TESTDATA" || exit 1
"$CJL" -f sarif="$tmp/corpus.sarif" -f json="$tmp/corpus.json" cases valid
"$CJL" -f sarif="$tmp/unreadable.sarif" valid/no-such-file.json 2>/dev/null

# --- levels (jq) -------------------------------------------------------------------

check "the corpus has error, warning and info findings to write" \
	'jq -e ".summary.errors > 0 and .summary.infos > 0" "$tmp/corpus.json" >/dev/null'
for f in corpus unreadable; do
	check "$f.sarif: every level is none, note, warning or error" \
		'[ "$(jq "[.. | objects | .level? // empty | select(. != \"none\" and . != \"note\" and . != \"warning\" and . != \"error\")] | length" "$tmp/$f.sarif")" -eq 0 ]'
done
check "one result per finding, infos as note, warnings as warning, errors as error" \
	'[ "$(jq "[.runs[0].results[] | select(.level == \"note\")] | length" "$tmp/corpus.sarif")" -eq "$(jq .summary.infos "$tmp/corpus.json")" ] &&
	 [ "$(jq "[.runs[0].results[] | select(.level == \"warning\")] | length" "$tmp/corpus.sarif")" -eq "$(jq .summary.warnings "$tmp/corpus.json")" ] &&
	 [ "$(jq "[.runs[0].results[] | select(.level == \"error\")] | length" "$tmp/corpus.sarif")" -eq "$(jq .summary.errors "$tmp/corpus.json")" ]'
check "a result per fix of the JSON report carries fixes, insertions and deletions among them" \
	'[ "$(jq "[.runs[0].results[] | select(.fixes)] | length" "$tmp/corpus.sarif")" -eq "$(jq "[.files[].diagnostics[] | select(.fix)] | length" "$tmp/corpus.json")" ] &&
	 jq -e "[.runs[0].results[].fixes[]?.artifactChanges[].replacements[] | .insertedContent.text == \"\"] | any and (all|not)" "$tmp/corpus.sarif" >/dev/null'
check "each rule says whether it has a fix" \
	'jq -e "[.runs[0].tool.driver.rules[].properties.fix | IN(\"safe\", \"unsafe\", \"none\")] | all" "$tmp/corpus.sarif" >/dev/null'
check "an info rule's default level is note" \
	'jq -e "[.runs[0].tool.driver.rules[] | select(.id == \"CJ222\") | .defaultConfiguration.level] == [\"note\"]" "$tmp/corpus.sarif" >/dev/null'

# Paths: relative to the working folder only below it (a folder that merely starts
# with its name is elsewhere).
mkdir -p "$tmp/repo" "$tmp/repo2"
cp cases/cj203-hex-md5.json "$tmp/repo/a.json"
cp cases/cj203-hex-md5.json "$tmp/repo2/b.json"
(cd "$tmp/repo" && "$CJL" -f sarif="$tmp/paths.sarif" a.json "$tmp/repo/a.json" "$tmp/repo2/b.json")
check "a path under the working folder is relative to %SRCROOT%, one under a sibling is a file:// URI" \
	'[ "$(jq -r "[.runs[0].results[].locations[0].physicalLocation.artifactLocation | \"\(.uri) \(.uriBaseId // \"-\")\"] | join(\",\")" "$tmp/paths.sarif")" = "a.json %SRCROOT%,a.json %SRCROOT%,file://$tmp/repo2/b.json -" ]'

# --- the SARIF 2.1.0 JSON schema ------------------------------------------------------

schema=
[ -n "$tool" ] && schema=$(dirname "$tool")/sarif-2.1.0.json
python=
for cand in python3 /usr/bin/python3; do
	if command -v "$cand" >/dev/null 2>&1 && "$cand" -c 'import jsonschema' 2>/dev/null; then
		python=$cand
		break
	fi
done
if [ -z "$schema" ] || [ ! -f "$schema" ]; then
	missing "the SARIF 2.1.0 schema (sarif-2.1.0.json of @microsoft/sarif-multitool) was not found: no schema validation"
elif [ -z "$python" ]; then
	missing "python3 jsonschema is not installed (apt-get install python3-jsonschema): no schema validation"
else
	cat > "$tmp/schema.py" <<'PY'
import json, sys
import jsonschema
schema = json.load(open(sys.argv[1]))
validator = jsonschema.validators.validator_for(schema)(schema)
bad = 0
for path in sys.argv[2:]:
    for e in validator.iter_errors(json.load(open(path))):
        bad += 1
        print('%s: %s: %s' % (path, e.json_path, e.message[:200]))
sys.exit(1 if bad else 0)
PY
	for f in corpus unreadable paths; do
		check "$f.sarif validates against the SARIF 2.1.0 JSON schema" \
			'"$python" "$tmp/schema.py" "$schema" "$tmp/$f.sarif" > "$tmp/schema.log" 2>&1 || { head -n 20 "$tmp/schema.log"; false; }'
	done
fi

# --- Microsoft's SARIF validator ---------------------------------------------------

if [ -z "$tool" ] || [ ! -x "$tool" ]; then
	missing "SARIF validator not found; install it with
      npm install --prefix DIR @microsoft/sarif-multitool && chmod +x DIR/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool
      and set SARIF_NPM_PREFIX=DIR"
	finish sarif
	exit
fi
for f in corpus unreadable; do
	for kind in default Gh; do
		if [ "$kind" = Gh ]; then
			"$tool" validate --rule-kind Gh --level "Error;Warning" "$tmp/$f.sarif" > "$tmp/log" 2>&1
		else
			"$tool" validate --level "Error;Warning" "$tmp/$f.sarif" > "$tmp/log" 2>&1
		fi
		rc=$?
		if [ "$rc" -eq 0 ] && ! grep -qE ': (error|warning) ' "$tmp/log" &&
		   grep -q 'Analysis completed successfully' "$tmp/log"; then
			pass=$((pass + 1))
		else
			fail=$((fail + 1))
			echo "FAIL: $f.sarif with rules $kind"
			cat "$tmp/log"
		fi
	done
done
finish sarif
