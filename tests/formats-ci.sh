#!/bin/sh
# The formats and files for CI systems and editors:
#  - github (workflow commands) and junit (JUnit XML) on the testdata/ corpus:
#    every finding once, at the JSON report's positions, with its rule, severity
#    and message; the JUnit totals agree with the JSON report; the escaping of
#    paths and messages holding : , % < & > " ' CR LF and a control character;
#    files that cannot be read; warnings and infos (a copy of the rules with other
#    severities);
#  - the VS Code problem matcher of examples/editors/vscode/tasks.json applied to
#    the text output gives the JSON report's file, line, column, severity and rule;
#  - examples/github-workflow.yml, examples/pre-commit-config.yaml and
#    .pre-commit-hooks.yaml parse and say what they must.
# Environment: CJL, TESTDATA, SRCDIR. Needs jq; xmllint (libxml2-utils) and
# python3 (with python3-yaml) for some checks, skipped visibly without them (a
# failure in CI, where .ci/run installs them).
set -u
. "$(dirname "$0")/lib.sh"
SRCDIR=${SRCDIR:-$here/..}
if ! command -v jq >/dev/null 2>&1; then
	skip ciformats "jq is not installed (apt-get install jq)"
fi
have_xmllint=false
command -v xmllint >/dev/null 2>&1 && have_xmllint=true
$have_xmllint || missing "xmllint is not installed (apt-get install libxml2-utils): JUnit XML well-formedness and counts not checked"
have_python=false
command -v python3 >/dev/null 2>&1 && python3 -c 'import xml.etree.ElementTree' 2>/dev/null && have_python=true
$have_python || missing "python3 is not installed: JUnit contents not compared finding by finding"
have_yaml=false
$have_python && python3 -c 'import yaml' 2>/dev/null && have_yaml=true
$have_yaml || missing "python3 yaml module is missing (apt-get install python3-yaml): workflow and pre-commit files not parsed"
# The findings of JSON reports as tuples: severity|path|line|rule|message.
json_findings() {
	jq -r '.files[] | .path as $p | .diagnostics[] | "\(.severity)|\($p)|\(.line)|\(.rule)|\(.message)"' "$@" | LC_ALL=C sort
}

# --- github --------------------------------------------------------------------

# Reads workflow commands back: severity|path|line|rule|message, undoing the
# escapes (%25 last, so that an escaped "%0A" stays as it was written).
github_findings() {
	sed -n -E 's/^::(error|warning|notice) file=([^,]*),line=([0-9]+),[^:]*title=(CJ[0-9]+) [^:]*::(.*)$/\1|\2|\3|\4|\5/p' "$1" |
		sed -e 's/%0D/\r/g' -e 's/%0A/\n/g' -e 's/%3A/:/g' -e 's/%2C/,/g' -e 's/%25/%/g' |
		sed -e 's/^notice|/info|/' | LC_ALL=C sort
}

cd "$TESTDATA" || exit 1
"$CJL" --color never -f text="$tmp/out.txt" -f json="$tmp/out.json" -f github="$tmp/out.gh" \
	-f junit="$tmp/out.xml" cases valid
status=$?
check "exit status 1 on the corpus" '[ "$status" -eq 1 ]'
check "the corpus has findings" '[ "$(jq "[.files[].diagnostics[]] | length" "$tmp/out.json")" -gt 50 ]'
check "github: every line is a workflow command" '! grep -qv "^::\(error\|warning\|notice\) file=" "$tmp/out.gh"'
check "github: one command per finding" \
	'[ "$(wc -l < "$tmp/out.gh")" -eq "$(jq "[.files[].diagnostics[]] | length" "$tmp/out.json")" ]'
json_findings "$tmp/out.json" > "$tmp/json.findings"
github_findings "$tmp/out.gh" > "$tmp/github.findings"
check "github: the same severity, file, line, rule and message as JSON, finding by finding" \
	'diff -u "$tmp/json.findings" "$tmp/github.findings"'
