#!/bin/bash
# The output boundary: hostile file names, --stdin-filename values and config text
# never reach a terminal or a CI log as control characters or workflow commands,
# JSON and SARIF stay valid UTF-8, SARIF URIs never read as a scheme, and report
# files are written safely (devices in place, regular files atomically with the
# right mode, temporary files removed on signals and errors).
# Environment: CJL (the binary), TESTDATA (the testdata folder).
set -u
. "$(dirname "$0")/lib.sh"
bad=$tmp/bad-request.yaml
printf 'Type: IMPORT_ASSETS_FROM_S3\nDetails:\n  ImportAssetsFromS3:\n    DataSetId: x\n' > "$bad"
formats="text json sarif github junit"

# no_command_lines FILE: no line could start a GitHub workflow command other than
# the tool's own annotations, and no line holds the older "##[" form.
no_command_lines() {
	! grep -avE '^::(error|warning|notice) (file=|line=)' "$1" | grep -aqE '^[[:space:]]*::' &&
		! grep -aqF '##[' "$1"
}
# no_controls FILE: no ESC, BEL, other C0 control but tab and newline, DEL, C1
# control (U+0080..U+009F) or bidirectional control.
no_controls() {
	! LC_ALL=C grep -aqP '[\x00-\x08\x0B-\x1F\x7F]' "$1" &&
		! LC_ALL=C grep -aqP '\xC2[\x80-\x9F]|\xE2\x80[\xAA-\xAE]|\xE2\x81[\xA6-\xA9]' "$1"
}
valid_utf8() { iconv -f UTF-8 -t UTF-8 "$1" >/dev/null 2>&1; }

cd "$tmp" || exit 1
mkdir names && cd names || exit 1
# Hostile names, each holding a request with findings.
hostile_names=(
	"$(printf 'x\n::stop-commands::pwn\n.yaml')"
	"$(printf '::add-mask::secret.yaml')"
	"$(printf '  ::warning::forged.yaml')"
	"$(printf 'osc\033]0;pwned\007.yaml')"
	"$(printf 'csi\302\233%s.yaml' '2J')"
	"$(printf 'bidi\342\200\256lmy.yaml')"
	"$(printf 'iso\342\201\246x.yaml')"
	"$(printf 'cr\rline.yaml')"
	"$(printf 'del\177x.yaml')"
	"$(printf 'old##[add-mask]x.yaml')"
)
for n in "${hostile_names[@]}"; do cp "$bad" "./$n"; done
for f in $formats; do
	for n in "${hostile_names[@]}"; do
		"$CJL" --color never -f "$f" -- "$n" > ../out 2> ../err
		cat ../out ../err > ../both
		label=$(printf '%q' "$n")
		CHECK_SHOW=../both
		check "$f: $label makes no workflow command" 'no_command_lines ../both'
		if [ "$f" != json ] && [ "$f" != sarif ]; then
			check "$f: $label sends no control character" 'no_controls ../both'
		fi
		check "$f: $label keeps the report valid UTF-8" 'valid_utf8 ../out'
	done
	# The same names, unreadable: the error goes to standard error (and the report).
	for n in "${hostile_names[@]}"; do
		"$CJL" --color never -f "$f" -- "missing-$n" > ../out 2> ../err
		cat ../out ../err > ../both
		label=$(printf '%q' "missing-$n")
		check "$f: unreadable $label makes no workflow command" 'no_command_lines ../both'
		check "$f: unreadable $label sends no control character to stderr" 'no_controls ../err'
	done
done
unset CHECK_SHOW

# The text format shows what it escaped, and names the same file.
"$CJL" --color never -- "$(printf 'osc\033]0;pwned\007.yaml')" > ../out 2>&1
check "text: ESC and BEL are shown as \\x1B and \\x07" 'grep -qF "osc\\x1B]0;pwned\\x07.yaml:" ../out'
"$CJL" --color never -- "$(printf '::add-mask::secret.yaml')" > ../out 2>&1
check "text: a path that reads as a command is written ./::" 'grep -q "^\./::add-mask::secret.yaml:" ../out'
"$CJL" --color never -- "$(printf 'bidi\342\200\256lmy.yaml')" > ../out 2>&1
check "text: a bidirectional control is shown as \\u202E" 'grep -qF "bidi\\u202Elmy.yaml:" ../out'

