#!/bin/sh
# --print-request FILE: the request the AWS CLI would send, as canonical JSON. YAML
# typing, merge keys and aliases, duplicate keys, ApiKey masking, exit statuses,
# hostile strings, and (with the AWS CLI v2's Python modules) a differential check
# against the CLI's own loader over testdata/valid, testdata/cases and the files
# written here.
set -u
. "$(dirname "$0")/lib.sh"

# pr FILE [OPTION...]: stdout to $tmp/out, stderr to $tmp/err, status to $rc.
pr() {
	f=$1
	shift
	"$CJL" --print-request "$f" "$@" >"$tmp/out" 2>"$tmp/err"
	rc=$?
}

# same NAME: the output equals $tmp/want byte for byte.
same() { cmp -s "$tmp/out" "$tmp/want"; }

mkdir "$tmp/in"
cd "$tmp/in" || exit 1

# --- YAML typing, as the AWS CLI's ruamel.yaml constructs plain scalars.
cat >typed.yaml <<'EOF'
A: 0123
B: 2024-06-30
C: yes
D: ~
E: 1e3
F: 0x1F
G: .inf
H: "0123"
I: 2024-06-30T10:00:00+02:00
J: -.inf
K: .nan
L: 1_000
M: 0o17
N: 0b101
O: 123456789012345678901234567890
P: True
Q: null
R: 1.5e-7
S: 12e20
T: -0
U: 2001-12-14t21:59:43.1234567-05:00
V: !!str 12
W: 017
EOF
cat >"$tmp/want" <<'EOF'
{
  "A": 123,
  "B": "2024-06-30",
  "C": "yes",
  "D": null,
  "E": 1000.0,
  "F": 31,
  "G": "inf",
  "H": "0123",
  "I": "2024-06-30 08:00:00",
  "J": "-inf",
  "K": "nan",
  "L": 1000,
  "M": 15,
  "N": 5,
  "O": 123456789012345678901234567890,
  "P": true,
  "Q": null,
  "R": 1.5e-07,
  "S": 1.2e+21,
  "T": 0,
  "U": "2001-12-15 02:59:43.123457",
  "V": "12",
  "W": 17
}
EOF
pr typed.yaml
check "typed YAML scalars become what the CLI reads (exit 0)" '[ "$rc" -eq 0 ] && same'
check "a date is noted on stderr with its line and column" \
	'grep -q "typed.yaml:2:4: the AWS CLI reads a date here" "$tmp/err"'
check "an infinite float is noted on stderr" 'grep -q "typed.yaml:7:4: .*infinite float" "$tmp/err"'

printf '%%YAML 1.1\n---\nA: 017\nB: yes\nC: 1:20\nD: off\nE: 0o17\n' >y11.yaml
printf '{\n  "A": 15,\n  "B": true,\n  "C": 80,\n  "D": false,\n  "E": "0o17"\n}\n' >"$tmp/want"
pr y11.yaml
check "a %YAML 1.1 directive switches to the 1.1 rules" '[ "$rc" -eq 0 ] && same'

# Explicit tags, and keys that are not strings (written as the text of their value).
printf 'A: !!float 1\nB: !!int "0x1F"\nC: !!bool yes\nD: !!null x\nE: !!timestamp 2020-01-01\nF: !!binary aGVsbG8=\nG: !!str 0x1F\nDetails: {1: a, 1.5: b, ~: c, 2024-01-01: d, false: e, 1e400: f}\n' >tagged.yaml
cat >"$tmp/want" <<'EOF'
{
  "A": 1.0,
  "B": 31,
  "C": true,
  "D": null,
  "E": "2020-01-01",
  "F": "b'hello'",
  "G": "0x1F",
  "Details": {
    "1": "a",
    "1.5": "b",
    "null": "c",
    "2024-01-01": "d",
    "false": "e",
    "inf": "f"
  }
}
EOF
pr tagged.yaml
check "explicit tags are constructed; keys that are not strings become their text" \
	'[ "$rc" -eq 0 ] && same'

# --- Merge keys and aliases.
cat >merge.yaml <<'EOF'
base: &b {Bucket: one, Key: k}
list: &l [x, y]
Details:
  m:
    <<: *b
    Bucket: two
  n: *l
  o: {<<: [*b, {Extra: 1}]}
