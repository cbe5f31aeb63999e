"""The leaderboard as a static page: per split and layer, a plot of the ranking figure with its 95% interval
(matplotlib, inline SVG), a sortable table of every figure, and the signatures."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from newsbench.evaluate.viewer import TEMPLATES
from newsbench.jsonl import atomic_writer

from newsbench.baselines.leaderboard import COLUMNS, TITLES
from newsbench.baselines.records import RESULTS_DIR, load_records

_environment = jinja2.Environment(loader=jinja2.FileSystemLoader([str(Path(__file__).resolve().parent / "templates"), str(TEMPLATES)]),
                                  autoescape=True, undefined=jinja2.StrictUndefined)


def interval_plot(rows: list[dict[str, Any]], layer: str, figure: str, label: str) -> Markup:
    """A horizontal point-and-error-bar plot of one figure per system, as inline SVG."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    names = [f"{r['system']['name']} {r['system']['version']}" for r in rows][::-1]
    figures = [r["report"][layer][figure] for r in rows][::-1]
    scores = [f["score"] for f in figures]
    errors = [[f["score"] - f["low"] for f in figures], [f["high"] - f["score"] for f in figures]]
    fig, ax = plt.subplots(figsize=(6.5, 0.45 * len(rows) + 1.0))
    ax.errorbar(scores, range(len(rows)), xerr=errors, fmt="o", color="#1f4e79", ecolor="#7aa6c2", capsize=3)
    ax.set_yticks(range(len(rows)), names)
    ax.set_xlabel(f"{label} (95% bootstrap interval)")
    ax.set_xlim(0, 1.0 if not figure.endswith(".mae") else None)
    ax.grid(axis="x", alpha=0.3)
    fig.tight_layout()
    buffer = io.StringIO()
    fig.savefig(buffer, format="svg", metadata={"Date": None})
    plt.close(fig)
    svg = buffer.getvalue()
    return Markup(svg[svg.index("<svg"):])


def leaderboard_page(corpus_version: str, results_dir: Path = RESULTS_DIR) -> str:
    """The page for the records of one corpus version."""
    records = [r for r in load_records(results_dir) if r["corpus_version"] == corpus_version]
    sections = []
    for split in ("test", "dev"):
        for layer, columns in COLUMNS.items():
            rows = [r for r in records if r["split"] == split and layer in r["report"]]
            if not rows:
                continue
            key, label = columns[0]
            rows.sort(key=lambda r: (-r["report"][layer][key]["score"], r["system"]["name"]))
            sections.append({
                "title": f"{TITLES[layer]} · {split}", "columns": columns, "layer": layer, "rows": rows,
                "plot": interval_plot(rows, layer, key, label), "signature": rows[0]["report"][layer][key]["signature"],
            })
    systems = {r["system"]["name"]: r["system"] for r in records}
    return _environment.get_template("leaderboard.html.j2").render(
        corpus_version=corpus_version, sections=sections, systems=sorted(systems.values(), key=lambda s: s["name"]),
        entity_colours={}, boilerplate_colours={})


def write_leaderboard_page(corpus_version: str, folder: Path, results_dir: Path = RESULTS_DIR) -> Path:
    path = folder / "index.html"
    with atomic_writer(path) as handle:
        handle.write(leaderboard_page(corpus_version, results_dir))
    return path
