"""Every setting of Baogao, declared once: name, default, environment variable, help.

Like datasette's SETTINGS table, this one list feeds the CLI options, the Flask config, the
limits in /api/openapi.json and the table in docs/settings.md (a test compares the two).
It imports nothing of ours, so every layer may read it.

A value comes from, in order: an explicit override (a CLI option, a Flask test config),
the environment variable, the default.
"""
from __future__ import annotations

import os
from dataclasses import dataclass


@dataclass(frozen=True)
class Setting:
    """One setting: its name, default, environment variable and a one-line help."""

    name: str
    default: int | str
    help: str
    minimum: int | None = None
    maximum: int | None = None

    @property
    def env(self) -> str:
        """The environment variable that sets it: BAOGAO_ and the upper-case name."""
        return f"BAOGAO_{self.name.upper()}"

    def parse(self, raw: str) -> int | str:
        """A raw value (from the environment) checked against the type and bounds."""
        if isinstance(self.default, str):
            return raw
        try:
            value = int(raw)
        except ValueError:
            raise SettingError(f"{self.env}={raw!r}: {self.name} must be a whole number") from None
        if (self.minimum is not None and value < self.minimum) or (
                self.maximum is not None and value > self.maximum):
            raise SettingError(f"{self.env}={raw}: {self.name} must be between "
                               f"{self.minimum} and {self.maximum}")
        return value


class SettingError(ValueError):
    """A setting given a value it cannot take; the message names the variable."""


SETTINGS = (
    Setting("index", "baogao-index", "Index directory."),
    Setting("user_dict", "", "Extra jieba dictionaries (word [freq] [tag] per line), ':'-separated; "
                             "rebuild after changing them."),
    Setting("per_page", 10, "Hits per page when none is asked for.", 1, 100),
    Setting("max_per_page", 100, "Largest page size a search may ask for.", 1, 1000),
    Setting("max_page", 1000, "Highest page number a search may ask for.", 1, 100000),
    Setting("max_query_length", 500, "Longest query accepted, in characters.", 10, 10000),
    Setting("max_query_terms", 32, "Most words, phrases and filters one query may hold.", 1, 1000),
    Setting("facet_limit", 100, "Values listed per facet field in an answer.", 1, 10000),
    Setting("max_hit_text", 4000, "Longest block text in one hit; a longer block is cut around its first match.",
            200, 1000000),
    Setting("max_url_length", 16384, "Longest query string the web server accepts, in bytes.", 1024, 1000000),
    Setting("export_limit", 100000, "Most hits one export may hold (CSV, JSON lines, XLSX).", 1, 10000000),
    Setting("max_file_mb", 50, "Largest report file read, in MB (a .docx also: unpacked).", 1, 10000),
    Setting("build_batch", 2000, "Reports per build commit: what an interrupted build can lose.", 1, 1000000),
    Setting("build_processes", 0, "Processes that analyse files and write the index (0: one per core).", 0, 64),
    Setting("cluster", "", "Dask scheduler (tcp://host:8786) whose workers build and search a sharded index; "
                           "'local' starts one on this machine (docs/cluster.md)."),
    Setting("host", "127.0.0.1", "Address `baogao serve` listens on."),
    Setting("port", 8000, "Port `baogao serve` listens on.", 1, 65535),
    Setting("connection_limit", 1000, "Open connections `baogao serve` accepts at once (slow clients hold one each).",
            10, 100000),
    Setting("channel_timeout", 30, "Seconds a connection may sit idle before `baogao serve` closes it.", 1, 3600),
    Setting("threads", 4, "Threads each `baogao serve` worker answers requests with.", 1, 64),
    Setting("workers", 0, "Processes `baogao serve` answers requests with, on one port (0: one per core).", 0, 64),
)
BY_NAME = {s.name: s for s in SETTINGS}


def get(name: str, override: int | str | None = None) -> int | str:
    """The value of setting `name`: `override` when given, else its environment variable,
    else its default."""
    setting = BY_NAME[name]
    if override is not None:
        return override
    raw = os.environ.get(setting.env)
    return setting.parse(raw) if raw not in (None, "") else setting.default


def resolved(overrides: dict | None = None) -> dict[str, int | str]:
    """Every setting's value, as a dict (overrides win, then the environment)."""
    overrides = overrides or {}
    return {s.name: get(s.name, overrides.get(s.name)) for s in SETTINGS}


def markdown_table() -> str:
    """The settings as the Markdown table that docs/settings.md holds."""
    rows = ["| setting | environment variable | default | meaning |", "|---|---|---|---|"]
    for s in SETTINGS:
        default = f"`{s.default}`" if s.default != "" else "(none)"
        bounds = f" ({s.minimum}–{s.maximum})" if s.minimum is not None else ""
        rows.append(f"| `{s.name}` | `{s.env}` | {default} | {s.help}{bounds} |")
    return "\n".join(rows)
