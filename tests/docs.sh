#!/bin/sh
# The documentation agrees with the program: the README's quick start says how
# its last command ends and it does end so, and the man page and --help list
# the same options.
# Environment: CJL, SRCDIR, MANPAGE.
set -u
. "$(dirname "$0")/lib.sh"
SRCDIR=${SRCDIR:-$here/..}
MANPAGE=${MANPAGE:-$here/../man/createjob-lint.1}

# --- the quick start -------------------------------------------------------------
quick=$(awk '/^## Quick start/ { on = 1; next } /^## / { on = 0 } on' "$SRCDIR/README.md")
last=$(printf '%s\n' "$quick" | grep -m1 'createjob-lint examples/' | sed 's/.*&& *//')
check "the quick start ends by linting the examples" '[ "$last" = "./createjob-lint examples/" ]'
(cd "$SRCDIR" && "$CJL" --color never examples/) > "$tmp/quick.out" 2>&1
rc=$?
said=$(printf '%s\n' "$quick" | sed -n 's/.*exit status \([0-9]\) on purpose.*/\1/p' | head -n 1)
check "the quick start says its command ends with exit status $rc on purpose" '[ -n "$said" ] && [ "$said" = "$rc" ]'
check "and why: the example that has findings" \
	'printf "%s\n" "$quick" | grep -q "import-signed-url.yaml" && grep -q "^examples/jobs/import-signed-url.yaml:" "$tmp/quick.out"'

# --- options: --help and the man page list the same ------------------------------
# The option lines of --help ("  -f, --format=..." and "      --color=..."), and the
# .TP tags of the man page's OPTIONS section.
"$CJL" --help | sed -n -E 's/^  (-[a-zA-Z], |    )--([a-z][a-z-]*).*/\2/p' | LC_ALL=C sort -u > "$tmp/help.opts"
sed -n '/^\.SH OPTIONS/,/^\.SH /p' "$SRCDIR/man/createjob-lint.1.in" | sed -n '/^\.TP/{n;p;}' |
	sed -n -E 's/.*\\-\\-([a-z][a-z\\-]*[a-z]).*/\1/p' | sed 's/\\-/-/g' | LC_ALL=C sort -u > "$tmp/man.opts"
check "--help lists options" '[ "$(wc -l < "$tmp/help.opts")" -gt 20 ]'
check "the man page documents every option --help lists, and no other" 'diff -u "$tmp/help.opts" "$tmp/man.opts"'
# And both name only options the program accepts: each is known to the parser.
unknown=
for opt in $(cat "$tmp/help.opts"); do
	"$CJL" "--$opt" --help > /dev/null 2> "$tmp/opt.err"
	grep -q "unknown option" "$tmp/opt.err" && unknown="$unknown $opt"
done
check "every documented option is one the program accepts ($unknown)" '[ -z "$unknown" ]'

# --- SARIF rule help ---------------------------------------------------------------
# GitHub code scanning shows a rule's help beside each alert: the text is what
# --explain prints, the Markdown holds the same explanation and its examples.
"$CJL" -f sarif="$tmp/help.sarif" "$SRCDIR/examples/jobs" >/dev/null 2>&1
ids=$("$CJL" --list-rules -f json 2>/dev/null | jq -r '.[].id' 2>/dev/null)
[ -n "$ids" ] || ids=$("$CJL" --list-rules | sed -n 's/^\(CJ[0-9][0-9][0-9]\) .*/\1/p')
same=0 differ=0
for id in $ids; do
	"$CJL" --explain "$id" > "$tmp/explain.txt"
	jq -j --arg id "$id" '.runs[0].tool.driver.rules[] | select(.id == $id) | .help.text' "$tmp/help.sarif" > "$tmp/help.txt"
	if cmp -s "$tmp/explain.txt" "$tmp/help.txt"; then same=$((same + 1)); else differ=$((differ + 1)); fi
done
check "SARIF help.text of every rule is its --explain text ($differ differ)" '[ "$same" -gt 40 ] && [ "$differ" -eq 0 ]'
cat > "$tmp/markdown.jq" <<'EOF'
.runs[0].tool.driver.rules as $rules
| ($rules | length > 40)
  and ($rules | all(.[]; .id as $id | .shortDescription.text as $summary
        | .help.markdown | startswith("**" + $id) and contains($summary)))
  and ($rules | map(select(.id == "CJ203"))[0].help.markdown
        | contains("```json\n") and contains("sZRqySSS0jR8YjW00mERhA=="))
EOF
check "SARIF help.markdown names the rule and shows the examples in fenced blocks" \
	'jq -e -f "$tmp/markdown.jq" "$tmp/help.sarif" >/dev/null'

# --- --explain cites public documents ------------------------------------------------
for id in $ids; do "$CJL" --explain "$id"; done > "$tmp/explain.all"
check "no rule text refers to a document that is not public (REFERENCE)" \
	'! grep -q "REFERENCE" "$tmp/explain.all" && ! grep -q "REFERENCE" "$MANPAGE" && ! grep -q "REFERENCE" "$tmp/help.sarif"'
uncited=
for id in $ids; do
	case $id in CJ1*|CJ2*) ;; *) continue ;; esac
	"$CJL" --explain "$id" | sed -n '/^Sources:$/,$p' | grep -qE "^    [^ ].* <https://[^ >]+>$" || uncited="$uncited $id"
done
check "every request-shape and semantic rule cites a public source ($uncited)" '[ -z "$uncited" ]'
check "--explain quota cites the AWS Data Exchange quotas page by title and address" \
	'"$CJL" --explain CJ214 | grep -qx "    AWS Data Exchange User Guide: AWS Data Exchange quotas <https://docs.aws.amazon.com/data-exchange/latest/userguide/limits.html>"'
check "SARIF help cites the sources as Markdown links" \
	'jq -e ".runs[0].tool.driver.rules[] | select(.id == \"CJ205\") | .help.markdown | contains(\"- [Amazon S3 User Guide: General purpose bucket naming rules](https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html)\")" "$tmp/help.sarif" >/dev/null'
check "the man page lists the sources" 'grep -q "^Sources:" "$MANPAGE" && grep -q "bucketnamingrules.html" "$MANPAGE"'
check "CJ001 is proofread" '"$CJL" --explain CJ001 | tr "\n" " " | grep -q "a file that does not parse is rejected" && ! grep -q "either cannot parse" "$tmp/explain.all"'
# A malformed source in a catalog given with --rules is refused, with its position.
mkdir "$tmp/rules"
cp "$SRCDIR/rules/shape.yaml" "$tmp/rules/"
sed '0,/^      - "AWS CLI User Guide/s//      - "no address here"\n&/' "$SRCDIR/rules/catalog.yaml" > "$tmp/rules/catalog.yaml"
"$CJL" --rules "$tmp/rules" --list-rules > /dev/null 2> "$tmp/rules.err"
check "a source without a title and https address is refused with its position" \
	'[ $? -eq 2 ] && grep -qE "catalog.yaml:[0-9]+:[0-9]+: .*Title <https://address>" "$tmp/rules.err"'

finish docs
