#!/bin/sh
# Rule ids and message variants are enum constants (src/rule_ids.h, made by
# gen-rules --ids from rules/catalog.yaml): the committed files match the catalog,
# a misspelt rule or variant does not compile, and a --rules catalog that lacks a
# built-in rule or variant is refused, named, instead of printing a variant's name.
# Environment: CJL, SRCDIR, GEN_RULES (the built gen-rules), CC.
set -u
. "$(dirname "$0")/lib.sh"
SRCDIR=${SRCDIR:-$here/..}
GEN_RULES=${GEN_RULES:-$here/../gen-rules}
CC=${CC:-cc}

# --- The committed enums are those of the catalog. --------------------------------
"$GEN_RULES" --ids "$SRCDIR"/rules/catalog.yaml "$tmp"/rule_ids.h "$tmp"/rule_ids.c
check "gen-rules --ids runs" '[ $? -eq 0 ]'
check "src/rule_ids.h is up to date with rules/catalog.yaml (make rule-ids)" \
	'cmp -s "$tmp"/rule_ids.h "$SRCDIR"/src/rule_ids.h'
check "src/rule_ids.c is up to date with rules/catalog.yaml (make rule-ids)" \
	'cmp -s "$tmp"/rule_ids.c "$SRCDIR"/src/rule_ids.c'

# --- A check names what it reports at compile time. --------------------------------
# compiles MSG: 0 when a call reporting MSG builds against the headers.
compiles() {
	cat > "$tmp"/snippet.c <<SNIPPET
#include "diag.h"
void report(struct diag_list *list);
void report(struct diag_list *list)
{
	diag_add(list, $1, 0, 1, "", DIAG_ARGS({ "what", "x" }, { "first", "0" }));
	(void)RULE_CJ213;
}
SNIPPET
	"$CC" -std=c11 -fsyntax-only -I"$SRCDIR"/src "$tmp"/snippet.c > "$tmp"/cc.out 2>&1
}
check "a real rule and variant compile" 'compiles CJ213_DEFAULT'
check "a misspelt rule id does not compile" '! compiles CJ999_DEFAULT'
check "a misspelt variant does not compile" '! compiles CJ213_DEFALT'
sed -i 's/RULE_CJ213/RULE_CJ999/' "$tmp"/snippet.c
check "a rule constant that does not exist does not compile" \
	'! "$CC" -std=c11 -fsyntax-only -I"$SRCDIR"/src "$tmp"/snippet.c > "$tmp"/cc.out 2>&1'

# --- A --rules catalog is bound to the enums once, when it is loaded. -------------
mkdir "$tmp"/rules
cp "$SRCDIR"/rules/shape.yaml "$tmp"/rules/
grep -v '^      json-comment:' "$SRCDIR"/rules/catalog.yaml > "$tmp"/rules/catalog.yaml
printf '{}\n' > "$tmp"/in.json
"$CJL" --color never --rules "$tmp"/rules "$tmp"/in.json > "$tmp"/out 2>&1
rc=$?
CHECK_SHOW=$tmp/out
check "a --rules catalog without a built-in variant is refused (exit 2, not $rc)" '[ "$rc" -eq 2 ]'
check "the refusal names the file, the rule and the variant" \
	'grep -q "catalog.yaml: rule CJ001 has no message .json-comment." "$tmp"/out'
awk '/^  - id: CJ213$/ { skip = 1; next } /^  - id: / { skip = 0 } !skip' \
	"$SRCDIR"/rules/catalog.yaml > "$tmp"/rules/catalog.yaml
"$CJL" --color never --rules "$tmp"/rules "$tmp"/in.json > "$tmp"/out 2>&1
rc=$?
check "a --rules catalog without a built-in rule is refused (exit 2, not $rc)" '[ "$rc" -eq 2 ]'
check "the refusal names the missing rule" 'grep -q "catalog.yaml: rule CJ213 is missing" "$tmp"/out'
# Order is free: the rules reversed still give the results of the built-in catalog.
awk '/^rules:/ { print; body = 1; next } !body { print; next }
     /^  - id: / { n++ } { rule[n] = rule[n] $0 "\n" }
     END { for (i = n; i >= 1; i--) printf "%s", rule[i] }' \
	"$SRCDIR"/rules/catalog.yaml > "$tmp"/rules/catalog.yaml
a=$(cd "$TESTDATA" && "$CJL" --color never cases 2>&1)
b=$(cd "$TESTDATA" && "$CJL" --color never --rules "$tmp"/rules cases 2>&1)
CHECK_SHOW=
check "a --rules catalog in another order gives the same findings" '[ "$a" = "$b" ]'

finish ruleids
