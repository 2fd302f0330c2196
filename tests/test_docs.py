"""The README documents every command and option a user can type."""
import re

from search.cli import main

from .conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_every_command_is_in_the_readme():
    for name in main.commands:
        assert re.search(rf"baogao {name}\b", README), f"baogao {name} is not documented in README.md"


def test_readme_starts_with_the_two_commands():
    blocks = re.findall(r"```sh\n(.*?)\n```", README, re.S)
    assert "baogao build" in blocks[0] and "baogao serve" in blocks[0]
    assert "pytest" in blocks[1] and "chromium" in blocks[1]


def test_search_options_are_documented(runner):
    help_text = runner.invoke(main, ["search", "--help"]).output
    for option in ("--year", "--province", "--city", "--county", "--town", "--section", "--sort",
                   "--limit", "--page", "--all", "--json", "--index"):
        assert option in help_text
