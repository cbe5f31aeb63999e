"""newsbench.baselines: baseline systems and their recorded results."""
