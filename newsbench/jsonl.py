"""JSONL reading that reports bad lines by file and line, and writing that is atomic."""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

import jsonlines

from newsbench.errors import InputError

MAX_LINE_BYTES = 64 * 1024 * 1024
"""A line longer than this is refused: no document or prediction line comes near it."""


def _decoded_lines(path: Path, handle: IO[bytes], max_line_bytes: int, offsets: list[int]) -> Iterator[str]:
    offset = 0
    for line_no, raw in enumerate(iter(lambda: handle.readline(max_line_bytes + 1), b""), start=1):
        if len(raw) > max_line_bytes:
            raise InputError(path, line_no, f"line is longer than {max_line_bytes} bytes")
        offsets.append(offset)
        offset += len(raw)
        try:
            yield raw.decode("utf-8")
        except UnicodeDecodeError as err:
            raise InputError(path, line_no, f"not valid UTF-8 (byte {err.start} of the line)") from None


def scan_jsonl(path: str | os.PathLike[str], max_line_bytes: int = MAX_LINE_BYTES) -> Iterator[tuple[int, int, dict[str, Any]]]:
    """Yield `(line_number, byte_offset, object)` for each non-blank line of a JSONL file.

    Raises `InputError` naming the file and line for a missing or empty file, bytes that
    are not UTF-8, a line that is not JSON, a line that is not an object, or an over-long line.
    """
    path = Path(path)
    if not path.is_file():
        raise InputError(path, None, "no such file")
    if path.stat().st_size == 0:
        raise InputError(path, None, "empty file: expected one JSON object per line")
    seen_any = False
    offsets: list[int] = []
    with path.open("rb") as handle:
        reader = jsonlines.Reader(_decoded_lines(path, handle, max_line_bytes, offsets))
        line_no = 0
        while True:
            line_no += 1
            try:
                obj = reader.read(type=dict, allow_none=True, skip_empty=False)
            except EOFError:
                break
            except jsonlines.InvalidLineError as err:
                text = err.line.strip()
                if not text:
                    continue
                problem = "not a JSON object" if _is_json(text) else "not valid JSON"
                raise InputError(path, err.lineno, f"{problem}: {_preview(text)}") from None
            if obj is None:
                raise InputError(path, line_no, "not a JSON object: null")
            seen_any = True
            yield line_no, offsets[-1], obj
            offsets.clear()
    if not seen_any:
        raise InputError(path, None, "empty file: expected one JSON object per line")


def read_jsonl(path: str | os.PathLike[str], max_line_bytes: int = MAX_LINE_BYTES) -> Iterator[tuple[int, dict[str, Any]]]:
    """Yield `(line_number, object)` for each non-blank line of a JSONL file (errors as `scan_jsonl`)."""
    for line_no, _, obj in scan_jsonl(path, max_line_bytes):
        yield line_no, obj


def read_line_at(handle: IO[bytes], offset: int) -> dict[str, Any]:
    """The JSON object of the line starting at `offset` of an open binary file (found by `scan_jsonl`)."""
    handle.seek(offset)
    return json.loads(handle.readline().decode("utf-8"))


def _is_json(text: str) -> bool:
    try:
        json.loads(text)
    except ValueError:
        return False
    return True


def _preview(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 3] + "..."


def dumps(obj: Any) -> str:
    """The one serialisation of a JSONL line in newsbench: UTF-8 text, keys in given order."""
    return json.dumps(obj, ensure_ascii=False)


@contextlib.contextmanager
def atomic_writer(path: str | os.PathLike[str], mode: str = "w") -> Iterator[IO[Any]]:
    """Open a temporary file beside `path`; on success it replaces `path`, on error it is removed.

    A reader never sees a half-written file, and an interrupted run leaves the old file as it was.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        encoding = None if "b" in mode else "utf-8"
        with os.fdopen(fd, mode, encoding=encoding, newline=None if "b" in mode else "\n") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def write_jsonl(path: str | os.PathLike[str], objects: Iterable[dict[str, Any]]) -> int:
    """Write objects as JSONL atomically; return the number of lines written."""
    count = 0
    with atomic_writer(path) as handle:
        writer = jsonlines.Writer(handle, dumps=dumps)
        for obj in objects:
            writer.write(obj)
            count += 1
    return count
