"""The batch report (`--report FILE.json`): a JSON array, one row per input, streamed so memory stays flat.

Written through `atomic_output`: the file appears complete or not at all. A row
that cannot be written (a full disk) stops the report, never the batch, and a
report cut short that way never replaces the previous one at that path. A run
that is interrupted (Ctrl-C, SIGTERM) still closes the array and lands its
report: every row in it is true of the files on disk.
"""

from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path
from types import TracebackType
from typing import Any, BinaryIO

from pressconv._pipeline import atomic_output
from pressconv.errors import OptionError, OutputError


class BatchReport:
    """Context manager: `add(row)` per input; `error` says why the report could not be completed."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.rows = 0
        self.error: str | None = None
        self._output: contextlib.AbstractContextManager[BinaryIO] | None = None
        self._text: io.TextIOWrapper | None = None

    def __enter__(self) -> BatchReport:
        output = atomic_output(self.path)
        try:
            binary = output.__enter__()
        except OutputError as error:
            raise OptionError(f"cannot write the report {self.path}: {error}") from None
        self._output = output
        self._text = io.TextIOWrapper(binary, encoding="utf-8", errors="replace", newline="\n")
        self._write(self._text, "[")
        return self

    def add(self, row: dict[str, Any]) -> str | None:
        """Write one row; returns the report's error, if it has one (the batch goes on either way)."""
        if self._text is None or self.error:
            return self.error
        self._write(self._text, ("\n  " if self.rows == 0 else ",\n  ") + json.dumps(_sanitised(row), ensure_ascii=False))
        if self.error is None:
            self.rows += 1
        return self.error

    def _write(self, stream: io.TextIOWrapper, text: str) -> None:
        try:
            stream.write(text)
        except (OSError, ValueError) as error:
            self.error = f"cannot write the report: {getattr(error, 'strerror', None) or error}; the conversion went on"

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None, trace: TracebackType | None) -> None:
        output, text = self._output, self._text
        if output is None or text is None:
            return
        self._output = self._text = None
        if self.error is None:
            self._write(text, "\n]\n")
        if self.error is None:
            try:
                text.flush()
            except (OSError, ValueError) as error:
                self.error = f"cannot write the report: {getattr(error, 'strerror', None) or error}"
        with contextlib.suppress(OSError, ValueError):
            text.detach()  # the binary stream is atomic_output's to close
        if self.error is None:
            try:
                output.__exit__(None, None, None)  # lands the report
            except OutputError as error:
                self.error = str(error)
            return
        failure = OutputError(self.error)
        output.__exit__(OutputError, failure, None)  # removes the temporary file; the previous report stays


def _sanitised(value: Any) -> Any:
    """Report values that JSON and UTF-8 can carry: lone surrogates become U+FFFD."""
    if isinstance(value, str):
        return value.encode("utf-8", "surrogatepass").decode("utf-8", "replace") if _has_surrogate(value) else value
    if isinstance(value, dict):
        return {key: _sanitised(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_sanitised(item) for item in value]
    return value


def _has_surrogate(text: str) -> bool:
    return any("\ud800" <= char <= "\udfff" for char in text)


__all__ = ["BatchReport"]
