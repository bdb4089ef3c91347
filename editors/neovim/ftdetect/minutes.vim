" *.minutes files are meeting minutes (works on every Neovim and Vim).
autocmd BufRead,BufNewFile *.minutes setfiletype minutes
