-- The server's configuration for vim.lsp.config / vim.lsp.enable (Neovim 0.11+):
--   vim.lsp.enable("minutes")
-- require("minutes").setup() does the same for you on every version.
return require("minutes").lsp_config()