# Columns: a range on one line keeps them (GitHub's end column is inclusive); a
# range over several lines has its lines only, ending before a column-1 end.
jq -r '.files[] | .path as $p | .diagnostics[] | select(.line == .endLine) |
	"\($p) line=\(.line),col=\(.column),endLine=\(.line),endColumn=\([.column, .endColumn - 1] | max)"' \
	"$tmp/out.json" | LC_ALL=C sort > "$tmp/json.cols"
jq -r '.files[] | .path as $p | .diagnostics[] | select(.line != .endLine) |
	(if .endColumn <= 1 then .endLine - 1 else .endLine end) as $el | select($el > .line) |
	"\($p) line=\(.line),endLine=\($el)"' "$tmp/out.json" | LC_ALL=C sort > "$tmp/json.lines"
sed -E 's/^::[a-z]+ file=([^,]*),(line=[^:]*),title=[^:]*::.*/\1 \2/' "$tmp/out.gh" | LC_ALL=C sort > "$tmp/github.pos"
check "github: findings on one line have the JSON columns" \
	'[ -s "$tmp/json.cols" ] && [ -z "$(LC_ALL=C comm -23 "$tmp/json.cols" "$tmp/github.pos")" ]'
check "github: findings over several lines have the JSON lines and no columns" \
	'[ -s "$tmp/json.lines" ] && [ -z "$(LC_ALL=C comm -23 "$tmp/json.lines" "$tmp/github.pos")" ]'
check "github: the title is the rule id and name" \
	'grep -q ",title=CJ203 md5-base64::" "$tmp/out.gh" && ! grep -v ",title=CJ[0-9]\{3\} [a-z0-9-]*::" "$tmp/out.gh" | grep -q .'
"$CJL" -f github cases valid > "$tmp/stdout.gh" 2>/dev/null
check "github: nothing but the commands on standard output (no summary)" 'cmp -s "$tmp/stdout.gh" "$tmp/out.gh"'

# --- junit ---------------------------------------------------------------------

