# The buffers the Neovim tests open (sourced by tests/neovim.sh and
# tests/lsp-nvim.sh): a JSON file on one line and a YAML flow mapping, each with
# text in Japanese, an en dash, é and € before the finding on its line, a YAML file
# with several findings, and a file that is not a job request (no diagnostics).
# nvim_buffers DIR makes them in DIR and sets $files; nvim_positions FILE writes
# where each finding is, counted by hand (0-based lines, byte columns, exclusive
# end, severity): the linter's report is not trusted for them.
nvim_buffers() {
	mkdir "$1"
	cp "$TESTDATA/cases/cj105-json-id-after-unicode-one-line.json" "$1/unicode-one-line.json"
	cp "$TESTDATA/cases/cj105-yaml-id-after-unicode-flow.yaml" "$1/unicode-flow.yaml"
	cp "$SRCDIR/examples/jobs/import-signed-url.yaml" "$1/several.yaml"
	printf '{"name": "not-a-job", "version": "1.0.0"}\n' > "$1/package.json"
	files="unicode-one-line.json unicode-flow.yaml several.yaml package.json"
}

nvim_positions() {
	cat > "$1" <<'POS'
several.yaml CJ102 6:4-6:13 1
several.yaml CJ105 8:16-8:145 1
several.yaml CJ201 9:2-9:21 1
several.yaml CJ203 7:13-7:45 1
unicode-flow.yaml CJ105 2:94-2:132 1
unicode-one-line.json CJ105 0:144-0:182 1
POS
}

# nvim_run SETUP SCRIPT NVIM-FLAGS...: runs the Lua file SCRIPT, which defines a
# function run(), in headless Neovim in the buffers' folder, with CJL_LUA=SETUP (the
# editor set-up under test), OUT=$tmp/nvim.jsonl, FILES=$files and CJL; an error in
# run() makes Neovim exit non-zero. Sets rc; Neovim's output is in $tmp/nvim.out.
nvim_run() {
	setup=$1
	script=$2
	shift 2
	cat >> "$script" <<'LUA'
local ok, err = pcall(run)
if not ok then
  io.stderr:write('run.lua: ', tostring(err), '\n')
  vim.cmd('cquit 1')
end
vim.cmd('qa!')
LUA
	cd "$tmp/jobs" || exit 1
	CJL_LUA="$setup" OUT="$tmp/nvim.jsonl" FILES="$files" CJL="$CJL" \
		timeout 120 nvim --headless "$@" -i NONE -n -c "luafile $script" </dev/null >"$tmp/nvim.out" 2>&1
	rc=$?
}
