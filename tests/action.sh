#!/bin/sh
# The GitHub Action in action.yml, run the way the runner runs a composite action:
# its steps in order, each `run:` in bash -e with the step's env (the inputs and
# github.action_path substituted), GITHUB_PATH added to PATH after each step, and
# the outputs read from GITHUB_OUTPUT. The action's folder is a copy of the
# source tree, so the build step builds createjob-lint from scratch.
# Environment: TESTDATA, SRCDIR. Needs python3 with the yaml module, bash, and the
# build dependencies (the install step finds them present and installs nothing).
set -u
. "$(dirname "$0")/lib.sh"
SRCDIR=${SRCDIR:-$here/..}
if ! python3 -c 'import yaml' 2>/dev/null; then
	echo "SKIP: python3 yaml module is missing (apt-get install python3-yaml)"
	exit 77
fi
for tool in bash jq autoreconf make pkg-config; do
	command -v "$tool" >/dev/null 2>&1 || { echo "SKIP: $tool is not installed"; exit 77; }
done
unset MAKEFLAGS MFLAGS

# The action's folder: the files of the source tree.
action=$tmp/action
. "$here/scratch.sh"
copy_source_tree "$action"

# Writes one script per step of action.yml into $2, inputs given as NAME=VALUE.
cat > "$tmp/steps.py" <<'PY'
import re, shlex, sys, yaml
action_dir, out_dir = sys.argv[1], sys.argv[2]
given = dict(a.split('=', 1) for a in sys.argv[3:])
spec = yaml.safe_load(open(action_dir + '/action.yml'))
assert spec['runs']['using'] == 'composite'
inputs = {k: str(v.get('default', '')) for k, v in spec['inputs'].items()}
for k in given:
    assert k in inputs, 'no input ' + k
inputs.update(given)
def expand(text):
    def one(m):
        expr = m.group(1).strip()
        if expr == 'github.action_path':
            return action_dir
        if expr.startswith('inputs.'):
            return inputs[expr[len('inputs.'):]]
        raise SystemExit('unknown expression ' + expr)
    return re.sub(r'\$\{\{(.*?)\}\}', one, text)
for i, step in enumerate(spec['runs']['steps']):
    assert step['shell'] == 'bash', step
    # Inputs reach the scripts only through env, never spliced into the script.
    assert '${{' not in step['run'], 'expression inside run: ' + step['name']
    with open('%s/%02d.sh' % (out_dir, i), 'w') as f:
        for k, v in step.get('env', {}).items():
            f.write('export %s=%s\n' % (k, shlex.quote(expand(str(v)))))
        f.write(step['run'])
print(' '.join(str(k) for k in spec['outputs']))
PY

# run_action NAME [INPUT=VALUE]...: the steps in order, in the workspace; the status
# is the failing step's, as on the runner.
run_action() {
	name=$1
	shift
	rm -rf "$tmp/steps" && mkdir "$tmp/steps"
	python3 "$tmp/steps.py" "$action" "$tmp/steps" "$@" > "$tmp/$name.outputs-declared" || return 3
	: > "$tmp/$name.github-output"
	: > "$tmp/github-path"
	(
		export GITHUB_OUTPUT="$tmp/$name.github-output" GITHUB_PATH="$tmp/github-path"
		for step in "$tmp"/steps/*.sh; do
			bash --noprofile --norc -eo pipefail "$step" || exit $?
			while IFS= read -r dir; do PATH=$dir:$PATH; done < "$GITHUB_PATH"
			: > "$GITHUB_PATH"
		done
	) > "$tmp/$name.out" 2> "$tmp/$name.err"
}
output() { sed -n "s/^$2=//p" "$tmp/$1.github-output"; }

workspace=$tmp/workspace
mkdir -p "$workspace/jobs"
cd "$workspace" || exit 1
cp "$SRCDIR/examples/jobs/import-signed-url.yaml" jobs/bad.yaml
cp "$TESTDATA/valid/export-assets-to-s3.json" jobs/clean.json

run_action findings paths=jobs sarif=out.sarif
rc=$?
CHECK_SHOW=$tmp/findings.err
check "with findings the action fails with createjob-lint's status" '[ "$rc" -eq 1 ]'
check "the build step built createjob-lint in the action's folder" '[ -x "$action/.action-build/createjob-lint" ]'
CHECK_SHOW=$tmp/findings.out
check "findings are GitHub workflow commands" \
	'grep -q "^::error file=jobs/bad.yaml,line=8,col=14,.*CJ203" "$tmp/findings.out"'
check "the SARIF report is written and holds the findings" \
	'jq -e ".runs[0].results | length >= 4" out.sarif >/dev/null'
check "the outputs name the SARIF file and the exit code" \
	'[ "$(output findings sarif)" = out.sarif ] && [ "$(output findings exit-code)" = 1 ]'
check "every declared output is set" \
	'[ "$(cat "$tmp/findings.outputs-declared")" = "sarif exit-code" ]'

rm -f out.sarif
run_action clean paths="jobs/clean.json
examples-missing-is-not-here" args=--only-requests
rc=$?
CHECK_SHOW=$tmp/clean.err
check "a path that does not exist fails the action with status 2" '[ "$rc" -eq 2 ] && [ "$(output clean exit-code)" = 2 ]'
check "and no SARIF report is asked for when the input is empty" '[ ! -e out.sarif ] && [ -z "$(output clean sarif)" ]'

run_action clean2 paths=jobs/clean.json
rc=$?
CHECK_SHOW=$tmp/clean2.err
check "a clean file passes" '[ "$rc" -eq 0 ] && [ "$(output clean2 exit-code)" = 0 ]'

run_action warn paths=jobs args=--fail-on=warning sarif='report with blank.sarif'
rc=$?
check "args reach createjob-lint and a SARIF path may hold blanks" '[ "$rc" -eq 1 ] && [ -s "report with blank.sarif" ]'

finish action
