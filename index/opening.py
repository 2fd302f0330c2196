"""Finding and opening an index for reading, apart from the build: a search process
imports this and not the build's parser, readers and writers."""
from __future__ import annotations

from pathlib import Path

from whoosh import index as whoosh_index

from .errors import REBUILD_HINT, IndexDirectoryError, IndexFormatError
from .schema import build_schema
from .whoosh_ext import stored_schema

INDEX_NAME = "baogao"


def index_exists(index_dir: Path | str) -> bool:
    """Whether `index_dir` holds a Baogao index."""
    # A table of contents file marks an index (whoosh's exists_in would unpickle its schema).
    return any(Path(index_dir).glob(f"_{INDEX_NAME}_*.toc"))


def open_index(index_dir: Path | str):
    """Open an existing index for reading, with a clear error when there is none."""
    index_dir = Path(index_dir)
    if not index_exists(index_dir):
        raise IndexDirectoryError(f"no index at {index_dir}: run 'baogao build --index {index_dir}' first")
    return checked_index(index_dir)


def checked_index(index_dir: Path):
    """The index at `index_dir`, opened, or refused when its schema is one this version
    cannot read.

    Whoosh pickles the schema with the module paths of its field types, so an index written
    by an older layout fails to unpickle instead of comparing unequal; the index is opened
    with our schema, so Whoosh never unpickles the stored one itself.
    """
    schema = build_schema()
    ix = whoosh_index.open_dir(str(index_dir), indexname=INDEX_NAME, schema=schema)
    if stored_schema(ix) != schema:
        raise IndexFormatError(f"{index_dir}: index format changed (it was built by another "
                               f"version of Baogao): {REBUILD_HINT}")
    return ix
