#!/bin/sh
# Every input is accounted for: what a walk cannot read is an error by name, what
# is skipped is listed with its reason, configuration files are found only where
# they can be trusted, and the settings of a file never depend on the rest of the
# run. Permission cases run as nobody when the tests run as root.
# Environment: CJL (the binary), TESTDATA (the testdata folder).
set -u
. "$(dirname "$0")/lib.sh"
CHECK_SHOW=$tmp/out
valid=$TESTDATA/valid/export-revisions-to-s3.json
bad=$TESTDATA/cases/cj203-hex-md5.json
formats="text json sarif github junit"

# The permission cases need a user the permissions apply to: nobody, when root.
# Their files live in a scratch folder nobody can read, with a copy of the binary.
chmod 755 "$tmp"
pub=$tmp/pub
mkdir -p "$pub/bin"
cp "$CJL" "$pub/bin/createjob-lint"
chmod -R a+rX "$pub"
as_user() {
	if [ "$(id -u)" -eq 0 ]; then
		runuser -u nobody -- "$@"
	else
		"$@"
	fi
}
# plint DIR ARGS: lints as that user from DIR; output in $tmp/out, stderr in $tmp/err.
plint() {
	dir=$1
	shift
	(cd "$dir" && as_user "$pub/bin/createjob-lint" --color never "$@") > "$tmp/out" 2> "$tmp/err"
	rc=$?
}
lint() { # lint DIR ARGS, as the current user
	dir=$1
	shift
	(cd "$dir" && "$CJL" --color never "$@") > "$tmp/out" 2> "$tmp/err"
	rc=$?
}

# --- Paths a walk cannot read are errors by name, in every format. ----------------

mkdir -p "$pub/w/locked" "$pub/w/repo/sub" "$pub/w/repo/shut"
cp "$valid" "$pub/w/locked/job.json"
cp "$valid" "$pub/w/repo/a.json"
cp "$valid" "$pub/w/repo/secret.json"
cp "$valid" "$pub/w/repo/shut/job.json"
cp "$valid" "$pub/w/repo/z.json"
chmod -R a+rX "$pub/w"
chmod 000 "$pub/w/locked" "$pub/w/repo/secret.json" "$pub/w/repo/shut"

for f in $formats; do
	plint "$pub/w" -f "$f" locked
	check "an unreadable folder named on the command line exits 2 ($f)" '[ "$rc" -eq 2 ]'
	check "and is named with the reason ($f)" \
		'grep -q "^createjob-lint: locked: cannot read the folder: Permission denied$" "$tmp/err"'
	[ "$f" = text ] || check "and the report names it too ($f)" 'grep -q "locked" "$tmp/out"'
done
for f in $formats; do
	plint "$pub/w" -f "$f" repo/secret.json
	check "an unreadable file named on the command line exits 2 ($f)" \
		'[ "$rc" -eq 2 ] && grep -q "^createjob-lint: repo/secret.json: Permission denied$" "$tmp/err"'
done
plint "$pub/w" locked
check "the text summary counts it as not read" 'grep -q "; 1 could not be read$" "$tmp/out"'

for f in $formats; do
	plint "$pub/w" -f "$f" repo
	check "a file and a folder that cannot be read in a walk exit 2 ($f)" '[ "$rc" -eq 2 ]'
	check "and both are named, the rest linted ($f)" \
		'grep -q "^createjob-lint: repo/secret.json: Permission denied$" "$tmp/err" && grep -q "^createjob-lint: repo/shut: cannot read the folder: Permission denied$" "$tmp/err"'
done
plint "$pub/w" -f json -j 2 repo
check "walk errors come out in input order with the other files" \
	'[ "$(jq -r "[.files[].path] | join(\" \")" "$tmp/out")" = "repo/a.json repo/secret.json repo/shut repo/z.json" ]'