# --stdin-filename is a file name like any other.
for f in text github; do
	"$CJL" --color never -f "$f" --stdin-filename "$(printf 'a\n::stop-commands::x\033[2J.yaml')" - \
		< "$bad" > ../both 2>&1
	check "$f: --stdin-filename cannot write a command or a control" \
		'no_command_lines ../both && no_controls ../both'
done

# Config text in an error message.
mkdir ../cfg && cd ../cfg && git init -q . 2>/dev/null || mkdir -p .git
printf 'rules: {"CJ1\\n::stop-commands::z\\u001b]0;t\\u0007": off}\n' > .createjob-lint.yaml
cp "$bad" job.yaml
"$CJL" --color never job.yaml > ../both 2>&1
rc=$?
check "a config error with hostile text exits 2" '[ "$rc" -eq 2 ]'
check "a config error with hostile text is escaped" 'no_command_lines ../both && no_controls ../both'
cd ../names || exit 1

# The progress line (on a terminal, after half a second) shows the path escaped.
if command -v script >/dev/null; then
	osc=$(printf 'osc\033]0;pwned\007.yaml')
	script -qec "sleep 1 | '$CJL' --color never --stdin-filename '$osc' -" \
		/dev/null > ../tty.out 2>&1 < /dev/null
	check "the progress line was drawn" 'grep -aq "\[1\] osc" ../tty.out'
	check "the progress line escapes the path" \
		'! grep -aqF "$(printf "\033]0;")" ../tty.out'
else
	echo "SKIP: no script(1) for a terminal"
fi

# JSON and SARIF: valid UTF-8 for names that are not, and how the bytes are written.
latin=$(printf 'caf\351.yaml')
cp "$bad" "./$latin"
"$CJL" -f json -- "$latin" > ../out.json
check "json: a name that is not UTF-8 stays valid UTF-8" 'valid_utf8 ../out.json'
check "json: its byte is written as the text \\xE9" \
	'[ "$(jq -r ".files[0].path" ../out.json)" = "caf\\xE9.yaml" ]'
"$CJL" -f sarif -- "$latin" > ../out.sarif
check "sarif: a name that is not UTF-8 stays valid UTF-8" 'valid_utf8 ../out.sarif'
check "sarif: its byte is percent-encoded in the URI" \
	'jq -e "[.runs[0].results[].locations[0].physicalLocation.artifactLocation.uri] | all(. == \"caf%E9.yaml\")" ../out.sarif >/dev/null'
"$CJL" -f json -- "$(printf 'csi\302\233%s.yaml' '2J')" > ../out.json
check "json: a C1 control is written as a \\u escape" 'grep -qF "csi\\u009b2J.yaml" ../out.json'
check "json: ... which decodes to the same name" \
	'[ "$(jq -r ".files[0].path" ../out.json)" = "$(printf "csi\302\2332J.yaml")" ]'

# SARIF URIs never read as a scheme.
for n in 'javascript:alert(1).yaml' 'data:text.yaml' 'sub/x:y.yaml' 'C:evil.yaml'; do
	mkdir -p "$(dirname "$n")"
	cp "$bad" "./$n"
	"$CJL" -f sarif -- "$n" > ../out.sarif
	check "sarif: $n is a relative reference" \
		'jq -e "[.. | objects | .uri? // empty | select(startswith(\"file://\") | not)] | length > 0 and all(test(\"^[^/?#]*:\") | not)" ../out.sarif >/dev/null'
done
cd .. || exit 1

