#!/bin/sh
# createjob-lint --lsp with a real client: headless Neovim's built-in LSP client,
# set up by examples/editors/nvim/createjob-lint-lsp.lua. It opens request files,
# waits for the diagnostics and checks their ranges (hand-counted byte columns,
# after non-ASCII text on the line too), edits a buffer and sees the diagnostics
# follow, asks for hover and completion, and applies a code action's edit.
# Environment: CJL (the binary), TESTDATA, SRCDIR. Needs nvim and jq.
set -u
. "$(dirname "$0")/lib.sh"
SRCDIR=$(cd "${SRCDIR:-$here/..}" && pwd)
TESTDATA=$(cd "$TESTDATA" && pwd)
if ! command -v nvim >/dev/null 2>&1; then
	skip lsp-nvim "nvim is not installed (apt-get install neovim)"
fi
if ! command -v jq >/dev/null 2>&1; then
	skip lsp-nvim "jq is not installed (apt-get install jq)"
fi
echo "$(nvim --version | head -n 1)"

. "$here/nvim-buffers.sh"
nvim_buffers "$tmp/jobs"
# A request whose one finding is a hex MD5 digest (CJ203), for the quick fix.
cat > "$tmp/jobs/md5.yaml" <<'YAML'
# One mistake: the digest is hex, the service wants base64.
Type: IMPORT_ASSET_FROM_SIGNED_URL
Details:
  ImportAssetFromSignedUrl:
    AssetName: prices.csv
    Md5Hash: b1946ac92492d2347c6235b4d2611184
    DataSetId: 6c1f2e0d8a3b4c5d9e7f0a1b2c3d4e5f
    RevisionId: 1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d
YAML
cp "$tmp/jobs/md5.yaml" "$tmp/md5.orig.yaml"

cat > "$tmp/run.lua" <<'LUA'
-- Writes JSON lines: each buffer's diagnostics, then what the edit, hover,
-- completion and code action steps saw.
local lsp = dofile(os.getenv('CJL_LUA'))
local out = assert(io.open(os.getenv('OUT'), 'w'))
local function emit(t) out:write(vim.json.encode(t), '\n') end
local function diags(buf) return vim.diagnostic.get(buf) end
local function dump(step, path, buf)
  for _, d in ipairs(diags(buf)) do
    emit({ step = step, file = path, lnum = d.lnum, col = d.col, end_lnum = d.end_lnum,
           end_col = d.end_col, code = d.code, severity = d.severity })
  end
end
local function request(buf, method, params)
  local answers = vim.lsp.buf_request_sync(buf, method, params, 10000) or {}
  for _, a in pairs(answers) do if a.result then return a.result end end
end
local function text_params(buf, line, col)
  return { textDocument = { uri = vim.uri_from_bufnr(buf) },
           position = { line = line, character = col } }
end

