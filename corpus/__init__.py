"""newsbench.corpus: the authored sources, the outlet templates, the compiler and the loader."""
