-- createjob-lint for Neovim (0.7 or newer): lints JSON and YAML buffers that are
-- AWS Data Exchange CreateJob requests and shows the findings with vim.diagnostic.
--
-- The buffer's text goes to the linter on standard input:
--   createjob-lint --format json --only-requests --stdin-filename PATH -
-- so unsaved changes are linted too, and files that are not job requests (no Type
-- and no Details at the top) get no diagnostics.
--
-- Use: put this file on 'runtimepath' as lua/createjob-lint.lua and call
--   require('createjob-lint').setup()
-- or load it directly:
--   local cjl = dofile('/path/to/createjob-lint.lua'); cjl.setup()
-- Options of setup() (all optional):
--   cmd         the program, default 'createjob-lint' (found on PATH)
--   args        extra arguments, default { '--only-requests' }
--   pattern     autocommand file patterns, default { '*.json', '*.yaml', '*.yml' }
--   events      when to lint, default { 'BufReadPost', 'BufWritePost', 'InsertLeave' }
-- :CreatejobLint lints the current buffer by hand.
local M = {}

M.namespace = vim.api.nvim_create_namespace('createjob-lint')

local defaults = {
  cmd = 'createjob-lint',
  args = { '--only-requests' },
  pattern = { '*.json', '*.yaml', '*.yml' },
  events = { 'BufReadPost', 'BufWritePost', 'InsertLeave' },
}

M.options = vim.deepcopy(defaults)

local severities = {
  error = vim.diagnostic.severity.ERROR,
  warning = vim.diagnostic.severity.WARN,
  info = vim.diagnostic.severity.INFO,
}

local json_decode = (vim.json and vim.json.decode) or vim.fn.json_decode

-- The byte offset in `line` of code point `cp` (0-based); the end of the line when
-- cp is at or past it. The linter counts columns in code points, vim.diagnostic in
-- bytes.
local function byte_col(line, cp)
  if cp <= 0 then
    return 0
  end
  local ok, b
  if vim.fn.has('nvim-0.11') == 1 then
    ok, b = pcall(vim.str_byteindex, line, 'utf-32', cp, false)
  else
    ok, b = pcall(vim.str_byteindex, line, cp)
  end
  if ok and b then
    return math.min(b, #line)
  end
  return #line
end

-- The command line that lints buffer `bufnr` from standard input.
function M.command(bufnr, opts)
  opts = opts or M.options
  local cmd = { opts.cmd or defaults.cmd, '--format', 'json' }
  for _, a in ipairs(opts.args or defaults.args) do
    table.insert(cmd, a)
  end
  local name = vim.api.nvim_buf_get_name(bufnr)
  if name ~= '' then
    table.insert(cmd, '--stdin-filename')
    table.insert(cmd, name)
  else
    local ft = vim.bo[bufnr].filetype
    if ft == 'json' or ft == 'yaml' then
      table.insert(cmd, '--input-format')
      table.insert(cmd, ft)
    end
  end
  table.insert(cmd, '-')
  return cmd
end

-- The buffer's text as it would be written (BOM and final line break included).
local function buffer_text(bufnr)
  local lines = vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)
  local text = table.concat(lines, '\n')
  if vim.bo[bufnr].eol or vim.bo[bufnr].fixeol then
    text = text .. '\n'
  end
  if vim.bo[bufnr].bomb then
    text = '\239\187\191' .. text
  end
  return text
end

-- Turns the linter's JSON report into vim.diagnostic entries for bufnr.
function M.to_diagnostics(bufnr, report)
  local lines = vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)
  local result = {}
  for _, file in ipairs(report.files or {}) do
    for _, d in ipairs(file.diagnostics or {}) do
      local lnum, end_lnum = d.line - 1, d.endLine - 1
      local text, end_text = lines[lnum + 1] or '', lines[end_lnum + 1] or ''
      table.insert(result, {
        bufnr = bufnr,
        lnum = lnum,
        col = byte_col(text, d.column - 1),
        end_lnum = end_lnum,
        end_col = byte_col(end_text, d.endColumn - 1),
        severity = severities[d.severity] or vim.diagnostic.severity.ERROR,
        message = d.message,
        source = 'createjob-lint',
        code = d.rule,
        user_data = { pointer = d.pointer, suggestion = d.suggestion },
      })
    end
    if file.error then
      table.insert(result, {
        bufnr = bufnr,
        lnum = 0,
        col = 0,
        severity = vim.diagnostic.severity.ERROR,
        message = 'cannot read: ' .. file.error,
        source = 'createjob-lint',
      })
    end
  end
  return result
end

local function finish(bufnr, stdout, stderr, code)
  if not vim.api.nvim_buf_is_valid(bufnr) then
    return
  end
  local ok, report = pcall(json_decode, stdout)
  if not ok or type(report) ~= 'table' then
    local why = (stderr ~= '' and stderr) or ('exit status ' .. tostring(code))
    vim.notify('createjob-lint: ' .. vim.trim(why), vim.log.levels.WARN)
    vim.diagnostic.reset(M.namespace, bufnr)
    return
  end
  vim.diagnostic.set(M.namespace, bufnr, M.to_diagnostics(bufnr, report))
end

-- Lints buffer bufnr (0 for the current one). With { sync = true } it waits for the
-- linter (at most timeout milliseconds, default 10000) before returning.
function M.lint(bufnr, run)
  run = run or {}
  if bufnr == nil or bufnr == 0 then
    bufnr = vim.api.nvim_get_current_buf()
  end
  local out, err, done = {}, {}, false
  local job = vim.fn.jobstart(M.command(bufnr, run.options), {
    stdout_buffered = true,
    stderr_buffered = true,
    on_stdout = function(_, data)
      out = data
    end,
    on_stderr = function(_, data)
      err = data
    end,
    on_exit = function(_, code)
      done = true
      finish(bufnr, table.concat(out, '\n'), table.concat(err, '\n'), code)
    end,
  })
  if job <= 0 then
    vim.notify('createjob-lint: cannot run ' .. tostring(M.command(bufnr, run.options)[1]),
      vim.log.levels.WARN)
    return false
  end
  vim.fn.chansend(job, buffer_text(bufnr))
  vim.fn.chanclose(job, 'stdin')
  if run.sync then
    local timeout = run.timeout or 10000
    if vim.fn.jobwait({ job }, timeout)[1] < 0 then
      vim.fn.jobstop(job)
      return false
    end
    -- on_exit normally runs inside jobwait; let it run if it has not yet.
    local finished = vim.wait(timeout, function()
      return done
    end, 10)
    return finished
  end
  return true
end

function M.setup(opts)
  M.options = vim.tbl_extend('force', vim.deepcopy(defaults), opts or {})
  local group = vim.api.nvim_create_augroup('createjob-lint', { clear = true })
  vim.api.nvim_create_autocmd(M.options.events, {
    group = group,
    pattern = M.options.pattern,
    callback = function(ev)
      M.lint(ev.buf)
    end,
  })
  vim.api.nvim_create_user_command('CreatejobLint', function()
    M.lint(0)
  end, {})
end

return M
