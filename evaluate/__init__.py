"""newsbench.evaluate: the scoring harness."""