# --- Report targets. ---------------------------------------------------------
cp "$bad" job.yaml
in_private_dev() {
	# A private mount namespace with a throw-away /dev, so that a broken build
	# cannot replace the machine's device files.
	unshare -m --propagation private sh -c '
		mount -t tmpfs tmpfs /dev && mknod -m 666 /dev/null c 1 3 &&
		ln -s /proc/self/fd /dev/fd && ln -s /proc/self/fd/1 /dev/stdout &&
		ln -s /proc/self/fd/2 /dev/stderr && '"$1" "${@:2}"
}
private_dev=no
[ "$(id -u)" -eq 0 ] && unshare -m --propagation private true 2>/dev/null && private_dev=yes
# cjl_dev ARGS...: the linter, inside a private /dev when running as root.
cjl_dev() {
	if [ "$private_dev" = yes ]; then
		in_private_dev 'exec "$0" "$@"' "$CJL" "$@"
	else
		"$CJL" "$@"
	fi
}
if [ "$private_dev" = yes ]; then
	in_private_dev "\"$CJL\" -o /dev/null job.yaml; test -c /dev/null && test ! -s /dev/null" 
	check "-o /dev/null leaves the device a device" '[ $? -eq 0 ]'
	in_private_dev "\"$CJL\" -f sarif=/dev/stdout job.yaml > out.sarif; test -L /dev/stdout"
	check "-f sarif=/dev/stdout leaves /dev/stdout a link" '[ $? -eq 0 ]'
	check "-f sarif=/dev/stdout > out.sarif puts the report in out.sarif" \
		'jq -e ".runs[0].results | length > 0" out.sarif >/dev/null'
	in_private_dev "\"$CJL\" -f json=/dev/fd/3 job.yaml 3> fd3.json; test -L /dev/fd"
	check "-f json=/dev/fd/3 writes to descriptor 3 and leaves /dev/fd" \
		'[ $? -eq 0 ] && jq -e ".files | length == 1" fd3.json >/dev/null'
elif [ "$(id -u)" -ne 0 ]; then
	# Without root, a broken build could not replace a device file: use the real /dev.
	"$CJL" -f json=/dev/stdout job.yaml > stdout.json
	check "-f json=/dev/stdout > FILE fills FILE" 'jq -e ".files | length == 1" stdout.json >/dev/null'
	check "... and /dev/stdout is still a link" '[ -L /dev/stdout ]'
	echo "SKIP: -o /dev/null needs a private /dev (root and unshare -m)"
else
	echo "SKIP: the /dev targets need a private /dev (unshare -m), not available here"
fi
mkfifo pipe
timeout 20 cat pipe > from-pipe.json &
reader=$!
timeout 20 "$CJL" -f json=pipe job.yaml
wait $reader
check "a FIFO target is written in place" '[ -p pipe ] && jq -e ".files | length == 1" from-pipe.json >/dev/null'

(umask 022 && "$CJL" -f json=new.json job.yaml)
check "a new report gets 0666 less the umask (022)" '[ "$(stat -c %a new.json)" = 644 ]'
(umask 027 && "$CJL" -f json=new2.json job.yaml)
check "a new report gets 0666 less the umask (027)" '[ "$(stat -c %a new2.json)" = 640 ]'
echo old > kept.json && chmod 604 kept.json
"$CJL" -f json=kept.json job.yaml
check "an existing report keeps its mode" '[ "$(stat -c %a kept.json)" = 604 ] && jq -e . kept.json >/dev/null'
echo old > real.json && ln -s real.json link.json
"$CJL" -f json=link.json job.yaml
check "a report through a link replaces the file and keeps the link" \
	'[ -L link.json ] && jq -e ".files | length == 1" real.json >/dev/null'

# "-" as a report target is standard output, as it is for inputs.
"$CJL" -f json=- job.yaml > dash.json
check "-f json=- writes the report to standard output" '[ ! -e ./- ] && jq -e ".files | length == 1" dash.json >/dev/null'
"$CJL" -o - job.yaml > dash.txt
check "-o - writes the report to standard output" '[ ! -e ./- ] && grep -q "1 file checked" dash.txt'
"$CJL" -f json=- -f sarif job.yaml > /dev/null 2>&1
check "-f json=- beside another report on standard output is a usage error" '[ $? -eq 2 ]'

