-- Neovim (Debian's 0.7, headless) with the plugin in editors/neovim, as a
-- user has it: require("minutes").setup{} starts `minutes lsp` on a
-- *.minutes buffer. Checks: diagnostics arrive, documentSymbol returns the
-- outline, owner-slot completion returns the meeting's people and roles
-- first, every code action applies through vim.lsp.buf.code_action without
-- an error, the parser loads and the highlight query paints the item
-- heading, the RESOLVED marker and the action owner with real groups.
--
--   MINUTES_BIN=target/debug/minutes OUT=result.json \
--     nvim --headless --clean -u tests/editors/neovim.lua FILE.minutes
local out_path = assert(os.getenv("OUT"), "set OUT")
local bin = assert(os.getenv("MINUTES_BIN"), "set MINUTES_BIN")
local plugin = assert(os.getenv("MINUTES_NVIM_PLUGIN"), "set MINUTES_NVIM_PLUGIN")
local timeout = 15000

vim.opt.runtimepath:prepend(plugin)
vim.cmd("runtime! ftdetect/minutes.vim")
vim.cmd("runtime! plugin/minutes.lua")

local result = { checks = {}, errors = {} }
local failed = false

local function check(name, ok, detail)
  table.insert(result.checks, { name = name, ok = ok and true or false, detail = detail })
  if not ok then failed = true end
end

local function finish()
  local v = vim.version()
  result.nvim = v.major .. "." .. v.minor .. "." .. v.patch
  result.ok = not failed
  local f = assert(io.open(out_path, "w"))
  f:write(vim.fn.json_encode(result))
  f:close()
  if failed then vim.cmd("cquit 1") else vim.cmd("qall!") end
end

-- errors a user would see: notifications at ERROR level and failed responses
local notify = vim.notify
vim.notify = function(msg, level, opts)
  if level and level >= vim.log.levels.ERROR then table.insert(result.errors, tostring(msg)) end
  return notify(msg, level, opts)
end
local orig_err = vim.api.nvim_err_writeln
vim.api.nvim_err_writeln = function(msg)
  table.insert(result.errors, tostring(msg))
  return orig_err(msg)
end

local function client()
  for _, c in pairs(vim.lsp.get_active_clients()) do
    if c.name == "minutes" then return c end
  end
end

-- vim.lsp.buf.code_action on a range: range_code_action before 0.9
local function code_action(range)
  if vim.fn.has("nvim-0.9") == 1 then
    vim.lsp.buf.code_action({ range = range })
  else
    vim.lsp.buf.range_code_action(nil, range.start, range["end"])
  end
end

local function run()
  local buf = vim.api.nvim_get_current_buf()
  check("filetype detected", vim.bo[buf].filetype == "minutes", vim.bo[buf].filetype)
  local original = vim.api.nvim_buf_get_lines(buf, 0, -1, false)

  -- 1. diagnostics after didOpen
  local t0 = vim.loop.hrtime()
  local got = vim.wait(timeout, function() return #vim.diagnostic.get(buf) > 0 end, 20)
  result.first_diagnostics_ms = (vim.loop.hrtime() - t0) / 1e6
  local codes = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
    codes[#codes + 1] = tostring(code) .. "@" .. (d.lnum + 1)
  end
  result.diagnostics = codes
  local has = function(prefix) for _, c in ipairs(codes) do if c:find(prefix, 1, true) == 1 then return true end end end
  check("diagnostics arrive (missing owner M101, implied action without owner M103)", got and has("M101") and has("M103"), codes)
  local c = client()
  if not c then check("server attached", false); return finish() end

  -- 2. the outline
  local params = { textDocument = vim.lsp.util.make_text_document_params(buf) }
  local resp = vim.lsp.buf_request_sync(buf, "textDocument/documentSymbol", params, timeout) or {}
  local names = {}
  local function walk(list, depth)
    for _, s in ipairs(list or {}) do
      names[#names + 1] = string.rep("  ", depth) .. s.name .. " [" .. (vim.lsp.protocol.SymbolKind[s.kind] or s.kind) .. "]"
      walk(s.children, depth + 1)
    end
  end
  for _, r in pairs(resp) do walk(r.result, 0) end
  result.outline = names
  local joined = table.concat(names, "\n")
  check("documentSymbol: agenda items and Ann James's action",
    joined:find("2. Public Health Annual Report", 1, true) and joined:find("Ann James: ", 1, true), names)

  -- 3. owner-slot completion: the meeting's people and roles first
  local last = #original
  vim.api.nvim_buf_set_lines(buf, last, last, false, { "The DPH will report back. (Action – " })
  local line = vim.api.nvim_buf_get_lines(buf, last, last + 1, false)[1]
  local cparams = {
    textDocument = { uri = vim.uri_from_bufnr(buf) },
    position = { line = last, character = vim.str_utfindex(line) },
  }
  local cresp = vim.lsp.buf_request_sync(buf, "textDocument/completion", cparams, timeout) or {}
  local items = {}
  for _, r in pairs(cresp) do
    local list = r.result and (r.result.items or r.result) or {}
    for _, it in ipairs(list) do items[#items + 1] = it end
  end
  table.sort(items, function(a, b) return (a.sortText or a.label) < (b.sortText or b.label) end)
  local labels = {}
  for i, it in ipairs(items) do if i <= 8 then labels[#labels + 1] = it.label end end
  result.completion = labels
  result.completion_count = #items
  local meeting = { ["Ann James"] = true, ["DPH"] = true, ["Democratic Services Officer"] = true,
    ["Kevin Marsh"] = true, ["Head of Commissioning"] = true, ["Director of Public Health"] = true,
    ["Chair"] = true, ["Vice-Chair"] = true }
  local first_ok = #items >= 4
  for i = 1, math.min(4, #items) do first_ok = first_ok and meeting[items[i].label] ~= nil end
  local catalogue_only = false
  for _, it in ipairs(items) do if it.label == "BBC" or it.label == "TV" then catalogue_only = true end end
  check("owner completion: the meeting's people and roles first, no catalogue-only entries", first_ok and not catalogue_only, labels)
  vim.api.nvim_buf_set_lines(buf, last, last + 1, false, {})
  -- the diagnostics of the text as it is again
  vim.wait(timeout, function()
    for _, d in ipairs(vim.diagnostic.get(buf)) do
      if d.lnum >= #original then return false end
    end
    return #vim.diagnostic.get(buf) == #codes
  end, 20)

  -- 4. every code action, applied through vim.lsp.buf.code_action
  local applied, titles = 0, {}
  local diags = vim.diagnostic.get(buf)
  for _, d in ipairs(diags) do
    local range = { start = { d.lnum + 1, d.col }, ["end"] = { d.end_lnum + 1, d.end_col } }
    local offered = {}
    local orig_select = vim.ui.select
    vim.ui.select = function(choices, _, on_choice) offered = choices; on_choice(nil) end
    code_action(range)
    vim.wait(timeout, function() return #offered > 0 end, 20)
    vim.ui.select = orig_select
    for i = 1, #offered do
      vim.api.nvim_buf_set_lines(buf, 0, -1, false, original)
      local before = table.concat(vim.api.nvim_buf_get_lines(buf, 0, -1, false), "\n")
      local chosen = false
      vim.ui.select = function(choices, _, on_choice) chosen = true; on_choice(choices[i], i) end
      local nerr = #result.errors
      code_action(range)
      vim.wait(timeout, function() return chosen end, 20)
      vim.ui.select = orig_select
      vim.wait(300, function() return false end, 20) -- a command's answer, if any
      local after = table.concat(vim.api.nvim_buf_get_lines(buf, 0, -1, false), "\n")
      local title = offered[i][2] and offered[i][2].title or "?"
      titles[#titles + 1] = title
      if after ~= before and #result.errors == nerr then
        applied = applied + 1
      else
        check("code action applies: " .. title, false, { changed = after ~= before, errors = result.errors })
      end
    end
  end
  vim.api.nvim_buf_set_lines(buf, 0, -1, false, original)
  result.code_actions = titles
  check("every code action applies without an error", applied > 0 and applied == #titles, titles)

  -- 5. an edit updates the diagnostics, counted from those of the text as
  -- it is again (the server publishes after a short pause in typing)
  vim.wait(timeout, function() return #vim.diagnostic.get(buf) == #codes end, 20)
  local before = #vim.diagnostic.get(buf)
  vim.api.nvim_buf_set_lines(buf, -1, -1, false, { "", "ACTION: to review the contract" })
  local changed = vim.wait(timeout, function() return #vim.diagnostic.get(buf) == before + 1 end, 20)
  check("an edit updates the diagnostics", changed, { before = before, after = #vim.diagnostic.get(buf) })
  vim.api.nvim_buf_set_lines(buf, 0, -1, false, original)

  -- 6. tree-sitter: the parser and the highlight query
  local ts = vim.treesitter
  local loaded = require("minutes").register_parser()
  check("the parser loads (" .. require("minutes").parser_path() .. ")", loaded)
  if loaded then
    local parser = ts.get_parser(buf, "minutes")
    local root = parser:parse()[1]:root()
    local get = (ts.query.get) or ts.query.get_query
    local query = get("minutes", "highlights")
    local function group_for(capture)
      local hl = ts.highlighter
      if hl.hl_map then -- 0.7: a capital letter names a group; else the table
        if capture:sub(1, 1) ~= capture:sub(1, 1):lower() then return capture end
        local g = hl.hl_map[capture]
        return (g and g ~= "__notfound") and g or nil
      end
      local name = capture
      while name do
        if vim.fn.hlexists("@" .. name) == 1 then return "@" .. name end
        name = name:match("(.*)%.")
      end
    end
    local painted = {}
    for id, node in query:iter_captures(root, buf, 0, -1) do
      local sr, sc, er, ec = node:range()
      local text = table.concat(vim.api.nvim_buf_get_text(buf, sr, sc, er, ec, {}), "\n")
      local group = group_for(query.captures[id])
      if group and vim.fn.hlID(group) > 0 then
        painted[text] = painted[text] or {}
        table.insert(painted[text], query.captures[id] .. "→" .. group)
      end
    end
    result.painted = {
      heading = painted["Public Health Annual Report"],
      resolved = painted["RESOLVED:"] or painted["RESOLVED"],
      owner = painted["Ann James"],
    }
    check("highlights: item heading, RESOLVED marker and action owner map to highlight groups",
      result.painted.heading and result.painted.resolved and result.painted.owner, result.painted)
    for _, name in ipairs({ "textobjects", "folds" }) do
      local ok, q = pcall(get, "minutes", name)
      check(name .. ".scm compiles", ok and q ~= nil, ok and "" or tostring(q))
    end
  end

  vim.lsp.stop_client(c.id)
  vim.wait(3000, function() return vim.lsp.get_client_by_id(c.id) == nil end, 20)
  finish()
end

require("minutes").setup({ cmd = { bin, "lsp" } })
vim.api.nvim_create_autocmd("VimEnter", {
  once = true,
  callback = function()
    vim.schedule(function()
      local ok, err = xpcall(run, debug.traceback)
      if not ok then
        check("test ran", false, err)
        finish()
      end
    end)
  end,
})