check "a walk error is a file entry with an error in the JSON report" \
	'jq -e "[.files[] | select(.path == \"repo/shut\")][0].error | startswith(\"cannot read the folder\")" "$tmp/out" >/dev/null'
plint "$pub/w" -f sarif repo
check "SARIF: walk errors are error notifications, and the run did not succeed" \
	'jq -e ".runs[0].invocations[0] | .executionSuccessful == false and ([.toolExecutionNotifications[] | select(.level == \"error\")] | length) == 2" "$tmp/out" >/dev/null'

# A folder that can be listed but not searched: its request files cannot be followed.
mkdir -p "$pub/w2/noexec"
cp "$valid" "$pub/w2/noexec/job.json"
chmod -R a+rX "$pub/w2"
chmod 644 "$pub/w2/noexec"
plint "$pub/w2" noexec
check "a folder that cannot be searched: its request files are errors by name" \
	'[ "$rc" -eq 2 ] && grep -q "^createjob-lint: noexec/job.json: .*Permission denied$" "$tmp/err"'
chmod -R u+rwx "$pub/w" "$pub/w2"

# Depth: a request 71 folders down is past the walk's limit of 64.
deep=$tmp/deep
d=$deep
for i in $(seq 1 71); do d=$d/d$i; done
mkdir -p "$d"
cp "$valid" "$d/job.json"
cp "$valid" "$deep/top.json"
for f in $formats; do
	lint "$tmp" -f "$f" deep
	check "a folder past the depth limit exits 2 ($f)" '[ "$rc" -eq 2 ]'
done
lint "$tmp" deep
want="deep$(for i in $(seq 1 64); do printf '/d%s' "$i"; done)"
check "and names the folder not walked, and the limit" \
	'grep -q "^createjob-lint: $want: folder nesting past the limit of 64 levels; not walked$" "$tmp/err"'
check "the files above the limit are still linted" \
	'grep -q "^2 files checked: 0 errors, 0 warnings, 0 infos; 1 could not be read$" "$tmp/out"'

# Links: a loop back to an enclosing folder, a link to nowhere, one to itself.
mkdir -p "$tmp/links/a"
cp "$valid" "$tmp/links/a/job.json"
ln -s .. "$tmp/links/a/up"
ln -s missing.json "$tmp/links/dangling.json"
ln -s self.yaml "$tmp/links/self.yaml"
ln -s round "$tmp/links/round"
ln -s nowhere "$tmp/links/README"
for f in $formats; do
	lint "$tmp" -f "$f" links
	check "link loops and broken links in a walk exit 2 ($f)" '[ "$rc" -eq 2 ]'
done
lint "$tmp" links
check "a loop back to an enclosing folder is named" \
	'grep -q "^createjob-lint: links/a/up: symbolic link loop" "$tmp/err"'
check "a link to nothing is named" \
	'grep -q "^createjob-lint: links/dangling.json: cannot follow: No such file or directory$" "$tmp/err"'
check "a link to itself is named" \
	'grep -q "^createjob-lint: links/self.yaml: cannot follow: Too many levels of symbolic links$" "$tmp/err"'
check "a loop with any name is named, as it may hide a folder" \
	'grep -q "^createjob-lint: links/round: cannot follow: Too many levels of symbolic links$" "$tmp/err"'
check "a link to nothing without a request's name holds nothing, and is passed over" \
	'! grep -q "README" "$tmp/err"'
check "the good file is linted once" 'grep -q "^5 files checked: 0 errors.*; 4 could not be read$" "$tmp/out"'

# --- Only what is clearly something else is skipped. ---------------------------------

