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

# --- --exclude GLOB ----------------------------------------------------------------
mkdir -p ex/jobs/vendor ex/jobs/legacy
for f in jobs/a.yaml jobs/vendor/b.yaml jobs/legacy/c.yaml jobs/d.yml; do cp job.yaml "ex/$f"; done
linted() { (cd ex && "$CJL" -f json "$@" 2>/dev/null) | jq -r '[.files[].path] | sort | join(" ")'; }
check "--exclude a glob on the whole path" '[ "$(linted --exclude "jobs/*/c.yaml" jobs)" = "jobs/a.yaml jobs/d.yml jobs/vendor/b.yaml" ]'
check "--exclude a folder excludes what is below it" '[ "$(linted --exclude jobs/legacy jobs)" = "jobs/a.yaml jobs/d.yml jobs/vendor/b.yaml" ]'
check "--exclude a name without / matches any segment" '[ "$(linted --exclude vendor jobs)" = "jobs/a.yaml jobs/d.yml jobs/legacy/c.yaml" ]'
check "--exclude *.yml matches base names" '[ "$(linted --exclude "*.yml" jobs)" = "jobs/a.yaml jobs/legacy/c.yaml jobs/vendor/b.yaml" ]'
check "--exclude ** crosses folders" '[ "$(linted --exclude "jobs/**/b.yaml" jobs)" = "jobs/a.yaml jobs/d.yml jobs/legacy/c.yaml" ]'
check "--exclude is repeatable and ./ is ignored on either side" \
	'[ "$(linted --exclude ./jobs/vendor --exclude legacy ./jobs)" = "./jobs/a.yaml ./jobs/d.yml" ]'
(cd ex && "$CJL" --color never -v --exclude vendor jobs) > ex.out
check "excluded files are listed and counted as excluded by --exclude" \
	'grep -q "^jobs/vendor/b.yaml: skipped: excluded by --exclude$" ex.out && grep -q "; 1 excluded by --exclude$" ex.out'
(cd ex && "$CJL" -f json --exclude vendor jobs) > ex.json
check "the JSON report lists them" 'jq -e ".skipped == [{\"path\": \"jobs/vendor/b.yaml\", \"reason\": \"excluded by --exclude\"}]" ex.json >/dev/null'
printf 'rules: [\n' > ex/jobs/vendor/.createjob-lint.yaml
(cd ex && "$CJL" --exclude vendor jobs > /dev/null 2> ../ex.err)
check "a broken config below an excluded folder does not matter" '! grep -q "config error" ex.err'
rm ex/jobs/vendor/.createjob-lint.yaml

# --- --statistics and --quiet ----------------------------------------------------------
cp job.yaml two.yaml
"$CJL" --statistics --color never job.yaml two.yaml > stats.out
rc=$?
CHECK_SHOW=stats.out
check "--statistics prints a count per rule, most first, instead of the text report" \
	'[ "$rc" -eq 1 ] && [ "$(cat stats.out)" = "$(printf "     2  CJ102  unknown-member\n     2  CJ203  md5-base64")" ]'
"$CJL" --statistics -f json=stats.json job.yaml > /dev/null
check "--statistics leaves reports in files whole" 'jq -e ".summary.errors == 2" stats.json >/dev/null'
"$CJL" --statistics -f json job.yaml > /dev/null 2> stats.err
check "--statistics with another report on standard output is a usage error" '[ $? -eq 2 ] && grep -q "statistics" stats.err'
"$CJL" --quiet --color never job.yaml > quiet.out 2> quiet.err
rc=$?
CHECK_SHOW=quiet.out
check "--quiet prints the findings and no summary" \
	'[ "$rc" -eq 1 ] && grep -q "^job.yaml:6:14: error: .*\[CJ203\]$" quiet.out && ! grep -q "checked" quiet.out && [ ! -s quiet.err ]'
"$CJL" -q --color never "$TESTDATA/valid" > quiet.out 2>&1
check "-q on clean files prints nothing at all" '[ $? -eq 0 ] && [ ! -s quiet.out ]'
CHECK_SHOW=

# --- --list-rules ------------------------------------------------------------------------
"$CJL" --list-rules -f json > rules.json
check "--list-rules -f json is a JSON list of every rule with id, name, severity and summary" \
	'jq -e "length > 40 and all(.[]; (.id | test(\"^CJ[0-9]{3}$\")) and (.name | length > 0) and (.severity | test(\"^(error|warning|info)$\")) and (.summary | length > 0))" rules.json >/dev/null &&
	 jq -e "map(select(.id == \"CJ203\"))[0].name == \"md5-base64\"" rules.json >/dev/null'
"$CJL" --list-rules > rules.txt
check "--list-rules text fits 80 columns" '[ -s rules.txt ] && ! awk "length(\$0) > 80 { bad = 1 } END { exit !bad }" rules.txt'
check "--list-rules text has every rule and its whole summary" \
	'[ "$(grep -c "^CJ[0-9][0-9][0-9] " rules.txt)" -eq "$(jq length rules.json)" ] &&
	 [ "$(jq -r ".[] | .summary" rules.json | tr -s " \n" "  " | sed "s/ $//")" = "$(grep "^       " rules.txt | sed "1d; s/^ *//" | tr -s " \n" "  " | sed "s/ $//")" ]'
"$CJL" --list-rules -f sarif > /dev/null 2> err
check "--list-rules with another format is a usage error" '[ $? -eq 2 ] && grep -q "list-rules" err'

finish options
