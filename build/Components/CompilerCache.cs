enum CompilerCache { Auto, None, Ccache, Sccache }
