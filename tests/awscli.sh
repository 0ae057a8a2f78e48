#!/bin/sh
# --aws-cli VERSION and aws-cli: in the configuration: members the named AWS CLI v2
# does not know are errors worded as that CLI's refusal; without a target they
# stay an informational note. Where the AWS CLI 2.9.19 of the Debian awscli
# package is installed, its own validator confirms the wording.
# Environment: CJL (the binary), TESTDATA (the testdata folder).
set -u
. "$(dirname "$0")/lib.sh"
CHECK_SHOW=$tmp/out
lint() { (cd "$tmp" && "$CJL" --color never "$@") > "$tmp/out" 2>&1; rc=$?; }
cases=$TESTDATA/cases
cp "$cases/cj222-json-asset-configuration.json" "$tmp/tags.json"
cp "$cases/cj222-yaml-kms-keys-to-grant.yaml" "$tmp/kms.yaml"
top='Unknown parameter in input: "AssetConfiguration", must be one of: Details, Type'
kms='Unknown parameter in Details.CreateS3DataAccessFromS3Bucket.AssetSource: "KmsKeysToGrant", must be one of: Bucket, KeyPrefixes, Keys'

lint tags.json kms.yaml
check "without --aws-cli: newer members are an info note, exit 0" \
	'[ "$rc" -eq 0 ] && [ "$(grep -c "info: .*\[CJ222\]" "$tmp/out")" -eq 2 ]'

lint --aws-cli 2.9.19 tags.json kms.yaml
check "2.9.19: both newer members are errors, exit 1" \
	'[ "$rc" -eq 1 ] && [ "$(grep -c "error: .*\[CJ222\]" "$tmp/out")" -eq 2 ]'
check "2.9.19: AssetConfiguration is refused in the CLI's words" 'grep -qF "$top" "$tmp/out"'
check "2.9.19: KmsKeysToGrant is refused in the CLI's words" 'grep -qF "$kms" "$tmp/out"'
check "2.9.19: the message names the target and the first version that knows it" \
	'grep -qF "AWS CLI 2.9.19 refuses the file" "$tmp/out" && grep -qF "known from AWS CLI 2.34.21 on" "$tmp/out" && grep -qF "known from AWS CLI 2.11.3 on" "$tmp/out"'

lint --aws-cli 2.9.19 -f json tags.json
check "2.9.19: the JSON report has the finding as an error" \
	'grep -q "\"rule\": *\"CJ222\"" "$tmp/out" && grep -q "\"severity\": *\"error\"" "$tmp/out"'

lint --aws-cli 2.9.19 "$TESTDATA/valid"
check "2.9.19 knows all nine job types: the valid requests pass" \
	'[ "$rc" -eq 0 ] && ! grep -q "\[CJ" "$tmp/out"'

lint --aws-cli 2.11.3 tags.json kms.yaml
check "2.11.3: KmsKeysToGrant known (no finding), AssetConfiguration refused" \
	'[ "$rc" -eq 1 ] && ! grep -q "^kms.yaml" "$tmp/out" && grep -qF "$top" "$tmp/out"'

lint --aws-cli 2.11 kms.yaml
check "2.11 is 2.11.0, older than 2.11.3: KmsKeysToGrant refused" \
	'[ "$rc" -eq 1 ] && grep -qF "AWS CLI 2.11 refuses" "$tmp/out"'

lint --aws-cli 2.34.21 tags.json kms.yaml
check "2.34.21 knows both: no finding at all" '[ "$rc" -eq 0 ] && ! grep -q "\[CJ" "$tmp/out"'

lint --aws-cli 2.100.0 tags.json
check "versions compare by number, not as text (2.100.0 > 2.34.21)" \
	'[ "$rc" -eq 0 ] && ! grep -q "\[CJ" "$tmp/out"'

lint --aws-cli 2.9.19 --severity CJ222=warning tags.json
check "--severity still sets the level of the refusal" \
	'[ "$rc" -eq 0 ] && grep -q "warning: .*\[CJ222\]" "$tmp/out"'

for v in 2.x 3 1.27.0 2.11.3.4 "" 2..3 .2 2.11. +2 "2 " 99999999999; do
	lint --aws-cli "$v" tags.json
	check "--aws-cli '$v' is a usage error with the expected form" \
		'[ "$rc" -eq 2 ] && grep -q "expected a version like 2.9.19" "$tmp/out" && ! grep -q "^tags.json" "$tmp/out"'