# Usage errors before anything is read.
cp job.yaml input.yaml
"$CJL" -f json=input.yaml input.yaml > out 2>&1
rc=$?
check "a report that is an input is a usage error" '[ "$rc" -eq 2 ] && cmp -s input.yaml job.yaml'
"$CJL" -f json=./input.yaml input.yaml > out 2>&1
check "... also when written another way" '[ $? -eq 2 ] && cmp -s input.yaml job.yaml'
mkdir -p jobs && cp job.yaml jobs/a.yaml
"$CJL" -f json=jobs/report.json jobs > out 2>&1
check "a report inside a linted folder is a usage error" '[ $? -eq 2 ] && [ ! -e jobs/report.json ]'
"$CJL" -f json=one.out -f sarif=one.out job.yaml > out 2>&1
check "two reports into one new file is a usage error" '[ $? -eq 2 ] && [ ! -e one.out ]'
"$CJL" -f json=one.out -f sarif=./one.out job.yaml > out 2>&1
check "... also written two ways" '[ $? -eq 2 ] && [ ! -e one.out ]'
echo keep > two.out
"$CJL" -f json=two.out -f sarif=two.out job.yaml > out 2>&1
check "two reports into one existing file is a usage error" '[ $? -eq 2 ] && [ "$(cat two.out)" = keep ]'
"$CJL" -f text -f json job.yaml > out 2>&1
check "two reports on standard output is a usage error" '[ $? -eq 2 ] && ! grep -q "\"files\"" out'
if [ "$private_dev" = yes ] || [ "$(id -u)" -ne 0 ]; then
	cjl_dev -f json -f sarif=/dev/stdout job.yaml > out 2>&1
	check "... also through /dev/stdout" '[ $? -eq 2 ]'
	cjl_dev -f json -f sarif=/dev/stdout job.yaml | cat > out 2>&1
	check "... also when standard output is a pipe" '[ "${PIPESTATUS[0]}" -eq 2 ]'
	cjl_dev -f json=dev-null-ok.json -f sarif=/dev/null job.yaml > /dev/null 2>&1
	check "/dev/null may take a report beside standard output" '[ $? -eq 1 ] && [ -s dev-null-ok.json ]'
fi

# Temporary files are removed on signals and error exits.
leftovers() { ls -A | grep -E '^(sig|err)[a-z]*\.json\.' ; }
# A run that waits for standard input stands for a long one.
for sig in TERM INT HUP; do
	# Background jobs start with SIGINT ignored, and a run under nohup with SIGHUP
	# ignored: the linter keeps what it inherits, so the test restores the defaults.
	sleep 5 | env --default-signal=INT,TERM,HUP "$CJL" -f json=sig.json - &
	# Until the run has made its temporary file (up to 4 s on a loaded machine).
	i=0
	while [ "$i" -lt 40 ] && [ -z "$(leftovers)" ]; do
		sleep 0.1
		i=$((i + 1))
	done
	pid=$(pgrep -n -f -- "-f json=sig.json -")
	before=$(leftovers | wc -l)
	kill -"$sig" "$pid"
	wait
	check "SIG$sig: a temporary file existed while the run waited" '[ "$before" -eq 1 ]'
	check "SIG$sig ends the run and removes it" '! kill -0 "$pid" 2>/dev/null && [ -z "$(leftovers)" ] && [ ! -e sig.json ]'
done
{ { sleep 0.5; cat job.yaml; } | "$CJL" -f text -f json=sigpipe.json job.yaml -; echo $? > rc.txt; } |
	{ exec 0<&-; sleep 1; }
check "SIGPIPE on standard output removes the temporary report" \
	'[ "$(cat rc.txt)" -ne 0 ] && [ -z "$(ls -A | grep "^sigpipe")" ]'
"$CJL" -f json=err.json -f sarif=no-such-folder/x.sarif job.yaml > out 2>&1
check "a report that cannot be opened removes the others" \
	'[ $? -eq 2 ] && [ ! -e err.json ] && [ -z "$(leftovers)" ]'

# A listing that cannot be written does not exit 0.
if [ -w /dev/full ]; then
	for opt in --help --version --list-rules "--explain CJ203"; do
		# shellcheck disable=SC2086
		"$CJL" $opt > /dev/full 2> err.txt
		rc=$?
		check "$opt > /dev/full exits non-zero, saying why" '[ "$rc" -ne 0 ] && [ -s err.txt ]'
	done
else
	echo "SKIP: no /dev/full"
fi

finish boundary