mkdir -p "$tmp/skip/.git" "$tmp/skip/jobs"
cd "$tmp/skip/jobs" || exit 1
printf '{"type": "IMPORT_ASSETS_FROM_S3", "details": {}}\n' > lower.json
printf 'CreateJob:\n  Type: IMPORT_ASSETS_FROM_S3\n  Details: {}\n' > nested.yaml
printf '{"Tpye": "IMPORT_ASSETS_FROM_S3"}\n' > typo.json
printf '[{"TYPE": "IMPORT_ASSETS_FROM_S3"}]\n' > list.json
printf '{"DETAILS": {' > broken.json
printf '{"asset_configuration": {}}\n' > snake.json
printf '{"TYPE": "import_assets_from_s3"}\n' > shouted.json
printf '{"name": "web", "version": "1.0.0", "type": "module", "scripts": {"test": "make"}}\n' > package.json
printf '{"type": "object", "properties": {"name": {"type": "string"}}}\n' > schema.json
printf 'services:\n  web: {image: nginx}\n' > compose.yaml
cd "$tmp" || exit 1
for f in $formats; do
	lint "$tmp/skip" -f "$f" jobs
	check "broken requests in a walk are linted, not skipped ($f)" '[ "$rc" -eq 1 ]'
done
lint "$tmp/skip" jobs
for name in lower.json nested.yaml typo.json list.json broken.json snake.json shouted.json; do
	check "linted: $name" 'grep -q "^jobs/$name:[0-9]*:[0-9]*: error" "$tmp/out"'
done
check "lower-case members get the did-you-mean" \
	'grep -q "^jobs/lower.json:1:2: error: .*did you mean Type?" "$tmp/out"'
check "a near miss gets it too" 'grep -q "^jobs/typo.json:.*did you mean Type?" "$tmp/out"'
check "what is clearly something else is skipped, and counted" \
	'grep -q "^7 files checked: .*; 3 skipped (not job requests)$" "$tmp/out"'
check "the text report does not list skipped files unless asked" '! grep -q "skipped: " "$tmp/out"'
for opt in -v --show-skipped; do
	lint "$tmp/skip" "$opt" jobs
	check "$opt lists each skipped file and why, in order" \
		'[ "$(grep ": skipped: " "$tmp/out")" = "jobs/compose.yaml: skipped: not a job request
jobs/package.json: skipped: not a job request
jobs/schema.json: skipped: not a job request" ]'
done
lint "$tmp/skip" -f json jobs
check "JSON: skipped files are listed with their reason" \
	'jq -e ".skipped == [{\"path\": \"jobs/compose.yaml\", \"reason\": \"not a job request\"}, {\"path\": \"jobs/package.json\", \"reason\": \"not a job request\"}, {\"path\": \"jobs/schema.json\", \"reason\": \"not a job request\"}] and .summary.skipped == 3" "$tmp/out" >/dev/null'
lint "$tmp/skip" -f json "$valid"
check "JSON: the skipped list is there, empty, when nothing was skipped" \
	'jq -e ".skipped == []" "$tmp/out" >/dev/null'
lint "$tmp/skip" -f sarif jobs
check "SARIF: skipped files are notes among the notifications, located" \
	'jq -e "[.runs[0].invocations[0].toolExecutionNotifications[] | select(.level == \"note\") | .locations[0].physicalLocation.artifactLocation.uri] == [\"jobs/compose.yaml\", \"jobs/package.json\", \"jobs/schema.json\"]" "$tmp/out" >/dev/null'
check "SARIF: skips alone do not fail the run" \
	'jq -e ".runs[0].invocations[0].executionSuccessful == true" "$tmp/out" >/dev/null'
check "SARIF: a note says why" \
	'jq -e ".runs[0].invocations[0].toolExecutionNotifications[0].message.text == \"jobs/compose.yaml: skipped: not a job request\"" "$tmp/out" >/dev/null'

