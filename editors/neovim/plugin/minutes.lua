-- Registers the tree-sitter parser and queries early, so `:set ft=minutes`
-- highlights even before setup(); setup() starts the language server.
if vim.g.loaded_minutes then return end
vim.g.loaded_minutes = true
require("minutes").register_parser()
