# Shared by the test scripts (sourced): where the binary and the test data are, a
# scratch folder removed on exit, and counting checks into the closing line
# "NAME: N passed, M failed" that CI adds up.
here=$(cd "$(dirname "$0")" && pwd)
CJL=${CJL:-$here/../createjob-lint}
TESTDATA=${TESTDATA:-$here/../testdata}
# Scripts change folder (into scratch repositories, editors' working folders), so
# the paths they are given are made absolute once, here.
absolute() { case $1 in /*) printf '%s\n' "$1" ;; *) printf '%s/%s\n' "$(pwd)" "$1" ;; esac; }
CJL=$(absolute "$CJL")
TESTDATA=$(absolute "$TESTDATA")
[ -n "${SRCDIR:-}" ] && SRCDIR=$(absolute "$SRCDIR")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0
fail=0

# check NAME EXPRESSION: counts the check; on failure names it, and shows the file
# named by $CHECK_SHOW when the script sets it.
check() {
	if eval "$2"; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
		echo "FAIL: $1"
		if [ -n "${CHECK_SHOW:-}" ] && [ -f "$CHECK_SHOW" ]; then
			head -n 20 "$CHECK_SHOW" | sed 's/^/    /'
		fi
	fi
}

# finish NAME: the closing line, and the exit status of the script.
finish() {
	echo "$1: $pass passed, $fail failed"
	[ "$fail" -eq 0 ]
}

# In CI (CI=true) .ci/run installs every tool the tests use, so a missing one is a
# failure there, not a reason to skip.
in_ci() { [ "${CI:-}" = true ]; }

# missing WHY: some checks cannot run without a tool: a failure in CI, else said.
missing() {
	if in_ci; then
		fail=$((fail + 1))
		echo "FAIL: $1 (CI installs it)"
	else
		echo "SKIP: $1"
	fi
}

# skip NAME WHY: the whole script cannot run: exit 77 (skipped), or fail in CI.
skip() {
	missing "$2"
	if in_ci; then
		finish "$1"
		exit 1
	fi
	exit 77
}

# AddressSanitizer reserves terabytes of address space and doubles memory use: a
# sanitizer build is held to time limits only. $vlimit is the `ulimit -v` (KiB)
# for runs that must stay within 1 GiB.
sanitized=false
ldd "$CJL" 2>/dev/null | grep -q libasan && sanitized=true
vlimit=1048576
$sanitized && vlimit=unlimited

# find_cli_python: sets $python to the first interpreter that has the AWS CLI v2's
# Python modules, or returns 1 with $cli_python_missing saying why. The CLI v2 of
# Debian's awscli package lives in the system Python (/usr/lib/python3/dist-packages);
# a python3 found first on PATH (pyenv, a virtualenv) may lack it or carry the AWS
# CLI v1 from pip, whose botocore and model differ. $PYTHON is tried first.
find_cli_python() {
	probe='import awscli, sys
import awscli.botocore.validate, awscli.customizations.cliinput, awscli.paramfile
import ruamel.yaml
sys.exit(0 if awscli.__version__.startswith("2.") else 3)'
	python=
	tried=
	for cand in ${PYTHON:-} python3 /usr/bin/python3; do
		command -v "$cand" >/dev/null 2>&1 || continue
		tried="$tried $cand"
		if "$cand" -c "$probe" >/dev/null 2>&1; then
			python=$cand
			return 0
		fi
	done
	if [ -z "$tried" ]; then
		cli_python_missing="python3 is not installed (apt-get install python3 awscli)"
	else
		cli_python_missing="no python3 with the AWS CLI v2 modules (tried:$tried); apt-get install awscli"
	fi
	return 1
}
