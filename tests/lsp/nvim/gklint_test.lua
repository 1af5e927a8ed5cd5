-- A real-editor test: Neovim (0.7+) headless runs gklint as its language server on a report,
-- the way docs/editors.md configures it, and checks diagnostics, hover, symbols and a quick
-- fix round trip. Run by tests/lsp/nvim/run.sh (and the [nvim] Catch test):
--   GKLINT=build/gklint GKLINT_REPORT=/tmp/x/002.txt GKLINT_RESULT=/tmp/x/result \
--     nvim --headless --clean -u tests/lsp/nvim/gklint_test.lua
local result_path = os.getenv('GKLINT_RESULT')
local lines = {}
local failed = false

local function log(msg) table.insert(lines, msg) end
local function check(ok, msg)
  log((ok and 'ok   ' or 'FAIL ') .. msg)
  if not ok then failed = true end
end
local function finish()
  local f = io.open(result_path, 'w')
  f:write(table.concat(lines, '\n') .. '\n')
  f:close()
  vim.cmd(failed and 'cquit 1' or 'qall!')
end

local ok, err = pcall(function()
  -- As in docs/editors.md: start the client once, attach the buffer.
  local client_id = vim.lsp.start_client({
    name = 'gklint',
    cmd = { os.getenv('GKLINT'), 'lsp' },
    root_dir = vim.fn.getcwd(),
    init_options = { ruleFolders = {} },
  })
  check(client_id ~= nil, 'client started')
  vim.cmd('edit ' .. vim.fn.fnameescape(os.getenv('GKLINT_REPORT')))
  local bufnr = vim.api.nvim_get_current_buf()
  vim.lsp.buf_attach_client(bufnr, client_id)

  local function numbering_on(line)
    for _, d in ipairs(vim.diagnostic.get(bufnr)) do
      if d.lnum == line and d.message:find('一级标题编号', 1, true) then return d end
    end
    return nil
  end

  check(vim.wait(10000, function() return #vim.diagnostic.get(bufnr) > 0 end, 50), 'diagnostics arrived')
  local d = numbering_on(4)
  check(d ~= nil, 'heading-numbering diagnostic on line 5')
  if d then
    check(d.col == 0 and d.source == 'gklint', 'at column 1, source gklint')
    log('     ' .. d.message)
  end

  local client = vim.lsp.get_client_by_id(client_id)
  check(client.offset_encoding == 'utf-16', 'negotiated utf-16 (' .. tostring(client.offset_encoding) .. ')')

  local pos = { textDocument = { uri = vim.uri_from_bufnr(bufnr) }, position = { line = 4, character = 0 } }
  local hover = vim.lsp.buf_request_sync(bufnr, 'textDocument/hover', pos, 5000)
  local value = hover and hover[client_id] and hover[client_id].result and hover[client_id].result.contents.value or ''
  check(value:find('依据：', 1, true) ~= nil, 'hover shows the legal source')

  local symbols = vim.lsp.buf_request_sync(bufnr, 'textDocument/documentSymbol',
    { textDocument = { uri = vim.uri_from_bufnr(bufnr) } }, 5000)
  local first = symbols and symbols[client_id] and symbols[client_id].result and symbols[client_id].result[1]
  check(first ~= nil and first.name == '1、 总体情况', 'first symbol is the first section')

  local params = {
    textDocument = { uri = vim.uri_from_bufnr(bufnr) },
    range = { start = { line = 4, character = 0 }, ['end'] = { line = 4, character = 0 } },
    context = { diagnostics = {} },
  }
  local actions = vim.lsp.buf_request_sync(bufnr, 'textDocument/codeAction', params, 5000)
  local fix = nil
  for _, a in ipairs((actions and actions[client_id] and actions[client_id].result) or {}) do
    if a.title == '改为“一、”' then fix = a end
  end
  check(fix ~= nil, 'quick fix 改为“一、” offered')
  if fix then
    vim.lsp.util.apply_workspace_edit(fix.edit, client.offset_encoding)
    check(vim.api.nvim_buf_get_lines(bufnr, 4, 5, false)[1] == '一、总体情况', 'fix applied to the buffer')
    check(vim.wait(10000, function() return numbering_on(4) == nil and #vim.diagnostic.get(bufnr) > 0 end, 50),
      'diagnostic cleared after the edit')
  end
end)
if not ok then check(false, 'error: ' .. tostring(err)) end
finish()