if $have_xmllint; then
	xcount() { xmllint --xpath "$1" "$2" 2>/dev/null; }
	check "junit: well-formed XML" 'xmllint --noout "$tmp/out.xml"'
	check "junit: one testsuite for the run" '[ "$(xcount "count(/testsuites/testsuite)" "$tmp/out.xml")" -eq 1 ]'
	check "junit: one testcase per linted file, named by its path" \
		'[ "$(xcount "count(//testcase)" "$tmp/out.xml")" -eq "$(jq ".files | length" "$tmp/out.json")" ] &&
		 [ "$(xcount "string(//testcase[1]/@name)" "$tmp/out.xml")" = "$(jq -r ".files[0].path" "$tmp/out.json")" ]'
	check "junit: the root's and the testsuite's tests, failures and errors are the totals" \
		'for el in /testsuites /testsuites/testsuite; do
			[ "$(xcount "string($el/@tests)" "$tmp/out.xml")" -eq "$(xcount "count(//testcase)" "$tmp/out.xml")" ] &&
			[ "$(xcount "string($el/@failures)" "$tmp/out.xml")" -eq "$(xcount "count(//failure)" "$tmp/out.xml")" ] &&
			[ "$(xcount "string($el/@errors)" "$tmp/out.xml")" -eq "$(xcount "count(//error)" "$tmp/out.xml")" ] || exit 1
		 done'
	check "junit: failures = the files with an error in the JSON report" \
		'[ "$(xcount "string(/testsuites/@failures)" "$tmp/out.xml")" -eq "$(jq "[.files[] | select(any(.diagnostics[]; .severity == \"error\"))] | length" "$tmp/out.json")" ]'
fi
# Finding by finding: path|rule|severity|line:column: message from the XML, from
# the failures (failing findings) and system-out (the others).
cat > "$tmp/junit.py" <<'EOF'
import re
import sys
import xml.etree.ElementTree as ET
start = re.compile(r'([0-9]+:[0-9]+): (error|warning|info): ')
finding = re.compile(r'([0-9]+:[0-9]+): (error|warning|info): (.*) \[(CJ[0-9]+) [a-z0-9-]+\]$', re.S)
which = sys.argv[2] if len(sys.argv) > 2 else 'all'
out = []
for case in ET.parse(sys.argv[1]).getroot().iter('testcase'):
    for tag in ('failure', 'system-out'):
        el = case.find(tag)
        if el is None or which not in ('all', tag):
            continue
        text = el.text or ''
        if text.endswith('\n'):  # each finding ends its line
            text = text[:-1]
        items = []
        for line in text.split('\n'):
            if start.match(line) or not items:
                items.append(line)
            else:  # a message with a line break goes on
                items[-1] += '\n' + line
        for item in items:
            m = finding.match(item)
            assert m, 'not a finding: %r' % item
            out.append('%s|%s|%s|%s: %s' % (case.get('name'), m.group(4), m.group(2), m.group(1), m.group(3)))
sys.stdout.write(''.join(sorted(x + '\n' for x in out)))
EOF
junit_findings() { python3 "$tmp/junit.py" "$@" | LC_ALL=C sort; }
json_junit() {
	jq -r '.files[] | .path as $p | .diagnostics[] | "\($p)|\(.rule)|\(.severity)|\(.line):\(.column): \(.message)"' "$1" | LC_ALL=C sort
}
if $have_python; then
	check "junit: the same findings as JSON (file, rule, severity, position, message)" \
		'json_junit "$tmp/out.json" > "$tmp/json.junit"; junit_findings "$tmp/out.xml" > "$tmp/junit.findings"; diff -u "$tmp/json.junit" "$tmp/junit.findings"'
fi

# --- escaping ------------------------------------------------------------------

# A file whose name holds , : % and whose DataSetId (quoted in the CJ105 message)
# holds : , % < & > " ' CR LF and U+0001.
mkdir "$tmp/esc"
esc='we,ird:na%me.json'
printf '%s\n' '{"Type":"IMPORT_ASSET_FROM_SIGNED_URL","Details":{"ImportAssetFromSignedUrl":{"AssetName":"a.csv","DataSetId":"x:y,z%0A%25<&>\"'"'"'\r\n\u0001w","Md5Hash":"sZRqySSS0jR8YjW00mERhA==","RevisionId":"27c2c0c55f7b4eaeffb56298806e550b"}}}' \
	> "$tmp/esc/$esc"
cd "$tmp/esc" || exit 1
"$CJL" -f json="$tmp/esc.json" -f github="$tmp/esc.gh" -f junit="$tmp/esc.xml" "$esc"
check "escaping: the crafted file gives one CJ105 whose message holds every special character, control characters written as \\xNN" \
	'jq -e "[.files[].diagnostics[]] | length == 1 and (.[0].rule == \"CJ105\") and (.[0].message | test(\":\") and test(\",\") and test(\"%0A%25\") and test(\"<&>\") and contains(\"x0D\") and contains(\"x0A\") and contains(\"x01w\") and (test(\"[\\u0000-\\u001f]\") | not))" "$tmp/esc.json" >/dev/null'
jq -r '.files[0].diagnostics[0] |
	"::error file=we%2Cird%3Ana%25me.json,line=\(.line),col=\(.column),endLine=\(.line),endColumn=\(.endColumn - 1),title=CJ105 pattern-mismatch::" +
	(.message | gsub("%"; "%25") | gsub("\r"; "%0D") | gsub("\n"; "%0A"))' "$tmp/esc.json" > "$tmp/esc.gh.want"
check "escaping: github escapes % CR LF : , in properties and % CR LF in the message" \
	'diff -u "$tmp/esc.gh.want" "$tmp/esc.gh"'
check "escaping: the github command is one line" '[ "$(wc -l < "$tmp/esc.gh")" -eq 1 ]'
check "escaping: github read back gives the JSON finding" \
	'[ "$(github_findings "$tmp/esc.gh")" = "$(json_findings "$tmp/esc.json")" ]'
if $have_xmllint; then
	check "escaping: junit is well-formed XML" 'xmllint --noout "$tmp/esc.xml"'
fi
if $have_python; then
	# What XML can hold (a control character would become U+FFFD; messages now
	# carry none), all else stays.
	check "escaping: junit gives back the path and the message, U+0001 as U+FFFD" \
		'[ "$(junit_findings "$tmp/esc.xml")" = "$(json_junit "$tmp/esc.json" | sed "s/\x01/\xef\xbf\xbd/" | LC_ALL=C sort)" ]'
	check "escaping: the junit testcase is named by the path" \
		'python3 -c "import sys, xml.etree.ElementTree as ET; sys.exit(ET.parse(sys.argv[1]).getroot().find(\"testsuite/testcase\").get(\"name\") != sys.argv[2])" "$tmp/esc.xml" "$esc"'
fi

# A file name holding CR, LF, a tab and XML's special characters: the JUnit
# testsuite and testcase names give it back exactly (attribute values escape them
# as character references, which XML parsers keep).
crname=$(printf 'cr\rlf\ntab\t<&>"x.json')
cp "$TESTDATA/cases/cj203-hex-md5.json" "$tmp/esc/$crname"
"$CJL" -f junit="$tmp/crname.xml" "$crname" > /dev/null 2>&1
if $have_xmllint; then
	check "escaping: junit with a file name holding CR is well-formed XML" 'xmllint --noout "$tmp/crname.xml"'
fi
if $have_python; then
	check "escaping: junit names the file's testcase by the exact file name, CR included" \
		'python3 -c "import sys, xml.etree.ElementTree as ET
r = ET.parse(sys.argv[1]).getroot(); c = list(r.iter(\"testcase\"))
sys.exit(not (len(c) == 1 and c[0].get(\"name\") == sys.argv[2] and c[0].get(\"file\") == sys.argv[2]))" "$tmp/crname.xml" "$crname"'
fi

# --- files that cannot be read ----------------------------------------------------

"$CJL" -f github="$tmp/missing.gh" -f junit="$tmp/missing.xml" "$TESTDATA/valid" missing.json 2> "$tmp/missing.err"
status=$?
check "an unreadable file exits 2" '[ "$status" -eq 2 ]'
check "github: an unreadable file is one ::error with the reason" \
	'[ "$(cat "$tmp/missing.gh")" = "::error file=missing.json::cannot read: No such file or directory" ]'
if $have_xmllint; then
	check "junit: an unreadable file is a testcase in error" \
		'xmllint --noout "$tmp/missing.xml" &&
		 [ "$(xcount "string(/testsuites/@errors)" "$tmp/missing.xml")" -eq 1 ] &&
		 [ "$(xcount "count(//testcase[@name=\"missing.json\"]/error)" "$tmp/missing.xml")" -eq 1 ] &&
		 xcount "string(//error/@message)" "$tmp/missing.xml" | grep -q "^cannot read: No such file or directory$"'
	check "junit: the readable files of that run have no failure" \
		'[ "$(xcount "count(//failure)" "$tmp/missing.xml")" -eq 0 ] && [ "$(xcount "string(/testsuites/@failures)" "$tmp/missing.xml")" -eq 0 ]'
fi

# --- warnings and infos ----------------------------------------------------------

# A copy of the rules with CJ102 a warning and CJ204 an info.
mkdir "$tmp/rules"
cp "$SRCDIR/rules/shape.yaml" "$tmp/rules/"
awk '/^  - id: /{id=$3} /^    severity: /{ if (id == "CJ102") $0 = "    severity: warning"; if (id == "CJ204") $0 = "    severity: info" } {print}' \
	"$SRCDIR/rules/catalog.yaml" > "$tmp/rules/catalog.yaml"
cd "$TESTDATA" || exit 1
"$CJL" --rules "$tmp/rules" --color never -f json="$tmp/sev.json" -f github="$tmp/sev.gh" -f junit="$tmp/sev.xml" \
	-f text="$tmp/sev.txt" cases valid
check "severities: the copied rules give warnings and infos" \
	'jq -e ".summary.warnings > 0 and .summary.infos > 0" "$tmp/sev.json" >/dev/null'
check "github: warnings are ::warning and infos ::notice, finding by finding" \
	'[ "$(grep -c "^::warning " "$tmp/sev.gh")" -eq "$(jq ".summary.warnings" "$tmp/sev.json")" ] &&
	 [ "$(grep -c "^::notice " "$tmp/sev.gh")" -eq "$(jq ".summary.infos" "$tmp/sev.json")" ] &&
	 ! grep "title=CJ102 " "$tmp/sev.gh" | grep -qv "^::warning " && ! grep "title=CJ204 " "$tmp/sev.gh" | grep -qv "^::notice " &&
	 json_findings "$tmp/sev.json" > "$tmp/sev.json.f" && github_findings "$tmp/sev.gh" > "$tmp/sev.gh.f" &&
	 diff -u "$tmp/sev.json.f" "$tmp/sev.gh.f"'
if $have_xmllint; then
	check "junit: with --fail-on error only errors fail; warnings and infos are in system-out" \
		'[ "$(xcount "count(//failure[@type != \"error\"])" "$tmp/sev.xml")" -eq 0 ] &&
		 [ "$(xcount "count(//testcase[failure])" "$tmp/sev.xml")" -eq "$(jq "[.files[] | select(any(.diagnostics[]; .severity == \"error\"))] | length" "$tmp/sev.json")" ] &&
		 [ "$(junit_findings "$tmp/sev.xml" system-out | grep -c "|warning|")" -eq "$(jq ".summary.warnings" "$tmp/sev.json")" ] &&
		 [ "$(junit_findings "$tmp/sev.xml" system-out | grep -c "|info|")" -eq "$(jq ".summary.infos" "$tmp/sev.json")" ]'
	# A run with warnings only: exit 0 and no failure; with --fail-on warning, exit 1
	# and one failure, of type warning.
	printf '%s\n' '{"Type": "IMPORT_ASSET_FROM_SIGNED_URL", "Details": {"ImportAssetFromSignedUrl": {"AssetName": "a.csv", "DataSetId": "6c1f2e0d8a3b4c5d9e7f0a1b2c3d4e5f", "RevisionId": "27c2c0c55f7b4eaeffb56298806e550b", "Md5Hash": "sZRqySSS0jR8YjW00mERhA==", "Extra": 1}}}' > "$tmp/warn.json"
	"$CJL" --severity CJ102=warning -f junit="$tmp/warn.xml" -f json="$tmp/warn.out.json" "$tmp/warn.json"
	rc=$?
	check "junit: a run that exits 0 with warnings has no failure" \
		'[ "$rc" -eq 0 ] && [ "$(jq ".summary.warnings" "$tmp/warn.out.json")" -gt 0 ] &&
		 [ "$(xcount "string(/testsuites/@failures)" "$tmp/warn.xml")" -eq 0 ] && [ "$(xcount "count(//system-out)" "$tmp/warn.xml")" -eq 1 ]'
	"$CJL" --severity CJ102=warning --fail-on warning -f junit="$tmp/warn.xml" "$tmp/warn.json"
	rc=$?
	check "junit: with --fail-on warning the same run exits 1 and the file fails" \
		'[ "$rc" -eq 1 ] && [ "$(xcount "count(//testcase/failure[@type=\"warning\"])" "$tmp/warn.xml")" -eq 1 ] &&
		 [ "$(xcount "count(//system-out)" "$tmp/warn.xml")" -eq 0 ]'
fi
if $have_python; then
	check "junit: the same findings as JSON with warnings and infos" \
		'[ "$(junit_findings "$tmp/sev.xml")" = "$(json_junit "$tmp/sev.json")" ]'
fi

# --- the VS Code problem matcher -----------------------------------------------

tasks=$SRCDIR/examples/editors/vscode/tasks.json
check "tasks.json parses and every task has the same matcher" \
	'jq -e "[.tasks[].problemMatcher.pattern.regexp] | length >= 1 and (unique | length == 1)" "$tasks" >/dev/null'
re=$(jq -r '.tasks[0].problemMatcher.pattern.regexp' "$tasks")
groups=$(jq -r '.tasks[0].problemMatcher.pattern | "\(.file) \(.line) \(.column) \(.severity) \(.code)"' "$tasks")
check "the matcher names its groups: file 1, line 2, column 3, severity 4, code 6" '[ "$groups" = "1 2 3 4 6" ]'
# JavaScript's \d is [0-9] in POSIX extended regular expressions.
ere=$(printf '%s' "$re" | sed 's/\\d/[0-9]/g')
check "the matcher needs nothing but \\d translated for POSIX" '! printf "%s" "$ere" | grep -q "\\\\[a-zA-Z]"'
# Finding lines are those that do not start with a space (the excerpt) and are not
# the summary at the end (and the line that counts fixable findings after it).
grep -v '^ ' "$tmp/out.txt" | grep -v ' fixable with --fix (' | sed '$d' > "$tmp/text.findings"
check "every finding line of the text output matches the matcher" \
	'[ -s "$tmp/text.findings" ] && ! grep -vE "$ere" "$tmp/text.findings" | grep -q .'
sed -n -E "s/$ere/\\1|\\2|\\3|\\4|\\6/p" "$tmp/text.findings" | LC_ALL=C sort > "$tmp/matcher.fields"
jq -r '.files[] | .path as $p | .diagnostics[] | "\($p)|\(.line)|\(.column)|\(.severity)|\(.rule)"' "$tmp/out.json" |
	LC_ALL=C sort > "$tmp/json.fields"
check "the matcher gives the JSON report's file, line, column, severity and rule" \
	'diff -u "$tmp/json.fields" "$tmp/matcher.fields"'
grep -v '^ ' "$tmp/sev.txt" | sed '$d' | sed -n -E "s/$ere/\\1|\\2|\\3|\\4|\\6/p" | LC_ALL=C sort > "$tmp/sev.matcher"
jq -r '.files[] | .path as $p | .diagnostics[] | "\($p)|\(.line)|\(.column)|\(.severity)|\(.rule)"' "$tmp/sev.json" |
	LC_ALL=C sort > "$tmp/sev.fields"
check "the matcher reads warnings and infos too" 'diff -u "$tmp/sev.fields" "$tmp/sev.matcher"'

# --- workflow and pre-commit files -----------------------------------------------

if $have_yaml; then
	cat > "$tmp/files.py" <<'EOF'
import sys
import yaml
src = sys.argv[1]
wf = yaml.safe_load(open(src + '/examples/github-workflow.yml'))
steps = [s for job in wf['jobs'].values() for s in job['steps']]
uses = [s.get('uses', '') for s in steps]
upload = [s for s in steps if s.get('uses', '').startswith('github/codeql-action/upload-sarif@')]
assert any(u.startswith('actions/checkout@') for u in uses), 'no checkout'
action = yaml.safe_load(open(src + '/action.yml'))
lint = [s for s in steps if s.get('uses', '').startswith('createjob-lint/createjob-lint@')]
assert len(lint) == 1, 'no step using the createjob-lint action'
assert set(lint[0]['with']) <= set(action['inputs']), 'inputs the action does not have'
assert lint[0]['with']['sarif'] == 'createjob-lint.sarif', 'no SARIF report'
assert len(upload) == 1 and 'always()' in upload[0].get('if', ''), 'no upload-sarif with if: always()'
assert upload[0]['with']['sarif_file'] == 'createjob-lint.sarif', 'wrong SARIF file'
assert wf['permissions']['security-events'] == 'write', 'no security-events permission'
# Key "on" is read as True by YAML 1.1 loaders such as PyYAML.
assert wf.get('on', wf.get(True)), 'no trigger'

hooks = yaml.safe_load(open(src + '/.pre-commit-hooks.yaml'))
byid = {h['id']: h for h in hooks}
assert sorted(byid) == ['createjob-lint', 'createjob-lint-system'], sorted(byid)
assert byid['createjob-lint']['entry'] == 'hooks/pre-commit', byid['createjob-lint']['entry']
assert byid['createjob-lint']['language'] == 'script'
assert byid['createjob-lint-system']['entry'] == 'createjob-lint --only-requests'
assert byid['createjob-lint-system']['language'] == 'system'
for hook in hooks:
    assert sorted(hook['types_or']) == ['json', 'yaml']
    assert 'files' in hook

cfg = yaml.safe_load(open(src + '/examples/pre-commit-config.yaml'))
ids = [h['id'] for r in cfg['repos'] for h in r['hooks']]
assert ids == ['createjob-lint'], ids
assert all('rev' in r and 'repo' in r for r in cfg['repos'])
EOF
	check "the workflow, .pre-commit-hooks.yaml and the pre-commit example parse and hold what they must" \
		'python3 "$tmp/files.py" "$SRCDIR"'
fi

finish ciformats
