"""The one exception family pressconv raises.

Every message names what was wrong and what to do about it, because the CLI
prints it as the whole explanation the user gets.
"""

from __future__ import annotations


class PressconvError(Exception):
    """Base class: catch this to handle any pressconv failure."""


class InputError(PressconvError):
    """The input cannot be read as a raw release (empty, binary, too large, undecodable)."""


class InvalidReleaseError(PressconvError, ValueError):
    """A `Release` built by hand holds text no output format can carry."""


class UsageError(PressconvError):
    """The request itself is wrong (a bad option, an unknown format): the command line exits with 2."""


class UnknownFormatError(UsageError):
    """No reader or writer is registered under the requested name."""


class OptionError(UsageError):
    """A writer was given an option it does not have, or a bad value for one."""


class OutputError(PressconvError):
    """The output cannot be written (exists already, not writable, writer failed)."""
