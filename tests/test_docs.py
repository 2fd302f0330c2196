"""The README and docs/ document every command, option and setting a user can type."""
import re

import click

from baogao import settings
from baogao.cli import main

from .conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
DOCS = README + "".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "docs").glob("*.md")))


def test_every_command_is_in_the_readme():
    for name in main.commands:
        assert re.search(rf"baogao {name}\b", README), f"baogao {name} is not documented in README.md"


def test_every_option_of_every_command_is_documented():
    """The docs, not click's own --help, must name each option."""
    missing = []
    for name, command in main.commands.items():
        for param in command.params:
            if isinstance(param, click.Option):
                flag = max(param.opts, key=len)
                if not re.search(rf"{re.escape(flag)}\b", DOCS):
                    missing.append(f"baogao {name} {flag}")
    assert missing == []


def test_readme_starts_with_the_two_commands():
    blocks = re.findall(r"```sh\n(.*?)\n```", README, re.S)
    assert "baogao build" in blocks[0] and "baogao serve" in blocks[0]
    assert "pytest" in blocks[1] and "chromium" in blocks[1]


def test_the_settings_table_in_docs_matches_the_code():
    assert settings.markdown_table() in (ROOT / "docs" / "settings.md").read_text(encoding="utf-8")


def test_cli_options_take_their_defaults_from_the_settings(runner, monkeypatch):
    help_text = runner.invoke(main, ["serve", "--help"]).output
    assert "BAOGAO_PORT" in help_text and "8000" in help_text
    monkeypatch.setenv("BAOGAO_PER_PAGE", "0")
    result = runner.invoke(main, ["search", "法治", "--index", "/nonexistent"])
    assert result.exit_code == 2 and "BAOGAO_PER_PAGE=0" in result.stderr and "Traceback" not in result.output
