#!/bin/sh
# Configuration files, command-line rule levels and suppressions.
# Environment: CJL (the binary), TESTDATA (the testdata folder).
set -u
. "$(dirname "$0")/lib.sh"
CHECK_SHOW=$tmp/out
lint() { (cd "$tmp/repo" && "$CJL" --color never "$@") > "$tmp/out" 2>&1; rc=$?; }

# A repository with a legacy folder; the bad bucket is CJ206 (a warning) and the
# s3:// bucket CJ205 (an error).
mkdir -p "$tmp/repo/.git" "$tmp/repo/jobs" "$tmp/repo/legacy/old"
job() { # job FILE BUCKET
	cat > "$1" <<JOB
{"Type": "IMPORT_ASSETS_FROM_S3",
 "Details": {"ImportAssetsFromS3": {
   "DataSetId": "6c1f2e0d8a3b4c5d9e7f0a1b2c3d4e5f",
   "RevisionId": "1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d",
   "AssetSources": [{"Bucket": "$2", "Key": "prices/2026-11.csv"}]}}}
JOB
}
job "$tmp/repo/jobs/uri.json" "s3://example-provider-data"
job "$tmp/repo/legacy/old/legacy.json" "Legacy_Provider_Data"
# A config above the repository root must not apply.
printf 'rules: {CJ205: off}\n' > "$tmp/.createjob-lint.yaml"

lint jobs legacy
check "without a config: defaults (CJ205 error, CJ206 warning), exit 1" \
	'[ "$rc" -eq 1 ] && grep -q "error: .*\[CJ205\]" "$tmp/out" && grep -q "warning: .*\[CJ206\]" "$tmp/out"'

cat > "$tmp/repo/.createjob-lint.yaml" <<'CFG'
# Settings for this repository.
rules:
  CJ205: warning
fail-on: warning
exclude: ["**/drafts/*.json"]
overrides:
  - files: ["legacy/**"]
    rules: {CJ206: off}
CFG
mkdir -p "$tmp/repo/jobs/drafts"
job "$tmp/repo/jobs/drafts/wip.json" "s3://x"
lint jobs legacy
check "the config found above the file changes a level" 'grep -q "jobs/uri.json:5:.*warning: .*\[CJ205\]" "$tmp/out"'
check "fail-on from the config makes a warning fail the run" '[ "$rc" -eq 1 ]'
check "an override turns a rule off under legacy/" '! grep -q "CJ206" "$tmp/out"'
check "exclude skips matching files, counted under the config's name" '! grep -q "wip.json" "$tmp/out" && grep -q "; 1 excluded by .createjob-lint.yaml$" "$tmp/out"'
lint --fail-on error jobs
check "--fail-on on the command line wins over the config" '[ "$rc" -eq 0 ]'
lint --severity CJ205=error jobs/uri.json
check "--severity ID=LEVEL wins over the config" 'grep -q "error: .*\[CJ205\]" "$tmp/out"'
lint --disable CJ205,CJ206 jobs legacy
check "--disable ID,ID turns rules off" '[ "$rc" -eq 0 ] && ! grep -q "CJ20[56]" "$tmp/out"'
lint --enable CJ206 legacy
check "--enable brings back a rule the config turned off" 'grep -q "warning: .*\[CJ206\]" "$tmp/out"'
lint --print-config legacy/old/legacy.json
check "--print-config names the config and each level's origin" \
	'grep -q "^config: .*/repo/.createjob-lint.yaml$" "$tmp/out" && grep -q "^  CJ205 warning  rules$" "$tmp/out" && grep -q "^  CJ206 off      override on line 7$" "$tmp/out" && grep -q "^fail-on: warning (config)$" "$tmp/out"'
printf 'rules: {CJ206: error}\n' > "$tmp/other.yaml"
lint --config "$tmp/other.yaml" legacy
check "--config FILE replaces the discovered config" 'grep -q "error: .*\[CJ206\]" "$tmp/out"'

