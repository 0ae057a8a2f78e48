#!/bin/sh
# The Neovim set-up in examples/editors/nvim, run for real in a headless Neovim:
# buffers opened from files with findings (one with non-ASCII text before a
# finding on the same line) get vim.diagnostic entries with the rule ids, messages
# and severities the linter reports, at its positions converted to 0-based lines
# and byte columns (checked against the byte offsets of the JSON report, and
# against positions counted by hand), both from the autocommand and from a
# synchronous lint.
# Environment: CJL (the binary), TESTDATA, SRCDIR. Needs nvim and jq.
set -u
. "$(dirname "$0")/lib.sh"
SRCDIR=${SRCDIR:-$here/..}
if ! command -v nvim >/dev/null 2>&1; then
	skip neovim "nvim is not installed (apt-get install neovim)"
fi
if ! command -v jq >/dev/null 2>&1; then
	skip neovim "jq is not installed (apt-get install jq)"
fi
echo "$(nvim --version | head -n 1)"

# The buffers (tests/nvim-buffers.sh).
. "$here/nvim-buffers.sh"
nvim_buffers "$tmp/jobs"

cat > "$tmp/run.lua" <<'EOF'
-- Opens each file, waits for the autocommand's diagnostics, then lints again
-- synchronously; writes both sets as JSON lines.
local cjl = dofile(os.getenv('CJL_LUA'))
cjl.setup({ cmd = os.getenv('CJL') })
local function dump(out, how, path, buf)
  for _, d in ipairs(vim.diagnostic.get(buf, { namespace = cjl.namespace })) do
    out:write(vim.json.encode({
      how = how, file = path, lnum = d.lnum, col = d.col, end_lnum = d.end_lnum,
      end_col = d.end_col, severity = d.severity, message = d.message, code = d.code,
      source = d.source,
    }), '\n')
  end
end
local function run()
  local out = assert(io.open(os.getenv('OUT'), 'w'))
  for path in string.gmatch(os.getenv('FILES'), '%S+') do
    vim.cmd('edit ' .. vim.fn.fnameescape(path))
    local buf = vim.api.nvim_get_current_buf()
    -- The BufReadPost autocommand lints in the background.
    vim.wait(10000, function()
      return #vim.diagnostic.get(buf, { namespace = cjl.namespace }) > 0
    end, 20)
    dump(out, 'autocmd', path, buf)
    vim.diagnostic.reset(cjl.namespace, buf)
    assert(cjl.lint(buf, { sync = true }), 'the synchronous lint did not finish')
    dump(out, 'sync', path, buf)
  end
  out:close()
end
EOF

nvim_run "$SRCDIR/examples/editors/nvim/createjob-lint.lua" "$tmp/run.lua" -u NONE
check "headless Neovim ran the set-up and exited 0" '[ "$rc" -eq 0 ]'
[ "$rc" -eq 0 ] || cat "$tmp/nvim.out"

# What the linter reports, with byte columns from its byte offsets: the offset
# minus the byte offset where the line starts (awk counts bytes in the C locale).
: > "$tmp/expected.jsonl"
for f in $files; do
	LC_ALL=C awk 'BEGIN { o = 0 } { printf "%d %d\n", NR, o; o += length($0) + 1 } END { printf "%d %d\n", NR + 1, o }' \
		"$f" | jq -R -s '[split("\n")[] | select(length > 0) | split(" ") | {key: .[0], value: (.[1] | tonumber)}] | from_entries' \
		> "$tmp/starts.json"
	"$CJL" --format json --only-requests "$f" |
		jq -c --arg f "$f" --slurpfile s "$tmp/starts.json" '.files[].diagnostics[] |
			{file: $f, lnum: (.line - 1), col: (.offset - $s[0][.line|tostring]),
			 end_lnum: (.endLine - 1), end_col: (.endOffset - $s[0][.endLine|tostring]),
			 severity: ({"error": 1, "warning": 2, "info": 3}[.severity]), message: .message,
			 code: .rule, source: "createjob-lint"}' >> "$tmp/expected.jsonl"
done
for how in autocmd sync; do
	jq -c --arg how "$how" 'select(.how == $how) | del(.how)' "$tmp/nvim.jsonl" | jq -s -S 'sort_by(.file, .lnum, .col, .code)' > "$tmp/got-$how.json"
	jq -s -S 'sort_by(.file, .lnum, .col, .code)' "$tmp/expected.jsonl" > "$tmp/want.json"
	check "diagnostics from the $how lint equal the linter's findings (rule, message, severity, byte positions)" \
		'diff -u "$tmp/want.json" "$tmp/got-$how.json"'
done
check "the files give findings to compare" '[ "$(jq length "$tmp/want.json")" -ge 6 ]'
# The positions, written by hand from the files (tests/nvim-buffers.sh).
nvim_positions "$tmp/positions.want"
for how in autocmd sync; do
	jq -r '.[] | "\(.file) \(.code) \(.lnum):\(.col)-\(.end_lnum):\(.end_col) \(.severity)"' "$tmp/got-$how.json" |
		LC_ALL=C sort > "$tmp/positions.$how"
	check "the $how lint puts each diagnostic at the hand-counted line and byte columns" \
		'diff -u "$tmp/positions.want" "$tmp/positions.$how"'
done
check "a byte column differs from the code point column (non-ASCII before the finding)" \
	'jq -e "[.[] | select(.file == \"unicode-flow.yaml\" and .code == \"CJ105\" and .lnum == 2 and .col == 94)] | length == 1" "$tmp/got-sync.json" >/dev/null'
check "the file that is not a job request has no diagnostics" \
	'! grep -q "package.json" "$tmp/nvim.jsonl"'
check "--stdin-filename names standard input in the report" \
	'"$CJL" --format json --stdin-filename jobs/x.yaml - < unicode-flow.yaml | jq -e ".files[0].path == \"jobs/x.yaml\" and .files[0].format == \"yaml\"" >/dev/null'

finish neovim