local function run()
  local bufs = {}
  for path in string.gmatch(os.getenv('FILES'), '%S+') do
    vim.cmd('edit ' .. vim.fn.fnameescape(path))
    local buf = vim.api.nvim_get_current_buf()
    bufs[path] = buf
    assert(lsp.attach(buf, os.getenv('CJL')), 'the client did not start')
    if path ~= 'package.json' then
      assert(vim.wait(10000, function() return #diags(buf) > 0 end, 20), 'no diagnostics for ' .. path)
    else
      vim.wait(500)
    end
    dump('open', path, buf)
  end

  -- Edit several.yaml: mend the misspelt DatasetId (line 7, 0-based 6).
  local buf = bufs['several.yaml']
  vim.api.nvim_set_current_buf(buf)
  vim.api.nvim_buf_set_text(buf, 6, 4, 6, 13, { 'DataSetId' })
  assert(vim.wait(10000, function()
    for _, d in ipairs(diags(buf)) do if d.code == 'CJ102' then return false end end
    return true
  end, 20), 'the diagnostics did not follow the edit')
  dump('edited', 'several.yaml', buf)

  local hover = request(buf, 'textDocument/hover', text_params(buf, 2, 1))
  emit({ step = 'hover', value = hover and hover.contents and hover.contents.value or '' })

  -- Completion on a new line among the Details members (indent 2).
  vim.api.nvim_buf_set_lines(buf, 9, 9, false, { '  ' })
  local items = request(buf, 'textDocument/completion', text_params(buf, 9, 2))
  local labels = {}
  for _, item in ipairs(items and (items.items or items) or {}) do table.insert(labels, item.label) end
  emit({ step = 'completion', labels = labels })
  vim.api.nvim_buf_set_lines(buf, 9, 10, false, {})

  -- Suppress here: the comment above several.yaml's CJ105 (line 9, 0-based 8).
  local function actions_at(b, line, col)
    return request(b, 'textDocument/codeAction', {
      textDocument = { uri = vim.uri_from_bufnr(b) },
      range = { start = { line = line, character = col }, ['end'] = { line = line, character = col } },
      context = { diagnostics = {}, only = { 'quickfix' } },
    }) or {}
  end
  local function pick(actions, want)
    for _, a in ipairs(actions) do if a.edit and want(a) then return a end end
  end
  local function apply_until_gone(b, action, code)
    vim.lsp.util.apply_workspace_edit(action.edit, 'utf-16')
    return vim.wait(10000, function()
      for _, d in ipairs(diags(b)) do if d.code == code then return false end end
      return true
    end, 20)
  end
  local function text_of(b)
    return table.concat(vim.api.nvim_buf_get_lines(b, 0, -1, false), '\n') .. '\n'
  end
  local suppress = pick(actions_at(buf, 8, 20), function(a) return a.title:match('^Suppress CJ105') end)
  assert(suppress, 'no suppress action offered')
  assert(apply_until_gone(buf, suppress, 'CJ105'), 'the finding stayed after the suppression')
  emit({ step = 'suppress', text = text_of(buf) })

  -- The quick fix of a hex MD5 digest (CJ203), when the linter has fixes.
  vim.cmd('edit md5.yaml')
  local mbuf = vim.api.nvim_get_current_buf()
  lsp.attach(mbuf, os.getenv('CJL'))
  assert(vim.wait(10000, function() return #diags(mbuf) > 0 end, 20), 'no diagnostics for md5.yaml')
  local fix = pick(actions_at(mbuf, 5, 14), function(a) return not a.title:match('^Suppress') end)
  if fix then
    assert(apply_until_gone(mbuf, fix, 'CJ203'), 'the finding stayed after the quick fix')
    vim.cmd('write') -- as the user would save it
    emit({ step = 'quickfix', title = fix.title })
  else
    emit({ step = 'quickfix', none = true })
  end
  out:close()
end
LUA

nvim_run "$SRCDIR/examples/editors/nvim/createjob-lint-lsp.lua" "$tmp/run.lua" --clean
check "headless Neovim ran the session and exited 0" '[ "$rc" -eq 0 ]'
[ "$rc" -eq 0 ] || cat "$tmp/nvim.out"

# The positions, counted by hand (0-based lines, byte columns, exclusive end), as
# in tests/neovim.sh: the server's UTF-16 ranges, converted by Neovim, must land here.
nvim_positions "$tmp/positions.want"
jq -r 'select(.step == "open") | "\(.file) \(.code) \(.lnum):\(.col)-\(.end_lnum):\(.end_col) \(.severity)"' \
	"$tmp/nvim.jsonl" 2>/dev/null | LC_ALL=C sort > "$tmp/positions.got"
check "diagnostics after open at the hand-counted lines and byte columns" \
	'diff -u "$tmp/positions.want" "$tmp/positions.got"'
check "the file that is not a job request has no diagnostics" '! grep -q "package.json" "$tmp/positions.got"'
jq -r 'select(.step == "edited") | .code' "$tmp/nvim.jsonl" 2>/dev/null | LC_ALL=C sort > "$tmp/edited.got"
printf 'CJ105\nCJ201\nCJ203\n' > "$tmp/edited.want"
check "after the edit the CJ102 diagnostic is gone and the others stay" 'diff -u "$tmp/edited.want" "$tmp/edited.got"'
check "hover over Type shows its documentation and allowed values" \
	'jq -s -e "map(select(.step == \"hover\"))[0] | .value | contains(\"**Type**\") and contains(\"IMPORT_ASSET_FROM_SIGNED_URL\")" "$tmp/nvim.jsonl" >/dev/null'
check "completion offers the Details members not yet present, and not those present" \
	'jq -s -e "map(select(.step == \"completion\"))[0] | (.labels | index(\"ImportAssetsFromS3\") != null) and (.labels | index(\"ImportAssetFromSignedUrl\") == null) and (.labels | index(\"ExportRevisionsToS3\") == null)" "$tmp/nvim.jsonl" >/dev/null'
jq -s -r 'map(select(.step == "suppress"))[0].text // ""' "$tmp/nvim.jsonl" > "$tmp/suppressed.yaml"
check "suppress-here, applied by Neovim, wrote the comment above the finding" \
	'grep -A1 "^    # createjob-lint: disable=CJ105 -- reason: $" "$tmp/suppressed.yaml" | grep -q "RevisionId: arn:"'
if "$CJL" --help | grep -q -- "--fix"; then
	# The quick fix applied by Neovim must leave the buffer as --fix leaves the file.
	cp md5.yaml "$tmp/quickfixed.yaml" # as Neovim saved it
	cp "$tmp/md5.orig.yaml" "$tmp/fixed.yaml"
	"$CJL" --fix "$tmp/fixed.yaml" >/dev/null 2>&1
	check "the CJ203 quick fix, applied by Neovim, equals what --fix writes" \
		'grep -q "sZRqySSS0jR8YjW00mERhA==" "$tmp/quickfixed.yaml" && diff -u "$tmp/fixed.yaml" "$tmp/quickfixed.yaml"'
else
	echo "SKIP: this build has no fixes (--fix); the quick fix is tested in tests/unit (test_lsp.c)"
fi
finish lsp-nvim
