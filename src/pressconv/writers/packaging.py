"""What the zip-based and dated formats share: reproducible timestamps and reproducible zips.

Archives diff and deduplicate files, so the same release must give the same
bytes every time: no wall-clock time may reach the output.
"""

from __future__ import annotations

import datetime
import io
import os
import zipfile
from typing import Any

from pressconv.errors import OptionError
from pressconv.model import Collection, Release

# The earliest time a zip entry can hold; used for every entry so bytes never depend on the clock.
_ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)


def document_timestamp(release: Release) -> datetime.datetime | None:
    """When the document was "created": SOURCE_DATE_EPOCH if set (reproducible builds), else the
    publication date at midnight UTC, else None — never the current time."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        try:
            return datetime.datetime.fromtimestamp(int(epoch), tz=datetime.UTC)
        except (ValueError, OverflowError, OSError):
            raise OptionError(f"SOURCE_DATE_EPOCH={epoch!r} is not a number of seconds since 1970") from None
    if release.date is not None:
        return datetime.datetime.combine(release.date, datetime.time(), tzinfo=datetime.UTC)
    return None


def collection_timestamp(collection: Collection) -> datetime.datetime | None:
    """A collection's timestamp: SOURCE_DATE_EPOCH, else its latest release's date, else None."""
    stamps = [document_timestamp(release) for release in collection.releases]
    known = [stamp for stamp in stamps if stamp is not None]
    return max(known) if known else None


class ReproducibleZipFile(zipfile.ZipFile):
    """A ZipFile whose entries, added by name, get a fixed time and mode instead of the clock's.

    Handed to a library that writes its own package (ebooklib), it makes the
    output reproducible in one pass, with no re-zipping afterwards.
    """

    def writestr(
        self, zinfo_or_arcname: str | zipfile.ZipInfo, data: Any, compress_type: int | None = None,
        compresslevel: int | None = None,
    ) -> None:  # fmt: skip
        if isinstance(zinfo_or_arcname, str):
            info = zipfile.ZipInfo(zinfo_or_arcname, date_time=_ZIP_EPOCH)
            info.compress_type = self.compression if compress_type is None else compress_type
            info.external_attr = 0o644 << 16
            info.create_system = 3
            zinfo_or_arcname = info
        super().writestr(zinfo_or_arcname, data, compress_type, compresslevel)


def reproducible_zip(data: bytes, *, stored: frozenset[str] = frozenset()) -> bytes:
    """The same zip with every entry's timestamp, permissions and creator fixed.

    Entry order is kept (OOXML and EPUB both care which entry comes first).
    Names in `stored` are written uncompressed (EPUB's `mimetype`).
    """
    output = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(output, "w") as target:
        for entry in source.infolist():
            info = zipfile.ZipInfo(entry.filename, date_time=_ZIP_EPOCH)
            info.compress_type = zipfile.ZIP_STORED if entry.filename in stored else zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 3
            target.writestr(info, source.read(entry.filename))
    return output.getvalue()
