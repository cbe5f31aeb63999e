"""newsbench: a versioned benchmark for information extraction from news web pages.

The core package holds the command line and what every part shares: errors, JSONL
reading and writing, spans, number expressions and the visible text of HTML.
"""

__version__ = "0.2.0"
