"""Regular expressions compiled when first needed, not when a reader is imported.

Compiling a long pattern costs about a microsecond per character, and a
reader's modules hold dozens of them: compiled at import, they were most of
the cost of the first release a process reads. Patterns that every release
needs are still compiled at import; those that only some releases need
(contact headings, datelines, the full month alternation) are wrapped in
`lazy_pattern`, so a process pays for them only if it meets such a release.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from typing import AnyStr


def lazy_pattern(pattern: AnyStr, flags: int = 0) -> Callable[[], re.Pattern[AnyStr]]:
    """A function returning `re.compile(pattern, flags)`, compiled on its first call and the same object after that.

    The cache lives on the returned function (`functools.cache`), not in `re`'s own cache,
    which a program that uses many patterns can evict.
    """

    @functools.cache
    def compiled() -> re.Pattern[AnyStr]:
        return re.compile(pattern, flags)

    return compiled