EOF
cat >"$tmp/want" <<'EOF'
{
  "base": {
    "Bucket": "one",
    "Key": "k"
  },
  "list": [
    "x",
    "y"
  ],
  "Details": {
    "m": {
      "Bucket": "two",
      "Key": "k"
    },
    "n": [
      "x",
      "y"
    ],
    "o": {
      "Bucket": "one",
      "Key": "k",
      "Extra": 1
    }
  }
}
EOF
pr merge.yaml
check "merge keys: explicit keys win, then the merged mappings; aliases expanded" \
	'[ "$rc" -eq 0 ] && same'

# --- Duplicate keys: JSON keeps the last in the place of the first; YAML is refused.
printf '{"Type": "A", "Details": {}, "Type": "B"}\n' >dup.json
printf '{\n  "Type": "B",\n  "Details": {}\n}\n' >"$tmp/want"
pr dup.json
check "JSON duplicate keys: the last value wins" '[ "$rc" -eq 0 ] && same'
printf 'Type: A\nDetails:\n  X: 1\n  X: 2\n' >dup.yaml
pr dup.yaml
check "YAML duplicate keys: exit 2, nothing printed, a message with file, line, column and the first line" \
	'[ "$rc" -eq 2 ] && [ ! -s "$tmp/out" ] && grep -q "dup.yaml:4:3: .*given twice.*first on line 3.*refuses" "$tmp/err"'
printf 'Details:\n  1: a\n  true: b\n' >dup-bool.yaml
pr dup-bool.yaml
check "YAML keys 1 and true are one key to the CLI" '[ "$rc" -eq 2 ] && grep -q ":3:3:" "$tmp/err"'

# --- ApiKey: masked unless --show-secrets.
secret=Zx9secretApiKeyValue0123456789abcdef
cat >api.yaml <<EOF
Type: IMPORT_ASSET_FROM_API_GATEWAY_API
anchor: &k $secret
Details:
  ImportAssetFromApiGatewayApi:
    ApiKey: *k
    ApiId: abc
  Other:
    apikey: $secret
EOF
pr api.yaml
check "ApiKey is masked, also where its anchor and a misspelt name hold it" \
	'[ "$rc" -eq 0 ] && ! grep -q "$secret" "$tmp/out" && grep -q "\"ApiId\": \"abc\"" "$tmp/out" && [ "$(grep -c "\"\\*\\*\\*\\*\\*\\*\\*\\*\"" "$tmp/out")" -eq 3 ]'
pr api.yaml --show-secrets
check "--show-secrets shows ApiKey as it is" \
	'[ "$rc" -eq 0 ] && grep -q "\"ApiKey\": \"$secret\"" "$tmp/out"'
printf '{"Details": {"ImportAssetFromApiGatewayApi": {"ApiKey": 123456}}}\n' >api-int.json
pr api-int.json
check "a secret that is not a string is masked too" \
	'[ "$rc" -eq 0 ] && grep -q "\"ApiKey\": \"\\*\\*\\*\\*\\*\\*\\*\\*\"" "$tmp/out" && ! grep -q 123456 "$tmp/out"'
"$CJL" --show-secrets typed.yaml >"$tmp/out" 2>"$tmp/err"
rc=$?
check "--show-secrets alone is a usage error" '[ "$rc" -eq 2 ] && grep -q "only to --print-request" "$tmp/err"'

# --- Exit statuses and standard input.
printf '{"Type": "A",\n  "Details": {,}}\n' >broken.json
pr broken.json
check "a file that does not load: exit 2, file:line:column on stderr, nothing on stdout" \
	'[ "$rc" -eq 2 ] && [ ! -s "$tmp/out" ] && grep -q "broken.json:2:15: .*\[CJ001\]" "$tmp/err"'
pr missing.json
check "a missing file: exit 2 naming it" '[ "$rc" -eq 2 ] && grep -q "missing.json" "$tmp/err"'
printf -- '- a\n- b\n' >list.yaml
pr list.yaml
check "a top level that is not a mapping: exit 2" \
	'[ "$rc" -eq 2 ] && grep -q "list.yaml:1:1: the document is a list" "$tmp/err"'
