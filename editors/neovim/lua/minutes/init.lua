-- Minutes for Neovim: the language server (`minutes lsp`), the tree-sitter
-- parser and its queries. Works on Neovim 0.7 (vim.lsp.start_client,
-- vim.treesitter.require_language) and on 0.10+ (vim.lsp.start,
-- vim.lsp.config / vim.lsp.enable on 0.11, vim.treesitter.language.add).
local M = {}

M.options = {
  -- the server: `minutes` on PATH (`cargo install --locked --path .`)
  cmd = { "minutes", "lsp" },
  -- the workspace root is the nearest folder holding one of these
  root_markers = { ".git", "minutes.toml" },
  -- where a diagnostic's rule link points (`#m101` is appended); nil keeps
  -- the server's default (the project README's rule anchors)
  docs_url = nil,
  -- tree-sitter highlighting of *.minutes buffers
  highlight = true,
  -- called with (client, bufnr) when the server attaches
  on_attach = nil,
}

-- editors/neovim: this file is editors/neovim/lua/minutes/init.lua
local function plugin_root()
  local source = debug.getinfo(1, "S").source:sub(2)
  return vim.fn.fnamemodify(source, ":p:h:h:h")
end

--- The compiled parser: parser/minutes.so on 'runtimepath' (the build
--- script writes it to editors/neovim/parser/).
function M.parser_path()
  local found = vim.api.nvim_get_runtime_file("parser/minutes.so", false)[1]
  return found or (plugin_root() .. "/parser/minutes.so")
end

--- Loads the parser (ABI 14, which Neovim 0.7's libtree-sitter reads too).
--- Returns true when it is loaded.
function M.register_parser()
  local path = M.parser_path()
  if vim.fn.filereadable(path) == 0 then
    return false
  end
  local ts = vim.treesitter
  local ok
  if ts.language and ts.language.add then
    ok = pcall(ts.language.add, "minutes", { path = path })
  else
    ok = pcall(ts.require_language, "minutes", path)
  end
  return ok
end

local function start_highlight(bufnr)
  if not M.register_parser() then
    return
  end
  if vim.treesitter.start then
    pcall(vim.treesitter.start, bufnr, "minutes")
  else
    local ok, parser = pcall(vim.treesitter.get_parser, bufnr, "minutes")
    if ok then
      vim.treesitter.highlighter.new(parser)
    end
  end
end

local function root_dir(bufnr)
  local file = vim.api.nvim_buf_get_name(bufnr)
  local dir = file ~= "" and vim.fn.fnamemodify(file, ":p:h") or vim.fn.getcwd()
  for _, marker in ipairs(M.options.root_markers) do
    local found = vim.fn.finddir(marker, dir .. ";")
    if found ~= "" then
      return vim.fn.fnamemodify(found, ":p:h:h") -- a folder: ":p" ends in "/"
    end
    found = vim.fn.findfile(marker, dir .. ";")
    if found ~= "" then
      return vim.fn.fnamemodify(found, ":p:h")
    end
  end
  return dir
end

local function on_attach(client, bufnr)
  -- completion with <C-x><C-o> (0.7 does not set it itself)
  vim.api.nvim_buf_set_option(bufnr, "omnifunc", "v:lua.vim.lsp.omnifunc")
  if M.options.on_attach then
    M.options.on_attach(client, bufnr)
  end
end

--- The client configuration, shared by every way of starting the server.
function M.lsp_config()
  return {
    name = "minutes",
    cmd = M.options.cmd,
    filetypes = { "minutes" },
    root_markers = M.options.root_markers,
    init_options = {
      ruleDocsUrl = M.options.docs_url,
      -- handled here (below), so the server may attach it to "Add owner"
      clientCommands = { "minutes.openBlank" },
    },
    on_attach = on_attach,
  }
end

-- "Add owner" and "Mark as action" leave an owner to name: put the cursor
-- there and open completion, which offers the meeting's people and roles.
local function open_blank(command)
  local args = command.arguments or {}
  local uri, pos = args[1], args[2]
  if type(uri) ~= "string" or type(pos) ~= "table" then
    return
  end
  local bufnr = vim.uri_to_bufnr(uri)
  local line = vim.api.nvim_buf_get_lines(bufnr, pos.line, pos.line + 1, false)[1] or ""
  local ok, col = pcall(vim.str_byteindex, line, pos.character, true)
  if not ok then
    col = #line
  end
  if vim.api.nvim_get_current_buf() == bufnr then
    vim.api.nvim_win_set_cursor(0, { pos.line + 1, col })
    if #vim.api.nvim_list_uis() > 0 then
      vim.cmd("startinsert")
      vim.api.nvim_feedkeys(vim.api.nvim_replace_termcodes("<C-x><C-o>", true, false, true), "n", false)
    end
  end
end

local warned = false
local function server_missing()
  if vim.fn.executable(M.options.cmd[1]) == 1 then
    return false
  end
  if not warned then
    warned = true
    vim.notify(
      ("minutes: the language server `%s` was not found.\n"
        .. "Install it from the repository with `cargo install --locked --path .` "
        .. "(it lands in ~/.cargo/bin: put that on PATH), or set cmd in require('minutes').setup{}."):format(M.options.cmd[1]),
      vim.log.levels.WARN
    )
  end
  return true
end

local clients = {} -- root → client id (Neovim 0.7)

--- Starts (or reuses) the server for a buffer.
function M.start(bufnr)
  bufnr = bufnr or vim.api.nvim_get_current_buf()
  if server_missing() then
    return nil
  end
  local config = vim.tbl_extend("force", M.lsp_config(), { root_dir = root_dir(bufnr) })
  config.root_markers, config.filetypes = nil, nil
  if vim.lsp.start then
    return vim.lsp.start(config, { bufnr = bufnr })
  end
  local id = clients[config.root_dir]
  if not id or not vim.lsp.get_client_by_id(id) then
    id = vim.lsp.start_client(config)
    clients[config.root_dir] = id
  end
  if id then
    vim.lsp.buf_attach_client(bufnr, id)
  end
  return id
end

function M.setup(opts)
  M.options = vim.tbl_deep_extend("force", M.options, opts or {})
  vim.lsp.commands["minutes.openBlank"] = open_blank
  -- Neovim 0.11+: the server is a vim.lsp.config entry like any other
  local native = vim.lsp.config ~= nil and vim.lsp.enable ~= nil
  if native then
    vim.lsp.config("minutes", M.lsp_config())
    if not server_missing() then
      vim.lsp.enable("minutes")
    end
  end
  local group = vim.api.nvim_create_augroup("minutes", { clear = true })
  vim.api.nvim_create_autocmd("FileType", {
    group = group,
    pattern = "minutes",
    callback = function(args)
      vim.bo[args.buf].textwidth = vim.bo[args.buf].textwidth == 0 and 79 or vim.bo[args.buf].textwidth
      if M.options.highlight then
        start_highlight(args.buf)
      end
      if not native then
        M.start(args.buf)
      end
    end,
  })
  -- buffers already open when setup runs
  for _, buf in ipairs(vim.api.nvim_list_bufs()) do
    if vim.api.nvim_buf_is_loaded(buf) and vim.bo[buf].filetype == "minutes" then
      vim.api.nvim_exec_autocmds("FileType", { group = group, buffer = buf })
    end
  end
end

return M
