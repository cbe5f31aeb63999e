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
    write_release(release_files(documents, card_prose(corpus_dir)), target)
    click.echo(f"built {target}: {summary}")


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
    """Print the corpus version and its counts per split and layer."""
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


if __name__ == "__main__":
    main()
