#!/bin/sh
# Differential test against the AWS CLI: tests/differential.py mutates the valid
# requests of testdata/valid (JSON and YAML, all nine job types), asks the AWS CLI
# v2's own loading and validation code (Debian's awscli package, in one Python
# process) which mutants it rejects, and checks that createjob-lint reports an
# error for each of them and none for the variants the CLI and the model accept.
# Environment: CJL (the binary), TESTDATA (the testdata folder); optional PYTHON
# (the interpreter to use), DIFFERENTIAL_SEED, DIFFERENTIAL_KEEP (a folder to keep
# the mutants in), DIFFERENTIAL_VERBOSE=1 (show the file of every mismatch).
# Skips (exit 77) when python3 or the AWS CLI v2 Python modules are missing; fails
# instead in CI (CI=true), where .ci/run installs them.
set -u
. "$(dirname "$0")/lib.sh"

find_cli_python || skip differential "$cli_python_missing"
if [ ! -x "$CJL" ]; then
	echo "FAIL: $CJL is not an executable"
	echo "differential: 0 passed, 1 failed"
	exit 1
fi

set -- --cjl "$CJL" --testdata "$TESTDATA"
[ -n "${DIFFERENTIAL_SEED:-}" ] && set -- "$@" --seed "$DIFFERENTIAL_SEED"
[ -n "${DIFFERENTIAL_KEEP:-}" ] && set -- "$@" --keep "$DIFFERENTIAL_KEEP"
[ -n "${DIFFERENTIAL_VERBOSE:-}" ] && set -- "$@" --verbose
# The mutants go to lib.sh's scratch folder, removed on exit. The script prints the
# closing line "differential: N passed, M failed" itself.
TMPDIR=$tmp "$python" "$here/differential.py" "$@"
rc=$?
# differential.py skips (77) when the CLI's modules cannot be loaded after all.
[ "$rc" -eq 77 ] && skip differential "differential.py could not load the AWS CLI v2 modules"
exit "$rc"
