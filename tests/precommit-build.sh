#!/bin/sh
# The first-run experience of the createjob-lint pre-commit hook, as a user meets
# it: no createjob-lint on PATH, a fresh repository holding the README's
# .pre-commit-config.yaml exactly as written except that `repo:` names a local
# clone of this project (tagged with the README's rev), and `pre-commit run
# --all-files`. The hook builds the linter inside pre-commit's own clone once,
# although pre-commit starts several hook processes at once, reports the
# findings, and reuses the build on the next run.
# Environment: TESTDATA, SRCDIR. Needs pre-commit, git and the build tools.
set -u
. "$(dirname "$0")/lib.sh"
SRCDIR=${SRCDIR:-$here/..}
for tool in git pre-commit autoreconf make cc pkg-config; do
	if ! command -v "$tool" >/dev/null 2>&1; then
		echo "SKIP: $tool is not installed"
		exit 77
	fi
done

. "$here/scratch.sh"
scratch_home
unset MAKEFLAGS MFLAGS

# PATH without any folder that holds a createjob-lint.
clean_path=
old_ifs=$IFS
IFS=:
for dir in $PATH; do
	[ -n "$dir" ] && [ ! -e "$dir/createjob-lint" ] && clean_path=${clean_path:+$clean_path:}$dir
done
IFS=$old_ifs
PATH=$clean_path
export PATH
check "no createjob-lint on PATH" '! command -v createjob-lint >/dev/null 2>&1'

# The README's configuration: the yaml block of the pre-commit section.
readme_config() {
	awk '/^\*\*pre-commit\.\*\*/ { section = 1 }
		section && /^```yaml$/ { inblock = 1; next }
		inblock && /^```$/ { exit }
		inblock { print }' "$SRCDIR/README.md"
}
readme_config > "$tmp/readme-config.yaml"
rev=$(sed -n 's/^ *rev: *//p' "$tmp/readme-config.yaml")
url=$(sed -n 's/^ *- repo: *//p' "$tmp/readme-config.yaml")
check "the README shows a pre-commit configuration with a repo and a rev" '[ -n "$rev" ] && [ -n "$url" ]'

# A clone of this project (the files git knows of, as they are in the source tree),
# committed and tagged with the README's rev.
clone=$tmp/createjob-lint
copy_source_tree "$clone"
(cd "$clone" && git init -q && git add -A && git commit -q -m "createjob-lint" && git tag "$rev")
check "the local clone is tagged $rev" 'git -C "$clone" rev-parse -q --verify "refs/tags/$rev" >/dev/null'

# The user's repository: the README's configuration, pointed at the clone.
work=$tmp/work
git init -q "$work"
cd "$work" || exit 1
sed "s|^\\( *- repo: *\\).*|\\1$clone|" "$tmp/readme-config.yaml" > .pre-commit-config.yaml
mkdir jobs
# Enough files that pre-commit splits them over several hook processes.
i=0
while [ "$i" -lt 12 ]; do
	cp "$TESTDATA/valid/export-assets-to-s3.json" "jobs/clean-$i.json"
	i=$((i + 1))
done
cp "$SRCDIR/examples/jobs/import-signed-url.yaml" jobs/bad.yaml
printf '{"name": "web", "version": "1.0.0"}\n' > package.json
git add -A && git commit -q -m "requests"

pre-commit run --all-files > "$tmp/first.out" 2>&1
rc=$?
CHECK_SHOW=$tmp/first.out
check "the first run fails on the request with errors" '[ "$rc" -eq 1 ] && grep -q "^createjob-lint\.*Failed" "$tmp/first.out"'
check "and shows its finding with rule and position" \
	'grep -q "^jobs/bad.yaml:8:14: error: .*\[CJ203\]$" "$tmp/first.out"'
check "the hook built createjob-lint once, for all the hook processes" \
	'[ "$(grep -c "building createjob-lint" "$tmp/first.out")" -eq 1 ]'
built=$(find "$PRE_COMMIT_HOME" -path '*/.pre-commit-build/bin/createjob-lint' -type f | head -n 1)
check "inside pre-commit's clone" '[ -n "$built" ] && [ -x "$built" ]'
check "several hook processes ran (one summary line each)" \
	'[ "$(grep -cE "^[0-9]+ files? checked" "$tmp/first.out")" -ge 2 ]'

pre-commit run --all-files > "$tmp/second.out" 2>&1
rc=$?
CHECK_SHOW=$tmp/second.out
check "the second run reuses the build" \
	'[ "$rc" -eq 1 ] && ! grep -q "building createjob-lint" "$tmp/second.out" && grep -q "^jobs/bad.yaml:8:14: error: .*\[CJ203\]$" "$tmp/second.out"'

git rm -q jobs/bad.yaml && git commit -q -m "drop the bad request"
pre-commit run --all-files > "$tmp/clean.out" 2>&1
rc=$?
CHECK_SHOW=$tmp/clean.out
check "clean requests and package.json pass" '[ "$rc" -eq 0 ] && grep -q "^createjob-lint\.*Passed" "$tmp/clean.out"'

finish precommit-build