# Bad configurations: a located error, exit 2, never ignored.
bad_config() { # NAME TEXT EXPECTED-REGEX
	printf '%b' "$2" > "$tmp/bad.yaml"
	want=$3
	lint --config "$tmp/bad.yaml" jobs
	check "bad config ($1) exits 2 with file:line:column" \
		'[ "$rc" -eq 2 ] && grep -qE "bad\.yaml:[0-9]+:[0-9]+: $want" "$tmp/out"'
}
bad_config "syntax" 'rules: {CJ205: off\n' 'YAML syntax error: did not find expected'
bad_config "a second document" 'rules: {CJ205: off}\n---\nrules: {}\n' 'a second YAML document starts here; a configuration is one document'
bad_config "a %YAML 1.1 directive" '%YAML 1.1\n---\nrules: {CJ205: off}\n' 'a %YAML 1.1 directive: configurations are read as YAML 1.2'
bad_config "not UTF-8" 'rules: {CJ205: off}\n# caf\0351\n' 'byte 0xE9 is not valid UTF-8'
bad_config "an empty file" '' 'the file is empty'
bad_config "a tab indenting" 'rules:\n\tCJ205: off\n' 'YAML does not allow tabs for indentation'
# A key given twice: the later would silently undo the earlier.
bad_config "rules given twice" 'rules: {CJ205: off}\nfail-on: error\nrules: {CJ206: off}\n' 'rules is given twice in one mapping \(first on line 1\)'
bad_config "a rule given twice" 'rules:\n  CJ205: off\n  CJ206: off\n  CJ205: error\n' 'CJ205 is given twice in one mapping \(first on line 2\)'
bad_config "a rule by id and by name" 'overrides:\n  - files: ["*"]\n    rules: {CJ205: off, bucket-name: error}\n' 'bucket-name sets rule CJ205 a second time \(first as CJ205 on line 3\)'
bad_config "a suppression key given twice" 'suppressions:\n  - files: ["*"]\n    rules: [CJ205]\n    files: ["jobs/*"]\n' 'files is given twice in one mapping \(first on line 2\)'
# Keys are looked up as C strings: a NUL inside one would make it another key.
bad_config "a NUL in a rule id" 'rules: {"CJ205\\0x": off}\n' 'a key holds a NUL character \(\\0\)'
bad_config "a NUL in a top-level key" 'rules: {CJ205: off}\n"rules\\0x": {CJ206: off}\n' 'a key holds a NUL character'
bad_config "a list as a rule key" 'rules: {? [CJ205]: off}\n' 'a key must be a string, not a list'
bad_config "a mapping as a top-level key" '{rules: x}: 1\n' 'a key must be a string, not a mapping'
# A key written in a rules mapping wins over a merged (<<) one, spelt by id or by name.
for rules in '{<<: *base, bucket-name-legacy: error}' '{CJ206: error, <<: *base}' \
	'{bucket-name-legacy: error, <<: *base}' '{<<: [{CJ206: error}, *base]}'; do
	printf 'rules: &base {CJ206: off}\noverrides:\n  - files: ["legacy/**"]\n    rules: %s\n' "$rules" \
		> "$tmp/repo/merge.yaml"
	lint --config merge.yaml legacy
	check "rules $rules: the written (or first merged) level wins" \
		'[ "$rc" -eq 1 ] && grep -q "error: .*\[CJ206\]" "$tmp/out"'
done
rm -f "$tmp/repo/merge.yaml"
bad_config "unknown key" 'rulez: {CJ205: off}\n' 'unknown key rulez in the configuration'
bad_config "unknown rule" 'rules:\n  CJ999: off\n' 'unknown rule CJ999'
bad_config "bad level" 'rules:\n  CJ205: loud\n' 'the level must be off, info, warning or error, not loud'
bad_config "bad fail-on" 'fail-on: sometimes\n' 'the level must be off, info, warning or error'
bad_config "override without files" 'overrides:\n  - rules: {CJ205: off}\n' 'an override needs files'
cp "$tmp/bad.yaml" "$tmp/repo/.createjob-lint.yaml"
lint jobs
check "a bad discovered config is one config error for the files under it" \
	'[ "$rc" -eq 2 ] && [ "$(grep -c "config error: .*\.createjob-lint\.yaml:2:5: an override needs files" "$tmp/out")" -eq 1 ]'
rm "$tmp/repo/.createjob-lint.yaml"

