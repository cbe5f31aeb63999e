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
            stderr.print(f"{len(err.errors)} errors", markup=False)
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


if __name__ == "__main__":
    main()
