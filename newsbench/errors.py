"""Errors that name the file, line, column and field of bad input."""

from __future__ import annotations

from dataclasses import dataclass
from os import PathLike


class NewsbenchError(Exception):
    """Any error newsbench reports to the user as one line, without a traceback."""


@dataclass
class InputError(NewsbenchError):
    """Bad input at a place in a file: rendered as `file:line:column: field: message`."""

    file: str | PathLike[str]
    line: int | None
    message: str
    field: str | None = None
    column: int | None = None

    def __post_init__(self) -> None:
        super().__init__(str(self))

    def __str__(self) -> str:
        where = str(self.file)
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        what = f"{self.field}: {self.message}" if self.field else self.message
        return f"{where}: {what}"


class InputErrors(NewsbenchError):
    """Several input errors found in one pass; each is reported on its own line."""

    def __init__(self, errors: list[InputError]):
        self.errors = errors
        super().__init__("\n".join(str(e) for e in errors))
