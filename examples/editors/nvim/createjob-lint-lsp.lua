-- createjob-lint as a language server in Neovim's built-in LSP client (0.7 or
-- newer): findings as you type, hover documentation, completion and code actions
-- for JSON and YAML request files.
local M = {}

local clients = {}

local function config(cmd)
  return {
    name = 'createjob-lint',
    cmd = { cmd, '--lsp' },
    root_dir = vim.fn.getcwd(),
  }
end

-- Starts the server (once per command) and attaches it to buffer buf.
function M.attach(buf, cmd)
  cmd = cmd or M.cmd or 'createjob-lint'
  if vim.lsp.start then -- Neovim 0.8 and later
    return vim.lsp.start(config(cmd), { bufnr = buf })
  end
  if not clients[cmd] or vim.lsp.client_is_stopped(clients[cmd]) then
    clients[cmd] = vim.lsp.start_client(config(cmd))
  end
  vim.lsp.buf_attach_client(buf, clients[cmd])
  return clients[cmd]
end

-- setup({ cmd = 'createjob-lint' }): attach to every JSON and YAML buffer; the
-- server itself leaves files that are not job requests without diagnostics.
function M.setup(opts)
  M.cmd = (opts or {}).cmd or 'createjob-lint'
  vim.api.nvim_create_autocmd('FileType', {
    pattern = { 'json', 'yaml' },
    callback = function(args) M.attach(args.buf) end,
  })
end

return M
