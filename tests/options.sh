#!/bin/sh
# Command-line and configuration behaviour: rule names wherever an id goes,
# did-you-mean for misspelled options, config keys and rule ids, broken configs
# reported once, --exclude, --statistics, --quiet and --list-rules -f json.
# Environment: CJL, TESTDATA.
set -u
. "$(dirname "$0")/lib.sh"
cd "$tmp" || exit 1

# A request with findings of CJ203 (md5-base64), CJ205 (bucket-name) and CJ102.
cat > job.yaml <<'YAML'
Type: IMPORT_ASSET_FROM_SIGNED_URL
Details:
  ImportAssetFromSignedUrl:
    AssetName: prices.csv
    DataSetId: 6c1f2e0d8a3b4c5d9e7f0a1b2c3d4e5f
    Md5Hash: b1946ac92492d2347c6235b4d2611184
    RevisionId: 1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d
    Extra: 1
YAML
rules_of() { "$CJL" -f json "$@" 2>/dev/null | jq -r '[.files[].diagnostics[].rule] | unique | join(" ")'; }
check "the request has CJ102 and CJ203 findings" '[ "$(rules_of job.yaml)" = "CJ102 CJ203" ]'

# --- rule names wherever an id goes -----------------------------------------------
"$CJL" --explain CJ203 > explain.id
"$CJL" --explain md5-base64 > explain.name
check "--explain takes a rule name" '[ -s explain.id ] && cmp -s explain.id explain.name'
check "--disable takes a rule name" '[ "$(rules_of --disable md5-base64 job.yaml)" = CJ102 ]'
check "--disable takes names and ids mixed" '[ "$(rules_of --disable md5-base64,CJ102 job.yaml)" = "" ]'
check "--severity takes a rule name" \
	'"$CJL" -f json --severity unknown-member=warning job.yaml | jq -e "[.files[].diagnostics[] | select(.rule == \"CJ102\")][0].severity == \"warning\"" >/dev/null'
check "--enable takes a rule name" '"$CJL" --enable md5-base64 job.yaml >/dev/null; [ $? -eq 1 ]'
printf 'rules: {md5-base64: off}\n' > names.yaml
check "config rules: take a rule name" '[ "$(rules_of --config names.yaml job.yaml)" = CJ102 ]'
printf 'overrides:\n  - files: ["*.yaml"]\n    rules: {unknown-member: off}\n' > override.yaml
check "config overrides take a rule name" '[ "$(rules_of --config override.yaml job.yaml)" = CJ203 ]'
mkdir sup
printf '{"Type": "IMPORT_ASSET_FROM_SIGNED_URL", "Details": {"ImportAssetFromSignedUrl": {"AssetName": "a.csv", "DataSetId": "6c1f2e0d8a3b4c5d9e7f0a1b2c3d4e5f", "Md5Hash": "b1946ac92492d2347c6235b4d2611184", "RevisionId": "1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d"}}}\n' > sup/job.json
printf 'suppressions:\n  - files: ["job.json"]\n    rules: [md5-base64]\n    pointer: /Details/ImportAssetFromSignedUrl/Md5Hash\n    reason: checked by hand\n' > sup/.createjob-lint.yaml
printf 'rules: {}\n' > empty.yaml
check "config suppressions take a rule name" '[ "$(rules_of sup/job.json)" = "" ] && [ "$(rules_of --config empty.yaml sup/job.json)" = CJ203 ]'
sed 's/^    Md5Hash: .*/&  # createjob-lint: disable=md5-base64 -- checked by hand/' job.yaml > comment.yaml
check "a suppression comment takes a rule name" '[ "$(rules_of comment.yaml)" = CJ102 ]'

# --- did-you-mean -------------------------------------------------------------------
"$CJL" --frmat json job.yaml > /dev/null 2> err
check "an unknown option suggests the known one" '[ $? -eq 2 ] && grep -q "unknown option --frmat; did you mean --format?" err'
"$CJL" --disable md5-base65 job.yaml > /dev/null 2> err
check "an unknown rule name on the command line suggests the known one" 'grep -q "unknown rule md5-base65; did you mean md5-base64?" err'
"$CJL" --explain CJ2O3 > /dev/null 2> err
check "--explain with a misspelled id suggests the id" '[ $? -eq 2 ] && grep -q "did you mean CJ203?" err'
printf 'rule: {CJ205: off}\n' > cfg-key.yaml
"$CJL" --config cfg-key.yaml job.yaml > /dev/null 2> err
check "an unknown config key suggests the known one, with file, line and column" \
	'grep -q "cfg-key.yaml:1:1: unknown key rule in the configuration; did you mean rules?" err'
printf 'rules: {bucket-nme: off}\n' > cfg-rule.yaml
"$CJL" --config cfg-rule.yaml job.yaml > /dev/null 2> err
check "an unknown rule in a config suggests the known one" \
	'grep -q "cfg-rule.yaml:1:9: unknown rule bucket-nme; did you mean bucket-name?" err'
sed 's/^    Md5Hash: .*/&  # createjob-lint: disable=md5-base46 -- checked/' job.yaml > comment-typo.yaml
check "a suppression comment with a misspelled rule suggests the known one" \
	'"$CJL" --color never comment-typo.yaml | grep -q "names md5-base46, which is not a rule; did you mean md5-base64? \[CJ304\]"'

# --- a broken config: one config error, not an unreadable file each ---------------
mkdir -p broken/jobs
git init -q broken 2>/dev/null || mkdir broken/.git
printf 'rules: {CJ205: [}\n' > broken/.createjob-lint.yaml
for i in 1 2 3; do cp job.yaml "broken/jobs/job$i.yaml"; done
(cd broken && "$CJL" --color never -v jobs > ../broken.out 2> ../broken.err)
rc=$?
CHECK_SHOW=broken.err
check "a broken config exits 2" '[ "$rc" -eq 2 ]'
check "and is reported once, as a config error with its file, line and column" \
	'[ "$(wc -l < broken.err)" -eq 1 ] && grep -q "^createjob-lint: config error: .*broken/.createjob-lint.yaml:1:17: " broken.err'
CHECK_SHOW=broken.out
check "its files are not counted as unreadable but listed as held back by it" \
	'! grep -q "could not be read" broken.out && grep -q "3 skipped (their configuration has an error)" broken.out &&
	 [ "$(grep -c ": skipped: its configuration has an error$" broken.out)" -eq 3 ]'
(cd broken && "$CJL" -f junit jobs 2>/dev/null) > broken.xml
check "JUnit shows each held-back file in error, as the exit status says" \
	'[ "$(grep -c "<error type=\"config-error\"" broken.xml)" -eq 3 ]'
(cd broken && "$CJL" -f json jobs 2>/dev/null) > broken.json
check "the JSON report lists them as skipped with the reason" \
	'jq -e "[.skipped[] | select(.reason == \"its configuration has an error\")] | length == 3" broken.json >/dev/null'
CHECK_SHOW=

finish options
