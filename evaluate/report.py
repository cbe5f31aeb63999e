"""Reports for people: a terminal table (rich) and Markdown; JSON comes from `Report.to_json`."""

from __future__ import annotations

from rich.table import Table

from newsbench.evaluate.compare import Comparison
from newsbench.evaluate.harness import Figure, Report

from newsbench.evaluate.harness import METRICS

LAYER_TITLES = {"boilerplate": "boilerplate", "main_text": "html", "entities": "entities", "claims": "claims", "casualties": "casualties"}


def display_name(name: str) -> str:
    """`entities.schemes.strict.f1` -> `strict.f1`; the metric is kept where its layer has several."""
    layer, metric, score = name.split(".", 2)
    several = any(len(ms) > 1 and ms[0].layer == layer for ms in METRICS.values())
    return f"{metric}.{score}" if several else score


def _number(value: float, name: str) -> str:
    return f"{value:.1f}" if name.endswith(".mae") else f"{value:.3f}"


def _rows(report: Report) -> list[tuple[str, ...]]:
    rows = []
    tables: list[tuple[str, dict[str, dict[str, Figure]]]] = [("all", report.figures)]
    tables += sorted(report.subsets.items())
    for subset, table in tables:
        for layer, figures in table.items():
            for name, f in figures.items():
                row = (LAYER_TITLES[layer], display_name(name), _number(f.score, name), f"[{_number(f.low, name)}, {_number(f.high, name)}]")
                rows.append((subset, *row) if report.subsets else row)
    return rows


def _columns(report: Report) -> tuple[str, ...]:
    return (("subset",) if report.subsets else ()) + ("layer", "figure", "score", "95% interval")


def report_table(report: Report) -> Table:
    """The report as a rich table, one row per figure, with its 95% interval."""
    title = f"newsbench {report.corpus_version} · split {report.split} · {report.documents} documents"
    if report.absent:
        title += f" ({report.absent} absent)"
    table = Table(title=title, caption=f"95% bootstrap intervals, {report.options.resamples} resamples, seed {report.options.seed}")
    for column in _columns(report):
        table.add_column(column, justify="right" if column in ("score", "95% interval") else "left")
    for row in _rows(report):
        table.add_row(*row)
    return table


def report_markdown(report: Report) -> str:
    """The report as a Markdown table with the signatures below it."""
    lines = [f"**newsbench {report.corpus_version}**, split `{report.split}`, {report.documents} documents"
             + (f" ({report.absent} absent)" if report.absent else ""), "",
             "| " + " | ".join(_columns(report)) + " |", "|---" * (len(_columns(report)) - 2) + "|---:|---:|"]
    lines += [f"| {' | '.join(row)} |" for row in _rows(report)]
    lines += ["", "Signatures:", ""]
    lines += [f"- `{f.signature}`" for figures in report.figures.values() for f in figures.values()]
    return "\n".join(lines) + "\n"


def comparison_table(comparison: Comparison, name_a: str, name_b: str) -> Table:
    """A - B per figure with the difference's interval and both p-values."""
    table = Table(title=f"A = {name_a}, B = {name_b} · split {comparison.split} · {comparison.documents} documents",
                  caption=f"95% interval of A - B and p by paired bootstrap ({comparison.options.resamples} resamples); "
                          f"p by paired approximate randomisation ({comparison.trials} trials)")
    for column in ("figure", "A", "B", "A - B", "95% interval", "p boot", "p AR"):
        table.add_column(column, justify="left" if column == "figure" else "right")
    for name, r in comparison.results.items():
        table.add_row(f"{name.split('.')[0]}.{display_name(name)}", _number(r.a, name), _number(r.b, name), _number(r.delta, name),
                      f"[{_number(r.low, name)}, {_number(r.high, name)}]", f"{r.p_bootstrap:.4f}", f"{r.p_randomisation:.4f}")
    return table