# Suppressions in YAML comments. yaml_job: a YAML request up to its AssetSources:,
# then standard input.
yaml_job() {
	printf 'Type: IMPORT_ASSETS_FROM_S3\nDetails:\n  ImportAssetsFromS3:\n'
	printf '    DataSetId: 6c1f2e0d8a3b4c5d9e7f0a1b2c3d4e5f\n'
	printf '    RevisionId: 1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d\n    AssetSources:\n'
	cat
}
yaml_job > "$tmp/repo/jobs/suppressed.yaml" <<'YAML'
      - Bucket: Legacy_Provider_Data  # createjob-lint: disable=CJ206 -- bucket from 2016
        Key: prices/2026-11.csv
      # createjob-lint: disable=CJ205 -- the comment above the line
      - Bucket: s3://example-provider-data
        Key: prices/2026-12.csv
      - Bucket: Other_Legacy  # createjob-lint: disable=CJ206
        Key: prices/2027-01.csv
      - Bucket: example-provider-data  # createjob-lint: disable=CJ205 -- nothing to hide
        Key: prices/2027-02.csv
      - Bucket: example-provider-data  # createjob-lint: disable=CJ998 -- typo
        Key: prices/2027-03.csv
YAML
lint jobs/suppressed.yaml
check "a comment on the line suppresses its finding" '! grep -q "suppressed.yaml:7:.*CJ206" "$tmp/out"'
check "a comment alone on the line above suppresses the next line" '! grep -q "suppressed.yaml:10:.*CJ205" "$tmp/out"'
check "a suppression without a reason is reported (info)" 'grep -q "suppressed.yaml:12:.*info: .*\[CJ303\]" "$tmp/out"'
check "a suppression that suppresses nothing is reported (info)" 'grep -q "suppressed.yaml:14:.*info: .*\[CJ302\]" "$tmp/out"'
check "a suppression naming no rule is reported (warning)" 'grep -q "suppressed.yaml:16:.*warning: .*CJ998.*\[CJ304\]" "$tmp/out"'
check "and the run passes" '[ "$rc" -eq 0 ]'
lint --severity CJ303=error jobs/suppressed.yaml
check "suppressions without reasons can be made errors" '[ "$rc" -eq 1 ] && grep -q "error: .*\[CJ303\]" "$tmp/out"'
sed -i '1i # createjob-lint: disable-file=CJ206,CJ205 -- legacy data, migrating in 2027' "$tmp/repo/jobs/suppressed.yaml"
lint jobs/suppressed.yaml
check "disable-file suppresses a rule in the whole file" '! grep -qE "\[CJ20[56]\]" "$tmp/out"'
# Far from the comment, on lines without comments of their own.
{
	echo '# createjob-lint: disable-file=CJ206,CJ205 -- legacy data, migrating in 2027'
	yaml_job <<'YAML'
      - {Bucket: Legacy_One, Key: a.csv}
      - {Bucket: s3://example-provider-data, Key: b.csv}
YAML
} > "$tmp/repo/jobs/whole-file.yaml"
lint jobs/whole-file.yaml
check "disable-file reaches findings on lines far from it" \
	'[ "$rc" -eq 0 ] && ! grep -qE "\[CJ(20[56]|302)\]" "$tmp/out" && grep -q "^1 file checked: 0 errors, 0 warnings, 0 infos$" "$tmp/out"'

# Suppressions for JSON live in the config, by file and pointer.
cat > "$tmp/repo/.createjob-lint.yaml" <<'CFG'
suppressions:
  - files: ["jobs/uri.json"]
    rules: [CJ205]
    pointer: /Details/ImportAssetsFromS3/AssetSources/0
    reason: bucket URI accepted by our wrapper script
  - files: ["legacy/**"]
    rules: [CJ206]
    pointer: /Details/ImportAssetsFromS3/AssetSources/1
CFG
lint jobs/uri.json legacy
check "a config suppression hides findings at and below its pointer" '! grep -q "uri.json.*CJ205" "$tmp/out"'
check "but not at another pointer" 'grep -q "legacy.json.*CJ206" "$tmp/out"'

# A pointer names one array element: .../1 is not .../10.
{
	printf '{"Type": "IMPORT_ASSETS_FROM_S3",\n "Details": {"ImportAssetsFromS3": {\n'
	printf '   "DataSetId": "6c1f2e0d8a3b4c5d9e7f0a1b2c3d4e5f",\n'
	printf '   "RevisionId": "1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d",\n   "AssetSources": [\n'
	for i in 0 1 2 3 4 5 6 7 8 9; do
		printf '     {"Bucket": "Legacy_%s", "Key": "k%s.csv"},\n' "$i" "$i"
	done
	printf '     {"Bucket": "Legacy_10", "Key": "k10.csv"}]}}}\n'
} > "$tmp/repo/jobs/eleven.json"
cat > "$tmp/repo/.createjob-lint.yaml" <<'CFG'
suppressions:
  - files: ["jobs/eleven.json"]
    rules: [CJ206]
    pointer: /Details/ImportAssetsFromS3/AssetSources/1
    reason: one legacy bucket, kept on purpose
CFG
lint jobs/eleven.json
check "a pointer suppression of element 1 hides its finding" '! grep -q "eleven.json:7:.*\[CJ206\]" "$tmp/out"'
check "but not element 10's (nor any other)" \
	'grep -q "eleven.json:16:.*\[CJ206\]" "$tmp/out" && [ "$(grep -c "\[CJ206\]" "$tmp/out")" -eq 10 ]'
rm "$tmp/repo/.createjob-lint.yaml"

# A comment after a value suppresses that line only; alone on its line, the next.
yaml_job > "$tmp/repo/jobs/trailing.yaml" <<'YAML'
      - {Bucket: Legacy_One, Key: a.csv}  # createjob-lint: disable=CJ206 -- kept
      - {Bucket: Legacy_Two, Key: b.csv}
      # createjob-lint: disable=CJ206 -- kept too
      - {Bucket: Legacy_Three, Key: c.csv}
      - {Bucket: Legacy_Four, Key: d.csv}
YAML
lint jobs/trailing.yaml
check "a trailing comment suppresses its own line" '! grep -q "trailing.yaml:7:" "$tmp/out"'
check "and not the next line" 'grep -q "trailing.yaml:8:18: .*\[CJ206\]" "$tmp/out"'
check "a comment alone on its line suppresses the next line only" \
	'! grep -q "trailing.yaml:10:" "$tmp/out" && grep -q "trailing.yaml:11:.*\[CJ206\]" "$tmp/out"'
check "both suppressions are used (no CJ302)" '! grep -q "CJ302" "$tmp/out"'

# --config from a sibling folder: its globs are relative to its own folder, however
# the config and the files are named.
mkdir -p "$tmp/other"
cat > "$tmp/repo/ci.yaml" <<'CFG'
rules: {CJ205: warning}
overrides:
  - files: ["legacy/**"]
    rules: {CJ206: off}
CFG
(cd "$tmp/other" && "$CJL" --color never --config ../repo/ci.yaml ../repo/legacy ../repo/jobs/uri.json) > "$tmp/out" 2>&1
check "--config ../repo/ci.yaml from a sibling folder applies its overrides to ../repo/legacy" \
	'! grep -q "CJ206" "$tmp/out" && grep -q "jobs/uri.json:5:.*warning: .*\[CJ205\]" "$tmp/out"'
(cd "$tmp/other" && "$CJL" --config ../repo/ci.yaml --print-config ../repo/legacy/old/legacy.json) > "$tmp/out" 2>&1
check "--print-config from there gives the path in the config's folder" \
	'grep -q "^path in config: legacy/old/legacy.json$" "$tmp/out" && grep -q "^  CJ206 off      override on line 3$" "$tmp/out"'
# A folder whose name starts with the config's folder name is not below it.
mkdir -p "$tmp/repo2/legacy"
job "$tmp/repo2/legacy/x.json" "Legacy_Provider_Data"
(cd "$tmp" && "$CJL" --color never --config repo/ci.yaml repo2/legacy/x.json) > "$tmp/out" 2>&1
check "repo/ci.yaml's legacy/** does not reach repo2/legacy" 'grep -q "repo2/legacy/x.json:5:.*\[CJ206\]" "$tmp/out"'

finish config
