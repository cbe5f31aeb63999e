"""The `newsbench` command line."""

from __future__ import annotations

import sys
from pathlib import Path

import click
from rich.console import Console
from rich.table import Table
from tqdm import tqdm

from newsbench import __version__
from newsbench.errors import InputErrors, NewsbenchError

stderr = Console(stderr=True, highlight=False, soft_wrap=True)


def stdout() -> Console:
    """The console for tables: at least 110 columns wide, so reports are not cut when piped."""
    return Console(width=max(Console().width, 110))


class Group(click.Group):
    """Report newsbench errors as plain lines with a non-zero exit, never as tracebacks."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except InputErrors as err:
            for error in err.errors:
                stderr.print(f"error: {error}", markup=False)
            count = len(err.errors)
            stderr.print(f"{count} error{'s' if count != 1 else ''}", markup=False)
            sys.exit(1)
        except NewsbenchError as err:
            stderr.print(f"error: {err}", markup=False)
            sys.exit(1)


@click.group(cls=Group)
@click.version_option(__version__, prog_name="newsbench")
def main() -> None:
    """newsbench: a benchmark for information extraction from news web pages."""


@main.command()
@click.option("--corpus", "corpus_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="The corpus folder (default: the installed corpus/).")
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Write the release here instead of into the corpus folder.")
@click.option("--check", is_flag=True, help="Compile and check every source; write nothing.")
@click.argument("files", nargs=-1, type=click.Path(exists=True, dir_okay=False, path_type=Path))
def build(corpus_dir: Path | None, out_dir: Path | None, check: bool, files: tuple[Path, ...]) -> None:
    """Compile corpus/sources into data/*.jsonl, MANIFEST.json and the dataset card.

    With FILES (and --check), compile only those sources.
    """
    import json

    from newsbench.corpus.build import card_prose, compile_corpus, layer_counts, release_files, write_release
    from newsbench.corpus.release import CORPUS_DIR

    corpus_dir = corpus_dir or CORPUS_DIR
    if files and not check:
        raise click.UsageError("naming FILES builds nothing: add --check")
    documents = compile_corpus(corpus_dir, files or None,
                               progress=lambda paths: tqdm(paths, desc="compiling", unit="doc", disable=None))
    counts = layer_counts(documents)
    summary = ", ".join(f"{v} {k}" for k, v in counts.items())
    if check:
        click.echo(f"ok: {summary}")
        return
    target = out_dir or corpus_dir
    release = release_files(documents, card_prose(corpus_dir))
    write_release(release, target)
    click.echo(f"built {target}: {summary}")
    Console().print(_phenomena_table(json.loads(release["MANIFEST.json"])["phenomena"]))


def _number(value: float | None) -> str:
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else f"{value:.3g}"


def _phenomena_table(counts: dict[str, float]) -> Table:
    """Phenomena counts beside their quotas (corpus/phenomena.py), misses in red."""
    from newsbench.corpus.phenomena import QUOTAS

    table = Table(title="phenomena (quota: minimum..maximum)")
    for column in ("phenomenon", "count", "quota", ""):
        table.add_column(column, justify="left" if column == "phenomenon" else "right")
    for name, (low, high) in QUOTAS.items():
        value = counts.get(name, 0)
        met = (low is None or value >= low) and (high is None or value <= high)
        quota = f"{_number(low)}..{_number(high)}"
        table.add_row(name, _number(value), quota, "ok" if met else "[red]short[/red]")
    return table


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--corpus", "corpus_dir", type=click.Path(file_okay=False, path_type=Path), default=None)
def lint(files: tuple[Path, ...], corpus_dir: Path | None) -> None:
    """Review hints for sources: places that often hide a missing label (not errors; exit 0)."""
    from newsbench.corpus.build import compile_corpus
    from newsbench.corpus.lint import findings
    from newsbench.corpus.release import CORPUS_DIR

    for document, path in zip(compile_corpus(corpus_dir or CORPUS_DIR, files), sorted(files, key=lambda p: p.name)):
        for finding in findings(document):
            click.echo(f"{path}: {finding}")


@main.command()
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--kind", type=click.Choice(["auto", "corpus", "predictions"]), default="auto", show_default=True,
              help="What FILE is; auto looks at its first line.")
@click.option("--corpus", "corpus_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="The corpus the predictions are for (default: the installed corpus/).")
@click.option("--max-errors", type=click.IntRange(1), default=100, show_default=True)
def validate(file: Path, kind: str, corpus_dir: Path | None, max_errors: int) -> None:
    """Check a corpus file or a prediction file; print each problem as file:line: field: message."""
    from newsbench.corpus.loader import corpus_version, iter_documents
    from newsbench.corpus.release import CORPUS_DIR
    from newsbench.schema.labels import SPLITS
    from newsbench.schema.validate import looks_like_corpus_file, validate_corpus_file, validate_prediction_file

    corpus_dir = corpus_dir or CORPUS_DIR
    if kind == "auto":
        kind = "corpus" if looks_like_corpus_file(file) else "predictions"
    if kind == "corpus":
        errors = validate_corpus_file(file, max_errors)
    else:
        texts = {d["id"]: d["text"] for split in SPLITS for d in iter_documents(split, corpus_dir)}
        errors = validate_prediction_file(file, texts, corpus_version(corpus_dir), max_errors)
    if errors:
        raise InputErrors(errors)
    click.echo(f"ok: {file} is a valid {kind} file")


@main.command()
@click.option("--corpus", "corpus_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="The corpus folder (default: the installed corpus/).")
def stats(corpus_dir: Path | None) -> None:
    """Print the corpus version, its counts per split and layer, and its phenomena beside their quotas."""
    from newsbench.corpus.loader import manifest
    from newsbench.corpus.release import CORPUS_DIR

    data = manifest(corpus_dir or CORPUS_DIR)
    counts = data["counts"]
    columns = list(next(iter(counts.values())))
    table = Table(title=f"{data['name']} corpus {data['version']}")
    table.add_column("split")
    for column in columns:
        table.add_column(column, justify="right")
    for split, row in counts.items():
        table.add_row(split, *(str(row[c]) for c in columns))
    table.add_row("all", *(str(sum(r[c] for r in counts.values())) for c in columns), style="bold")
    Console().print(table)
    if "phenomena" in data:
        Console().print(_phenomena_table(data["phenomena"]))


@main.command()
@click.option("--write", is_flag=True, help="Write schema/*.schema.json (for use outside Python).")
@click.argument("name", required=False, type=click.Choice(["document", "prediction", "result"]))
def schema(write: bool, name: str | None) -> None:
    """Print a JSON Schema, or write all of them to schema/."""
    from newsbench.jsonl import atomic_writer
    from newsbench.schema.jsonschemas import SCHEMAS, schema_file, schema_text

    if write:
        for each in SCHEMAS:
            with atomic_writer(schema_file(each)) as handle:
                handle.write(schema_text(each))
            click.echo(f"wrote {schema_file(each)}")
    elif name:
        click.echo(schema_text(name), nl=False)
    else:
        raise click.UsageError("name a schema (document, prediction, result) or give --write")


@main.command()
@click.option("--write", is_flag=True, help="Write the figures to corpus/agreement/agreement.json.")
@click.option("--strip", "strip", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=None,
              help="Print this source without its span labels (the second annotator's starting point) and exit.")
def agreement(write: bool, strip: Path | None) -> None:
    """Agreement of the second, independent labelling (corpus/agreement/) with the gold, per layer."""
    from newsbench.corpus.agreement import AGREEMENT_DIR, relabelled_ids, strip_labels
    from newsbench.evaluate.agreement import agreement as score
    from newsbench.evaluate.agreement import agreement_json
    from newsbench.evaluate.report import report_table
    from newsbench.jsonl import atomic_writer

    if strip is not None:
        click.echo(strip_labels(strip.read_text(encoding="utf-8")), nl=False)
        return
    report = score()
    stdout().print(report_table(report))
    if write:
        with atomic_writer(AGREEMENT_DIR / "agreement.json") as handle:
            handle.write(agreement_json(report, relabelled_ids()))
        click.echo(f"wrote {AGREEMENT_DIR / 'agreement.json'}")


def _scoring_options(function):  # type: ignore[no-untyped-def]
    """Options shared by evaluate and compare."""
    for option in reversed([
        click.option("--split", type=click.Choice(["train", "dev", "test"]), default="test", show_default=True),
        click.option("--corpus", "corpus_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
                     help="The corpus folder (default: the installed corpus/)."),
        click.option("--resamples", type=click.IntRange(1), default=1000, show_default=True, help="Bootstrap resamples."),
        click.option("--seed", type=int, default=12345, show_default=True, help="Seed of the bootstrap."),
        click.option("--content", type=click.Choice(["all", "main"]), default="all", show_default=True,
                     help="'main' scores entities, claims and figures of the main content alone (gold boilerplate masked)."),
        click.option("--allow-subset", is_flag=True, help="Score the documents present when some have no prediction."),
        click.option("--ignore-version", is_flag=True, help="Score predictions made for another corpus version."),
    ]):
        function = option(function)
    return function


def _gold(split: str, corpus_dir: Path | None):  # type: ignore[no-untyped-def]
    from newsbench.corpus.loader import corpus_version, iter_documents
    from newsbench.corpus.release import CORPUS_DIR

    corpus_dir = corpus_dir or CORPUS_DIR
    documents = iter_documents(split, corpus_dir)
    progress = lambda docs: tqdm(docs, desc=f"scoring {split}", unit="doc", disable=None, leave=False)  # noqa: E731
    return corpus_dir, corpus_version(corpus_dir), documents, progress


@main.command()
@click.argument("predictions", type=click.Path(path_type=Path))
@_scoring_options
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON (with signatures).")
@click.option("--markdown", "as_markdown", is_flag=True, help="Print the report as Markdown.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Also write the JSON report to this file.")
def evaluate(predictions: Path, split: str, corpus_dir: Path | None, resamples: int, seed: int, content: str,
             allow_subset: bool, ignore_version: bool, as_json: bool, as_markdown: bool, output: Path | None) -> None:
    """Score a prediction file against the gold of a split: every layer it predicts, with 95% intervals."""
    import json

    from newsbench.corpus.loader import iter_documents
    from newsbench.evaluate.harness import Options
    from newsbench.evaluate.harness import evaluate as score
    from newsbench.evaluate.report import report_markdown, report_table
    from newsbench.jsonl import atomic_writer

    corpus_dir, version, documents, progress = _gold(split, corpus_dir)
    subset_of = None
    if split != "train":
        seen = {d["outlet"] for d in iter_documents("train", corpus_dir)}
        subset_of = lambda doc: "seen outlets" if doc["outlet"] in seen else "unseen outlets"  # noqa: E731
    options = Options(resamples, seed, content, allow_subset, ignore_version)
    report = score(documents, predictions, version, split, options, subset_of=subset_of, progress=progress)
    if len(report.subsets) < 2:
        report.subsets = {}
    text = json.dumps(report.to_json(), indent=2, ensure_ascii=False)
    if output:
        with atomic_writer(output) as handle:
            handle.write(text + "\n")
    if as_json:
        click.echo(text)
    elif as_markdown:
        click.echo(report_markdown(report), nl=False)
    else:
        stdout().print(report_table(report))
        if report.absent:
            stderr.print(f"note: {report.absent} documents had no prediction and were left out (--allow-subset)")


@main.command()
@click.argument("predictions_a", type=click.Path(path_type=Path))
@click.argument("predictions_b", type=click.Path(path_type=Path))
@_scoring_options
@click.option("--trials", type=click.IntRange(1), default=10000, show_default=True, help="Approximate randomisation trials.")
@click.option("--json", "as_json", is_flag=True, help="Print the comparison as JSON.")
def compare(predictions_a: Path, predictions_b: Path, split: str, corpus_dir: Path | None, resamples: int, seed: int,
            content: str, allow_subset: bool, ignore_version: bool, trials: int, as_json: bool) -> None:
    """Compare two systems on the same documents: paired bootstrap and approximate randomisation."""
    import json

    from newsbench.evaluate.compare import compare as run_compare
    from newsbench.evaluate.harness import Options
    from newsbench.evaluate.report import comparison_table

    corpus_dir, version, documents, progress = _gold(split, corpus_dir)
    options = Options(resamples, seed, content, allow_subset, ignore_version)
    result = run_compare(documents, predictions_a, predictions_b, version, split, options, trials, progress)
    if as_json:
        click.echo(json.dumps({"corpus_version": result.corpus_version, "split": result.split, "documents": result.documents,
                               "results": {k: {**vars(v), "signature": result.signatures[k]} for k, v in result.results.items()}},
                              indent=2))
    else:
        stdout().print(comparison_table(result, predictions_a.name, predictions_b.name))


MODEL_DIR = Path(".newsbench") / "models"


@main.command()
@click.option("--system", "system_name", required=True, help="A registered system (see 'newsbench systems').")
@click.option("--split", type=click.Choice(["train", "dev", "test"]), default="test", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True, help="The prediction file to write.")
@click.option("--corpus", "corpus_dir", type=click.Path(file_okay=False, path_type=Path), default=None)
@click.option("--models", "model_dir", type=click.Path(file_okay=False, path_type=Path), default=MODEL_DIR, show_default=True,
              help="Where trained systems keep their models.")
def predict(system_name: str, split: str, output: Path, corpus_dir: Path | None, model_dir: Path) -> None:
    """Run a system over a split and write its predictions (header line first, documents in corpus order)."""
    from newsbench.baselines.run import predict_to_file
    from newsbench.baselines.system import make_system
    from newsbench.corpus.loader import corpus_version, iter_documents
    from newsbench.corpus.release import CORPUS_DIR

    corpus_dir = corpus_dir or CORPUS_DIR
    system = make_system(system_name)
    version = corpus_version(corpus_dir)
    system.prepare(iter_documents("train", corpus_dir), iter_documents("dev", corpus_dir), model_dir, version)
    count = predict_to_file(system, iter_documents(split, corpus_dir), output, version, split,
                            progress=lambda docs: tqdm(docs, desc=f"{system_name} on {split}", unit="doc", disable=None, leave=False))
    click.echo(f"wrote {output}: {count} documents predicted by {system_name}")


@main.command()
@click.option("--system", "system_name", default="learned", show_default=True, help="A system that is trained.")
@click.option("--corpus", "corpus_dir", type=click.Path(file_okay=False, path_type=Path), default=None)
@click.option("--models", "model_dir", type=click.Path(file_okay=False, path_type=Path), default=MODEL_DIR, show_default=True)
def train(system_name: str, corpus_dir: Path | None, model_dir: Path) -> None:
    """Fit a system on the train split (tuned on dev) and save it with the corpus version."""
    import time

    from newsbench.baselines.system import make_system
    from newsbench.corpus.loader import corpus_version, iter_documents
    from newsbench.corpus.release import CORPUS_DIR

    corpus_dir = corpus_dir or CORPUS_DIR
    system = make_system(system_name)
    if not hasattr(system, "save"):
        raise click.UsageError(f"system {system_name!r} is not trained: it prepares itself at predict time")
    started = time.perf_counter()
    with stderr.status(f"training {system_name}"):
        system.fit(iter_documents("train", corpus_dir), iter_documents("dev", corpus_dir))
    version = corpus_version(corpus_dir)
    path = system.save(model_dir, version)
    click.echo(f"trained {system_name} on corpus {version} in {time.perf_counter() - started:.1f}s: {path}")


@main.command()
def systems() -> None:
    """List the registered systems."""
    from newsbench.baselines.system import make_system, system_names

    for name in system_names():
        try:
            description = make_system(name).description
        except NewsbenchError as err:
            description = f"(unavailable: {err})"
        click.echo(f"{name:<16} {description}")


@main.command()
@click.argument("predictions", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--name", required=True, help="The system's name (letters, digits, '.', '_', '-').")
@click.option("--description", default=None, help="One sentence on what the system does (a registered system's own by default).")
@click.option("--version", "system_version", default=None, help="The system's version (a registered system's own, else 1).")
@click.option("--url", default=None, help="Where the system lives (paper, code).")
@click.option("--split", type=click.Choice(["dev", "test"]), default=None, help="Default: the header's split.")
@click.option("--corpus", "corpus_dir", type=click.Path(file_okay=False, path_type=Path), default=None)
@click.option("--results", "results_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="The results folder (default: baselines/results; LEADERBOARD.md goes beside it).")
def submit(predictions: Path, name: str, description: str | None, system_version: str | None, url: str | None,
           split: str | None, corpus_dir: Path | None, results_dir: Path | None) -> None:
    """Score predictions, store the result record beside them in baselines/results/, regenerate the leaderboard."""
    from newsbench.baselines.system import make_system, system_names
    from newsbench.baselines.leaderboard import write_leaderboard
    from newsbench.baselines.records import RESULTS_DIR, make_record, save_record, sha256_of
    from newsbench.corpus.loader import corpus_version, iter_documents
    from newsbench.corpus.release import CORPUS_DIR
    from newsbench.evaluate.harness import Options, PredictionFile
    from newsbench.evaluate.harness import evaluate as score

    corpus_dir = corpus_dir or CORPUS_DIR
    header = PredictionFile(predictions).header or {}
    split = split or header.get("split")
    if split not in ("dev", "test"):
        raise click.UsageError("say --split dev or test (the prediction file's header names none)")
    if name in system_names() and (description is None or system_version is None):
        registered = make_system(name)
        description = description or registered.description
        system_version = system_version or registered.version
    if description is None:
        raise click.UsageError("give --description: one sentence on what the system does")
    version = corpus_version(corpus_dir)
    report = score(iter_documents(split, corpus_dir), predictions, version, split, Options())
    record = make_record(report, name, system_version or "1", description, sha256_of(predictions), url)
    results_dir = results_dir or RESULTS_DIR
    path = save_record(record, predictions, results_dir)
    board = write_leaderboard(version, lambda s: iter_documents(s, corpus_dir), results_dir.parent / "LEADERBOARD.md", results_dir)
    click.echo(f"wrote {path} and {board}")


@main.command()
@click.option("--corpus", "corpus_dir", type=click.Path(file_okay=False, path_type=Path), default=None)
@click.option("--results", "results_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="The results folder (default: baselines/results; LEADERBOARD.md goes beside it).")
@click.option("--html", "html_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Also write the leaderboard as a page (with plots) to this folder's index.html.")
def leaderboard(corpus_dir: Path | None, results_dir: Path | None, html_dir: Path | None) -> None:
    """Regenerate LEADERBOARD.md from the stored result records (and, with --html, a page)."""
    from newsbench.baselines.leaderboard import write_leaderboard
    from newsbench.baselines.records import RESULTS_DIR
    from newsbench.corpus.loader import corpus_version, iter_documents
    from newsbench.corpus.release import CORPUS_DIR

    corpus_dir = corpus_dir or CORPUS_DIR
    results_dir = results_dir or RESULTS_DIR
    path = write_leaderboard(corpus_version(corpus_dir), lambda s: iter_documents(s, corpus_dir), results_dir.parent / "LEADERBOARD.md", results_dir)
    click.echo(f"wrote {path}")
    if html_dir:
        from newsbench.baselines.leaderboard_page import write_leaderboard_page

        click.echo(f"wrote {write_leaderboard_page(corpus_version(corpus_dir), html_dir, results_dir)}")


@main.command()
@click.argument("doc_id", required=False)
@click.option("--split", type=click.Choice(["train", "dev", "test"]), default=None, help="Write every document of a split.")
@click.option("--predictions", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=None,
              help="Draw this prediction file beside the gold, with ok / missed / spurious marks.")
@click.option("-o", "--output", type=click.Path(path_type=Path), required=True,
              help="The page (with DOC_ID) or the folder (with --split).")
@click.option("--corpus", "corpus_dir", type=click.Path(file_okay=False, path_type=Path), default=None)
def show(doc_id: str | None, split: str | None, predictions: Path | None, output: Path, corpus_dir: Path | None) -> None:
    """Draw a document's layers as a static HTML page, or every document of a split into a folder with an index."""
    import contextlib

    from newsbench.corpus.loader import iter_documents
    from newsbench.corpus.release import CORPUS_DIR
    from newsbench.evaluate.harness import PredictionFile
    from newsbench.evaluate.viewer import document_page, index_page
    from newsbench.jsonl import atomic_writer

    if (doc_id is None) == (split is None):
        raise click.UsageError("give a document id or --split (not both)")
    corpus_dir = corpus_dir or CORPUS_DIR
    documents = [d for s in ([split] if split else ["train", "dev", "test"]) for d in iter_documents(s, corpus_dir)
                 if doc_id is None or d["id"] == doc_id]
    if not documents:
        raise NewsbenchError(f"no document {doc_id!r} in the corpus")
    system = None
    lookup = None
    if predictions:
        lookup = PredictionFile(predictions)
        system = (lookup.header or {}).get("system") or predictions.stem
    with lookup if lookup else contextlib.nullcontext():
        pages = {}
        for document in documents:
            found = lookup.get(document["id"]) if lookup else None
            pages[document["id"]] = document_page(document, found[1] if found else ({} if lookup else None), system)
    targets = {output: pages[doc_id]} if doc_id else {output / f"{i}.html": page for i, page in pages.items()}
    if split:
        targets[output / "index.html"] = index_page(documents, split, system)
    for path, page in targets.items():
        with atomic_writer(path) as handle:
            handle.write(page)
    click.echo(f"wrote {output}" + (f" ({len(documents)} documents and an index)" if split else ""))



if __name__ == "__main__":
    main()