# Skip notes are valid SARIF, for GitHub too, when the validator is at hand
# (see tests/sarif.sh).
validator=${SARIF_NPM_PREFIX:+$SARIF_NPM_PREFIX/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool}
if [ -n "$validator" ] && [ -x "$validator" ]; then
	cp "$tmp/out" "$tmp/skips.sarif"
	for kind in Error Gh; do
		if [ "$kind" = Gh ]; then set -- --rule-kind Gh; else set --; fi
		"$validator" validate "$@" --level "Error;Warning" "$tmp/skips.sarif" > "$tmp/log" 2>&1
		rc=$?
		check "SARIF with skip notes passes the validator ($kind rules)" \
			'[ "$rc" -eq 0 ] && ! grep -qE ": (error|warning) " "$tmp/log"'
	done
else
	echo "note: SARIF validator not found (SARIF_NPM_PREFIX), not run"
fi

# Excluded files: listed with the config that excluded them, named in the summary.
printf 'exclude: ["drafts/**"]\n' > "$tmp/skip/jobs/.createjob-lint.yaml"
mkdir -p "$tmp/skip/jobs/drafts"
cp "$bad" "$tmp/skip/jobs/drafts/a.json"
cp "$bad" "$tmp/skip/jobs/drafts/b.json"
lint "$tmp/skip" jobs/drafts
check "the summary names the config that excluded files" \
	'[ "$rc" -eq 0 ] && grep -q "^0 files checked: .*; 2 excluded by jobs/.createjob-lint.yaml$" "$tmp/out"'
lint "$tmp/skip" -v jobs/drafts
check "--show-skipped gives the config as the reason" \
	'grep -q "^jobs/drafts/a.json: skipped: excluded by jobs/.createjob-lint.yaml$" "$tmp/out"'
lint "$tmp/skip" -f json jobs/drafts/b.json
check "JSON: an excluded file's reason names the config" \
	'jq -e ".skipped == [{\"path\": \"jobs/drafts/b.json\", \"reason\": \"excluded by jobs/.createjob-lint.yaml\"}]" "$tmp/out" >/dev/null'
lint "$tmp/skip/jobs" -f sarif drafts
check "SARIF: excluded files are notes naming the config" \
	'jq -e "[.runs[0].invocations[0].toolExecutionNotifications[].message.text] == [\"drafts/a.json: skipped: excluded by .createjob-lint.yaml\", \"drafts/b.json: skipped: excluded by .createjob-lint.yaml\"]" "$tmp/out" >/dev/null'
rm "$tmp/skip/jobs/.createjob-lint.yaml"

# --- Configuration files are found only where they can be trusted. ------------------

# A shared folder (like /tmp) above a project with no .git, holding a config that
# turns everything off.
shared=$tmp/shared
mkdir -p "$shared/proj/jobs" "$shared/proj/more"
chmod 1777 "$shared"
cp "$bad" "$shared/proj/jobs/job.json"
cp "$bad" "$shared/proj/more/job.json"
printf 'exclude: ["**"]\nrules: {CJ203: off}\n' > "$shared/.createjob-lint.yaml"
lint "$shared/proj" jobs more
check "a trusted config above applies (no .git, no home below it)" \
	'[ "$rc" -eq 0 ] && grep -q "2 excluded by" "$tmp/out"'
chmod o+w "$shared/.createjob-lint.yaml"
for f in $formats; do
	lint "$shared/proj" -f "$f" jobs more
	check "a config writable by others is ignored ($f)" \
		'[ "$rc" -eq 1 ] && grep -q "cj203\|CJ203" "$tmp/out"'
	check "with one warning naming it ($f)" \
		'[ "$(grep -c "^createjob-lint: warning: $shared/.createjob-lint.yaml is ignored: it is writable by others$" "$tmp/err")" -eq 1 ] && [ "$(wc -l < "$tmp/err")" -eq 1 ]'
done
lint "$shared/proj" -j 2 jobs/job.json more/job.json jobs/job.json
check "the warning comes once per config, not once per file or folder" \
	'[ "$(grep -c "is ignored" "$tmp/err")" -eq 1 ]'