done
lint --aws-cli "aws-cli/2.9.19 Python/3.11.2" tags.json
check "the output of aws --version gets a did-you-mean" \
	'[ "$rc" -eq 2 ] && grep -qF "did you mean 2.9.19?" "$tmp/out"'

mkdir -p "$tmp/repo/.git"
cp "$tmp/tags.json" "$tmp/repo/"
printf 'aws-cli: 2.9.19\n' > "$tmp/repo/.createjob-lint.yaml"
lint repo/tags.json
check "aws-cli: in the config makes the refusal an error" \
	'[ "$rc" -eq 1 ] && grep -qF "$top" "$tmp/out"'
lint --aws-cli 2.34.21 repo/tags.json
check "--aws-cli wins over the config" '[ "$rc" -eq 0 ] && ! grep -q "\[CJ" "$tmp/out"'
lint --print-config repo/tags.json
check "--print-config shows the target and why CJ222 is an error" \
	'grep -qx "aws-cli: 2.9.19 (config)" "$tmp/out" && grep -q "CJ222 error *aws-cli" "$tmp/out"'
lint --aws-cli 2.11 --print-config repo/tags.json
check "--print-config shows the command line's target" 'grep -qx "aws-cli: 2.11 (command line)" "$tmp/out"'
printf 'rules: {CJ222: info}\naws-cli: 2.9.19\n' > "$tmp/repo/.createjob-lint.yaml"
lint repo/tags.json
check "the config's own level for CJ222 wins over the target's" \
	'[ "$rc" -eq 0 ] && grep -q "info: .*\[CJ222\]" "$tmp/out"'
printf 'fail-on: error\naws-cli: 2.nine\n' > "$tmp/repo/.createjob-lint.yaml"
lint repo/tags.json
check "a bad aws-cli: is a config error with file, line and column" \
	'[ "$rc" -eq 2 ] && grep -q "createjob-lint.yaml:2:10: .*expected a version like 2.9.19" "$tmp/out"'
printf 'aws-cli: [2]\n' > "$tmp/repo/.createjob-lint.yaml"
lint repo/tags.json
check "aws-cli: that is not a scalar is a config error" \
	'[ "$rc" -eq 2 ] && grep -q "createjob-lint.yaml:1:10: .*aws-cli" "$tmp/out"'
printf 'aws-cli: 2.11\n' > "$tmp/repo/.createjob-lint.yaml"
lint --print-config repo/tags.json
check "aws-cli: 2.11 (a YAML number) is read as written" 'grep -qx "aws-cli: 2.11 (config)" "$tmp/out"'

# The AWS CLI 2.9.19 itself, when installed: its validator's report for each file
# must be the text the linter quotes.
confirm() {
	python3 - "$1" <<'PY'
import json, sys
sys.path.insert(0, "/usr/lib/python3/dist-packages")
from awscli.botocore.session import get_session
from awscli.botocore.validate import ParamValidator
from ruamel.yaml import YAML  # as awscli/customizations/cliinput.py loads YAML
text = open(sys.argv[1], encoding="utf-8").read()
params = json.loads(text) if sys.argv[1].endswith(".json") else \
    YAML(typ="safe", pure=True).load(text)
shape = get_session().get_service_model("dataexchange").operation_model("CreateJob").input_shape
print(ParamValidator().validate(params, shape).generate_report())
PY
}
if python3 -c 'import sys; sys.path.insert(0, "/usr/lib/python3/dist-packages"); import awscli, ruamel.yaml; assert awscli.__version__ == "2.9.19"' 2>/dev/null; then
	for f in tags.json kms.yaml; do
		confirm "$tmp/$f" > "$tmp/cli" 2>&1
		lint --aws-cli 2.9.19 "$f"
		check "AWS CLI 2.9.19 refuses $f with the words the linter quotes" \
			'[ -s "$tmp/cli" ] && [ "$(wc -l < "$tmp/cli")" -eq 1 ] && grep -qF "$(cat "$tmp/cli")" "$tmp/out"'
	done
else
	missing "the AWS CLI 2.9.19 Python modules (Debian awscli) to confirm the refusals"
fi

finish awscli
