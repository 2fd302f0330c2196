"""The package is a house in layers: every import arrow runs down, and none runs in a circle.

    baogao.cli, baogao/__init__      (top: may import anything)
    baogao.web                       imports search, index
    baogao.search                    imports index
    baogao.index                     imports nothing of ours
    baogao.settings, baogao.cluster  leaves every layer may use; they import nothing of ours
"""
import ast
from pathlib import Path

from .conftest import ROOT

FOLDERS = {"index": "baogao.index", "search": "baogao.search", "web": "baogao.web", "baogao": "baogao"}
LEAVES = {"baogao.settings", "baogao.cluster"}
ALLOWED = {
    "baogao.settings": set(),
    "baogao.cluster": set(),
    "baogao.index": {"baogao.index", *LEAVES},
    "baogao.search": {"baogao.search", "baogao.index", *LEAVES},
    "baogao.web": {"baogao.web", "baogao.search", "baogao.index", *LEAVES},
}


def modules() -> dict[str, Path]:
    """{dotted module name: file} for every module of the package."""
    found = {}
    for folder, package in FOLDERS.items():
        for path in sorted((ROOT / folder).rglob("*.py")):
            parts = path.relative_to(ROOT / folder).with_suffix("").parts
            name = ".".join((package, *parts))
            found[name.removesuffix(".__init__")] = path
    return found


def imports_of(name: str, path: Path) -> set[str]:
    """The modules of ours that a module imports (at any depth in its code)."""
    is_package = path.name == "__init__.py"
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out.update(a.name for a in node.names if a.name.split(".")[0] == "baogao")
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = name.split(".") if is_package else name.split(".")[:-1]
                base = base[:len(base) - (node.level - 1)]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if target.split(".")[0] != "baogao":
                continue
            submodules = {f"{target}.{a.name}" for a in node.names} & set(modules())
            # `from package import module` imports that module (the package's __init__ is lazy)
            out.update(submodules or {target})
    return out


def layer(name: str) -> str | None:
    """The layer a module belongs to (None for the top layer)."""
    for prefix in sorted(ALLOWED, key=len, reverse=True):
        if name == prefix or name.startswith(prefix + "."):
            return prefix
    return None


def test_every_import_runs_down_the_layers():
    wrong = []
    for name, path in modules().items():
        own = layer(name)
        if own is None:
            continue
        for target in imports_of(name, path):
            if layer(target) not in ALLOWED[own]:
                wrong.append(f"{name} imports {target}")
    assert wrong == []


def test_no_import_circles():
    graph = {name: {t for t in imports_of(name, path) if t in modules() and t != name}
             for name, path in modules().items()}
    state: dict[str, int] = {}
    cycles = []

    def visit(node, trail):
        state[node] = 1
        for nxt in graph[node]:
            if state.get(nxt) == 1:
                cycles.append(trail[trail.index(nxt):] + [nxt])
            elif nxt not in state:
                visit(nxt, trail + [nxt])
        state[node] = 2

    for name in graph:
        if name not in state:
            visit(name, [name])
    assert cycles == []


def test_the_checker_sees_an_upward_arrow(tmp_path):
    """The walk itself works: an import of web from index would be caught."""
    bad = tmp_path / "bad.py"
    bad.write_text("from baogao.web.app import create_app\nfrom ..search import query\n", encoding="utf-8")
    found = imports_of("baogao.index.bad", bad)
    assert found == {"baogao.web.app", "baogao.search.query"}
    assert layer("baogao.web.app") not in ALLOWED["baogao.index"]


def test_a_search_from_the_command_line_loads_neither_the_parser_nor_the_build(seed_index):
    """One `baogao search` is a process of its own: it starts faster without the parser's
    patterns and gazetteer and the build's writers (about a quarter of a second), and
    without setuptools' pkg_resources, which jieba would import (a third of a second)."""
    import subprocess
    import sys

    script = ("import sys\nfrom baogao.cli import main\n"
              "try:\n    main(['search', '\"枫桥经验\"', '--index', sys.argv[1]])\n"
              "except SystemExit:\n    pass\n"
              "print(sorted(m for m in ('baogao.index.reports', 'baogao.index.build', 'baogao.index.places', 'pkg_resources')"
              " if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", script, str(seed_index)], capture_output=True, text=True,
                          timeout=120)
    assert "枫桥经验" in done.stdout  # it searched
    assert done.stdout.strip().splitlines()[-1] == "[]"
