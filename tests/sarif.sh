#!/bin/sh
# Validates the SARIF report of the whole testdata/ corpus with Microsoft's SARIF
# validator (npm package @microsoft/sarif-multitool), once with its default rules and
# once with GitHub's ingestion rules (--rule-kind Gh): no error and no warning.
# The validator is found through SARIF_MULTITOOL (the Sarif.Multitool binary), or in
# node_modules under SARIF_NPM_PREFIX; without it the test is skipped, visibly.
set -u
. "$(dirname "$0")/lib.sh"
tool=${SARIF_MULTITOOL:-}
if [ -z "$tool" ] && [ -n "${SARIF_NPM_PREFIX:-}" ]; then
	tool=$SARIF_NPM_PREFIX/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool
fi
if [ -z "$tool" ] || [ ! -x "$tool" ]; then
	echo "SKIP: SARIF validator not found; install it with"
	echo "      npm install --prefix DIR @microsoft/sarif-multitool && chmod +x DIR/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool"
	echo "      and set SARIF_NPM_PREFIX=DIR"
	exit 77
fi

cd "$TESTDATA" || exit 1
"$CJL" -f sarif="$tmp/corpus.sarif" cases valid
"$CJL" -f sarif="$tmp/unreadable.sarif" valid/no-such-file.json 2>/dev/null
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
