#!/bin/sh
# The createjob-lint-system hook in .pre-commit-hooks.yaml (the installed binary),
# run for real by pre-commit in a
# scratch git repository, offline: the hook repository is a local git repository
# made from this project's .pre-commit-hooks.yaml, and createjob-lint is the
# built binary, first on PATH. A commit adding a request with an error is
# refused and shows the finding; a clean request and a JSON file that is not a
# job request (package.json) are committed.
# Environment: CJL (the binary), TESTDATA, SRCDIR. Needs pre-commit and git.
set -u
. "$(dirname "$0")/lib.sh"
SRCDIR=${SRCDIR:-$here/..}
for tool in git pre-commit; do
	if ! command -v "$tool" >/dev/null 2>&1; then
		skip precommit "$tool is not installed (apt-get install git pre-commit)"
	fi
done
echo "$(pre-commit --version), $(git --version)"

. "$here/scratch.sh"
scratch_home
# The built binary, found first on PATH as an installed one would be.
cjl_dir=$(cd "$(dirname "$CJL")" && pwd)
PATH=$cjl_dir:$PATH
export PATH

# The hook repository: this project's hook definition in a fresh repository.
hooks=$tmp/hook-repo
git init -q "$hooks"
cp "$SRCDIR/.pre-commit-hooks.yaml" "$hooks/"
(cd "$hooks" && git add .pre-commit-hooks.yaml && git commit -q -m "hooks")
rev=$(git -C "$hooks" rev-parse --verify -q HEAD)
if [ -z "$rev" ]; then
	echo "FAIL: cannot make the hook repository from $SRCDIR/.pre-commit-hooks.yaml"
	echo "precommit: 0 passed, 1 failed"
	exit 1
fi

# The user's repository, with the hook installed.
work=$tmp/work
git init -q "$work"
cd "$work" || exit 1
cat > .pre-commit-config.yaml <<EOF
repos:
  - repo: $hooks
    rev: $rev
    hooks:
      - id: createjob-lint-system
EOF
git add .pre-commit-config.yaml
git commit -q -m "pre-commit configuration"
pre-commit install > "$tmp/install.out" 2>&1
check "pre-commit install" '[ $? -eq 0 ] || { cat "$tmp/install.out"; false; }'

commits() { git rev-list --count HEAD; }

# A request with errors: refused, and the output names the findings.
mkdir jobs
cp "$SRCDIR/examples/jobs/import-signed-url.yaml" jobs/bad.yaml
git add jobs/bad.yaml
before=$(commits)
git commit -m "bad request" > "$tmp/bad.out" 2>&1
rc=$?
check "a commit adding a request with errors is refused" '[ "$rc" -ne 0 ] && [ "$(commits)" -eq "$before" ]'
check "the output shows the hook failing" 'grep -q "^createjob-lint\.*Failed" "$tmp/bad.out"'
check "the output shows the finding with its rule and position" \
	'grep -q "^jobs/bad.yaml:8:14: error: .*\[CJ203\]$" "$tmp/bad.out"'
finding='^jobs/bad.yaml:[0-9]+:[0-9]+: error: .*\[CJ[0-9]+\]$'
check "the output shows every finding of the file" \
	'[ "$(grep -cE "$finding" "$tmp/bad.out")" -ge 4 ] && [ "$(grep -cE "$finding" "$tmp/bad.out")" -eq "$("$CJL" --color never jobs/bad.yaml | grep -cE "$finding")" ]'
[ "$rc" -ne 0 ] || cat "$tmp/bad.out"
git rm -q --cached jobs/bad.yaml
rm jobs/bad.yaml

# A clean request goes through.
cp "$TESTDATA/valid/export-assets-to-s3.json" jobs/export.json
git add jobs/export.json
before=$(commits)
git commit -m "clean request" > "$tmp/clean.out" 2>&1
rc=$?
check "a commit adding a clean request goes through" '[ "$rc" -eq 0 ] && [ "$(commits)" -eq $((before + 1)) ]'
check "and the hook ran and passed" 'grep -q "^createjob-lint\.*Passed" "$tmp/clean.out"'
[ "$rc" -eq 0 ] || cat "$tmp/clean.out"

# A JSON file that is not a job request does not block the commit.
printf '{\n  "name": "web",\n  "version": "1.0.0",\n  "private": true\n}\n' > package.json
git add package.json
before=$(commits)
git commit -m "package.json" > "$tmp/package.out" 2>&1
rc=$?
check "a commit adding package.json goes through" '[ "$rc" -eq 0 ] && [ "$(commits)" -eq $((before + 1)) ]'
[ "$rc" -eq 0 ] || cat "$tmp/package.out"

# A YAML request and a non-request together: the request's error still refuses it.
printf 'Type: EXPORT_ASSETS_TO_S3\nDetails: {}\n' > jobs/empty.yaml
printf 'services:\n  web:\n    image: nginx\n' > compose.yaml
git add jobs/empty.yaml compose.yaml
before=$(commits)
git commit -m "mixed" > "$tmp/mixed.out" 2>&1
rc=$?
check "a request with an error next to a non-request is refused" \
	'[ "$rc" -ne 0 ] && [ "$(commits)" -eq "$before" ] && grep -q "^jobs/empty.yaml:2:10: error: .*\[CJ201\]$" "$tmp/mixed.out"'
check "and compose.yaml is not reported" '! grep -q "^compose.yaml:" "$tmp/mixed.out"'
[ "$rc" -ne 0 ] || cat "$tmp/mixed.out"

finish precommit
