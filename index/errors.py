"""Problems with an index directory that the user must resolve (each message says how)."""

REBUILD_HINT = "run 'baogao build --rebuild' to index the files again"


class IndexDirectoryError(Exception):
    """A problem with the index directory that the user must resolve; the message says how."""


class IndexBusy(IndexDirectoryError):
    """Another build holds the index's build lock."""


class IndexFormatError(IndexDirectoryError):
    """An index written by another version of Baogao, which this one cannot read."""


class IndexDamaged(IndexDirectoryError):
    """Files the index needs are gone (deleted by hand, a disk error)."""
