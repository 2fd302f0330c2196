"""The layout of a sharded index: a manifest and N complete indexes beside it.

    index/
      shards.json        {"format": ..., "shards": ["shard-00", ...]}
      shard-00/          a complete Baogao index (Whoosh files, snapshot, dictionary)
      shard-01/ ...

A report lives in exactly one shard, chosen by a stable hash of its id (which is itself a
hash of its file's path), so a rebuild, an incremental build and --prune send every report
to the shard that already holds it, and only the shards whose reports changed are written.
An unsharded index is the case N = 1: its directory is its only shard.
"""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

MANIFEST = "shards.json"
FORMAT = "baogao-shards/1"
MAX_SHARDS = 256


class ShardLayoutError(Exception):
    """A manifest that cannot be read, or a shard count that does not fit the index."""


def shard_of(report_id: str, count: int) -> int:
    """The shard (0 … count-1) that holds report `report_id`."""
    digest = hashlib.sha1(report_id.encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big") % count


def shard_name(number: int) -> str:
    return f"shard-{number:02d}"


def is_sharded(index_dir: Path | str) -> bool:
    """Whether `index_dir` holds a sharded index (a manifest)."""
    return (Path(index_dir) / MANIFEST).is_file()


def shard_dirs(index_dir: Path | str) -> list[Path]:
    """The directories of the index's shards, in shard order: the manifest's, or the
    directory itself for an unsharded index."""
    index_dir = Path(index_dir)
    if not is_sharded(index_dir):
        return [index_dir]
    try:
        manifest = json.loads((index_dir / MANIFEST).read_text(encoding="utf-8"))
        names = manifest["shards"]
        if manifest.get("format") != FORMAT or not names or not all(isinstance(n, str) for n in names):
            raise ValueError("unknown format")
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ShardLayoutError(f"{index_dir / MANIFEST}: not a shard manifest this version can read ({exc}); "
                               "run 'baogao build --rebuild' to index the files again") from None
    return [index_dir / name for name in names]


def write_manifest(index_dir: Path, count: int) -> list[Path]:
    """Create the manifest of a new index of `count` shards (and their directories)."""
    if not 1 <= count <= MAX_SHARDS:
        raise ShardLayoutError(f"--shards must be between 1 and {MAX_SHARDS}")
    names = [shard_name(i) for i in range(count)]
    for name in names:
        (index_dir / name).mkdir(parents=True, exist_ok=True)
    temp = index_dir / f".tmp-{MANIFEST}"
    temp.write_text(json.dumps({"format": FORMAT, "shards": names,
                                "routing": "sha1(report id) mod shards"}, indent=1), encoding="utf-8")
    temp.replace(index_dir / MANIFEST)  # the manifest appears whole, after its directories
    return [index_dir / name for name in names]