for i in $(seq 1 40); do mkdir -p "$shared/proj/many/d$i" && cp "$bad" "$shared/proj/many/d$i/job.json"; done
lint "$shared/proj" -j 1 missing.json many jobs
cp "$tmp/err" "$tmp/err1"
lint "$shared/proj" -j 2 missing.json many jobs
check "the warning comes at the first file it concerns, in input order, whatever -j" \
	'cmp -s "$tmp/err" "$tmp/err1" && [ "$(sed -n 1p "$tmp/err")" = "createjob-lint: warning: $shared/.createjob-lint.yaml is ignored: it is writable by others" ] && grep -q "^createjob-lint: missing.json: No such file" "$tmp/err"'
lint "$shared/proj" --print-config jobs/job.json
check "--print-config says the config was ignored, and why" \
	'grep -q "^config: (none)$" "$tmp/out" && grep -q "^ignored config: .*shared/.createjob-lint.yaml is ignored: it is writable by others$" "$tmp/out"'
chmod o-w "$shared/.createjob-lint.yaml"
if [ "$(id -u)" -eq 0 ]; then
	chown nobody "$shared/.createjob-lint.yaml"
	lint "$shared/proj" jobs
	check "a config owned by another user is ignored, with a warning naming it" \
		'[ "$rc" -eq 1 ] && grep -q "^createjob-lint: warning: $shared/.createjob-lint.yaml is ignored: it is owned by another user (uid 65534)$" "$tmp/err"'
	ln -s "$shared/.createjob-lint.yaml" "$shared/proj/.createjob-lint.yaml"
	lint "$shared/proj" jobs
	check "a link to a config owned by another user is ignored too" \
		'[ "$rc" -eq 1 ] && grep -q "proj/.createjob-lint.yaml is ignored: it is owned by another user" "$tmp/err"'
	rm "$shared/proj/.createjob-lint.yaml"
	chown root "$shared/.createjob-lint.yaml"
	lint "$shared/proj" jobs
	check "a config owned by root is trusted" '[ "$rc" -eq 0 ] && [ ! -s "$tmp/err" ]'
else
	echo "note: not root, the case of a config owned by another user is not run"
fi

# Discovery stops at the user's home, and at the folder holding .git.
mkdir -p "$shared/home/proj/jobs"
cp "$bad" "$shared/home/proj/jobs/job.json"
(cd "$shared/home/proj" && HOME=$shared/home "$CJL" --color never jobs) > "$tmp/out" 2> "$tmp/err"
rc=$?
check "a config above the user's home does not apply" '[ "$rc" -eq 1 ] && grep -q "^1 file checked" "$tmp/out"'
(cd "$shared/home/proj" && HOME=/nonexistent "$CJL" --color never jobs) > "$tmp/out" 2> "$tmp/err"
rc=$?
check "(it does without that home)" '[ "$rc" -eq 0 ]'
mkdir -p "$shared/home/proj/.git"
(cd "$shared/home/proj" && HOME=/nonexistent "$CJL" --color never jobs) > "$tmp/out" 2> "$tmp/err"
rc=$?
check "a config above the repository root does not apply" '[ "$rc" -eq 1 ]'

# --- The settings of a file do not depend on the other files in the run. --------------

mkdir -p "$tmp/pure/.git" "$tmp/pure/jobs" "$tmp/pure/vendor"
printf 'rules: {CJ203: off}\n' > "$tmp/pure/vendor/.createjob-lint.yaml"
cp "$bad" "$tmp/pure/vendor/a.yaml"
ln -s ../vendor/a.yaml "$tmp/pure/jobs/a.yaml"
cp "$bad" "$tmp/pure/jobs/b.yaml"
lint "$tmp/pure" jobs/b.yaml
check "b.yaml alone has its error" '[ "$rc" -eq 1 ] && grep -q "^jobs/b.yaml:.*\[CJ203\]" "$tmp/out"'
for j in 1 2; do
	lint "$tmp/pure" -j "$j" jobs/a.yaml jobs/b.yaml
	check "after a link into vendor/, b.yaml keeps its error (-j $j)" \
		'grep -q "^jobs/b.yaml:.*\[CJ203\]" "$tmp/out"'
	check "and the link is judged by the folder it is written in (-j $j)" \
		'grep -q "^jobs/a.yaml:.*\[CJ203\]" "$tmp/out"'
	lint "$tmp/pure" -j "$j" jobs/b.yaml jobs/a.yaml
	check "the other order gives the same (-j $j)" \
		'[ "$(grep -c "\[CJ203\]" "$tmp/out")" -eq 2 ]'
