"""What a conversion produced: `Result` (one per release, or one per bundle), `Output` (one per format), `Status`.

One vocabulary for every caller: `convert` returns a `Result`, a batch yields
one per input (`pressconv.batch.run.run_batch`), `bundle` returns one for the
whole collection, and the CLI and the service only print or serialise them.
Kept apart from `pressconv.api` so the private pipeline and the batch build
them without importing the public functions.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from pressconv.model import Collection, Notice, Release, Removal


class Status(StrEnum):
    """What became of one input. A `StrEnum`, so a report row's `"status": "converted"` stays plain JSON."""

    #: Every format written.
    CONVERTED = "converted"
    #: Some formats written, others failed (`Output.error` says why).
    PARTIAL = "partial"
    #: Nothing written: the input could not be read, or no format could be written.
    FAILED = "failed"
    #: The same release as an earlier input of the batch (`Result.duplicate_of`); not written again.
    DUPLICATE = "duplicate"
    #: Its outputs existed already (`--skip-existing`); not written again.
    SKIPPED = "skipped"

    @property
    def done(self) -> bool:
        """The input needs no further run: everything but a failure."""
        return self is not Status.FAILED


@dataclass(frozen=True, slots=True)
class Output:
    """One format of one conversion: where it went (`path`), its bytes (`data`), or why it failed (`error`).

    `notices` are what that format's writer had to say (a fallback font, a truncated value).
    """

    format: str
    path: str | None = None
    data: bytes | None = None
    error: str | None = None
    notices: tuple[Notice, ...] = ()


@dataclass(frozen=True, slots=True)
class Result:
    """What a conversion produced, in the shape of mammoth's `Result(value, messages)`.

    `release` is the cleaned release (None when it could not be read; for a
    bundle, see `collection`); `notices` holds every notice from reading,
    cleaning and writing, in that order; `removed` what the cleaner took out.
    `source` names the input (a path, `corpus.jsonl:17`); `status`, `error`
    and `duplicate_of` say what became of it in a batch. A bundle's result
    lists the inputs left out as (input, error) `failures` and (input, first
    input) `duplicates`.
    """

    release: Release | None
    outputs: tuple[Output, ...] = ()
    notices: tuple[Notice, ...] = ()
    removed: tuple[Removal, ...] = ()
    collection: Collection | None = None
    failures: tuple[tuple[str, str], ...] = ()
    duplicates: tuple[tuple[str, str], ...] = ()
    status: Status = Status.CONVERTED
    source: str | None = None
    error: str | None = None
    duplicate_of: str | None = None

    @property
    def data(self) -> bytes:
        """The bytes of the only output (`convert(…, output=None)` with one format).

        Raises `AttributeError` otherwise, so `hasattr(result, "data")` is a fair question.
        """
        if len(self.outputs) != 1 or self.outputs[0].data is None:
            where = "it was written to a path or stream" if len(self.outputs) == 1 else f"it has {len(self.outputs)} outputs"
            raise AttributeError(f"this result has no single in-memory output ({where}); look at .outputs")
        return self.outputs[0].data


__all__ = ["Output", "Result", "Status"]