printf 'a: 1\n---\nb: 2\n' >two.yaml
pr two.yaml
check "two YAML documents: exit 2" '[ "$rc" -eq 2 ] && grep -q "two.yaml:2:1" "$tmp/err"'
printf '\357\273\277{"Type": "A"}\n' >bom.json
pr bom.json
check "a JSON byte-order mark (the CLI refuses it): exit 2" '[ "$rc" -eq 2 ] && grep -q CJ002 "$tmp/err"'
printf 'Type: A\nX: !!int abc\n' >badint.yaml
pr badint.yaml
check "a value the CLI cannot construct: exit 2 with its place" '[ "$rc" -eq 2 ] && grep -q "badint.yaml:2:4:" "$tmp/err"'
printf 'A: 0123\n' | "$CJL" --print-request - --input-format yaml >"$tmp/out" 2>"$tmp/err"
rc=$?
check "standard input with --input-format yaml" '[ "$rc" -eq 0 ] && grep -q "\"A\": 123" "$tmp/out"'
printf 'A: 0123\n' | "$CJL" --print-request - --stdin-filename job.yaml >"$tmp/out" 2>&1
check "standard input takes its format from --stdin-filename" 'grep -q "\"A\": 123" "$tmp/out"'
printf 'A: [\n' | "$CJL" --print-request - --stdin-filename in.yaml >"$tmp/out" 2>"$tmp/err"
rc=$?
check "standard input that does not load: exit 2 naming --stdin-filename" \
	'[ "$rc" -eq 2 ] && grep -q "^createjob-lint: in.yaml:2:1:" "$tmp/err"'
pr typed.yaml typed.yaml
check "--print-request with inputs to lint is a usage error" '[ "$rc" -eq 2 ] && [ ! -s "$tmp/out" ] && grep -q "lints nothing else" "$tmp/err"'

# --- Hostile strings: the output stays valid JSON, and safe on a terminal.
printf 'A: "nul\\0 bell\\a esc\\e[31m del\\x7f c1\\x85 bidi\\u202e \\"q\\" \\\\ ##[cmd"\nB: "\\t\\n\\r"\n' >hostile.yaml
pr hostile.yaml
cat >"$tmp/want" <<'EOF'
{
  "A": "nul\u0000 bell\u0007 esc\u001b[31m del\u007f c1\u0085 bidi\u202e \"q\" \\ ##\u005bcmd",
  "B": "\t\n\r"
}
EOF
check "control, C1 and bidi characters and ##[ are JSON escapes, no raw control byte" \
	'[ "$rc" -eq 0 ] && same && ! LC_ALL=C grep -q "$(printf "[\001-\010\016-\037\177]")" "$tmp/out"'
printf '{"A": "\\ud800x", "\\udc00": "\\u0000"}\n' >surrogate.json
pr surrogate.json
printf '{\n  "A": "\\ud800x",\n  "\\udc00": "\\u0000"\n}\n' >"$tmp/want"
check "a JSON lone surrogate is kept as its escape" '[ "$rc" -eq 0 ] && same'
printf '{"A": "caf\351"}\n' >latin1.json
pr latin1.json
check "invalid UTF-8 (the CLI cannot decode it): exit 2 with line and column" \
	'[ "$rc" -eq 2 ] && [ ! -s "$tmp/out" ] && grep -q "latin1.json:1:11: .*0xE9" "$tmp/err"'

# --- An alias bomb stays within --max-nodes.
printf 'a: &a [x, x, x, x, x, x, x, x, x, x]\n' >bomb.yaml
prev=a
for i in b c d e f g h; do
	printf '%s: &%s [*%s, *%s, *%s, *%s, *%s, *%s, *%s, *%s, *%s, *%s]\n' "$i" "$i" \
		$prev $prev $prev $prev $prev $prev $prev $prev $prev $prev >>bomb.yaml
	prev=$i
done
pr bomb.yaml
check "an alias bomb is refused at --max-nodes, not expanded" \
	'[ "$rc" -eq 2 ] && [ ! -s "$tmp/out" ] && grep -q "see --max-nodes" "$tmp/err"'

# --- The AWS CLI's own loader agrees, over the test data and the files above.
if find_cli_python; then
	"$python" "$here/printrequest.py" --cjl "$CJL" "$TESTDATA/valid" "$TESTDATA/cases" \
		"$tmp/in" >"$tmp/diff" 2>&1
	rc=$?
	CHECK_SHOW=$tmp/diff check "--print-request equals what the AWS CLI's loader makes of each file" \
		'[ "$rc" -eq 0 ]'
	grep '^printrequest-cli:' "$tmp/diff"
else
	missing "$cli_python_missing"
fi

finish printrequest