done
lint "$tmp/pure" vendor/a.yaml jobs/b.yaml
check "the file in vendor/ has vendor's settings, and b.yaml its own" \
	'! grep -q "^vendor/a.yaml" "$tmp/out" && grep -q "^jobs/b.yaml:.*\[CJ203\]" "$tmp/out"'
printf 'exclude: ["a.yaml"]\n' > "$tmp/pure/jobs/.createjob-lint.yaml"
lint "$tmp/pure" jobs/a.yaml
check "globs match a link by its own name in its folder" \
	'[ "$rc" -eq 0 ] && grep -q "1 excluded by jobs/.createjob-lint.yaml" "$tmp/out"'
rm "$tmp/pure/jobs/.createjob-lint.yaml"

# --- Walks do not follow links out of the walked folder. ----------------------------

mkdir -p "$tmp/out-links/repo/jobs" "$tmp/out-links/elsewhere"
printf 'SECRET_TOKEN=hunter2\n' > "$tmp/out-links/secret.env"
printf '{"Type": "SECRET_TOKEN_hunter2"}\n' > "$tmp/out-links/elsewhere/job.json"
ln -s ../../secret.env "$tmp/out-links/repo/jobs/leak.json"
ln -s ../../elsewhere "$tmp/out-links/repo/jobs/dir"
ln -s /proc/self/environ "$tmp/out-links/repo/environ.yaml"
cp "$valid" "$tmp/out-links/repo/jobs/ok.json"
ln -s ok.json "$tmp/out-links/repo/jobs/same.json"
for f in $formats; do
	lint "$tmp/out-links" -f "$f" --all-files repo
	check "links out of the walked folder are not read ($f)" \
		'[ "$rc" -eq 0 ] && ! grep -q "hunter2" "$tmp/out" && ! grep -q "hunter2" "$tmp/err"'
done
lint "$tmp/out-links" --all-files -v repo
check "they are listed as skipped, with the reason" \
	'[ "$(grep ": skipped: " "$tmp/out")" = "repo/environ.yaml: skipped: symbolic link outside the walked folder
repo/jobs/dir: skipped: symbolic link outside the walked folder
repo/jobs/leak.json: skipped: symbolic link outside the walked folder" ]'
check "a link inside the walked folder is followed" \
	'grep -q "^2 files checked: .*; 3 skipped (symbolic links outside the walked folder)$" "$tmp/out"'
lint "$tmp/out-links" -f json repo
check "JSON: they are in the skipped list" \
	'jq -e "[.skipped[].reason] == [\"symbolic link outside the walked folder\", \"symbolic link outside the walked folder\", \"symbolic link outside the walked folder\"]" "$tmp/out" >/dev/null'
lint "$tmp/out-links" repo/jobs/leak.json
check "a link named on the command line is followed" '[ "$rc" -eq 1 ] && grep -q "^repo/jobs/leak.json:1:1: error" "$tmp/out"'
ln -s elsewhere "$tmp/out-links/named"
lint "$tmp/out-links" named
check "a named link to a folder is walked" '[ "$rc" -eq 1 ] && grep -q "^named/job.json:" "$tmp/out"'

chmod -R u+rwx "$tmp"
finish failclosed
