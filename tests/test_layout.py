"""The package's layout: no import circle, reads that know nothing of GraphQL, nothing that needs the benchmarks."""

import ast
from pathlib import Path

import graph_service

PACKAGE = Path(graph_service.__file__).parent


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(p): p for p in PACKAGE.rglob("*.py")}


def imports() -> dict[str, set[str]]:
    """Every module of the package with the modules it imports, at the top or inside functions alike."""
    modules = MODULES
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        found: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module:
                # `from package import submodule` imports the submodule; any other name comes from the module.
                for alias in node.names:
                    submodule = f"{node.module}.{alias.name}"
                    found.add(submodule if submodule in modules else node.module)
        graph[name] = {m for m in found if m in modules and m != name} | {
            m for m in found if m.startswith("benchmarks")
        }
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Tarjan's strongly connected components of more than one module."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in graph.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def test_no_import_circle_in_the_package() -> None:
    graph = imports()
    assert len(graph) > 40
    assert cycles(graph) == []


def test_the_circle_finder_finds_one() -> None:
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_nothing_in_the_package_imports_the_benchmarks() -> None:
    assert {m: sorted(i) for m, i in imports().items() if any(x.startswith("benchmarks") for x in i)} == {}


def test_reads_know_nothing_of_graphql_and_nothing_below_imports_the_api() -> None:
    graph = imports()
    for module, imported in graph.items():
        source = MODULES[module].read_text(encoding="utf-8")
        if module.startswith(("graph_service.reads", "graph_service.store", "graph_service.statistics")):
            assert "strawberry" not in source and "graphql" not in source.replace("GraphQL", ""), module
        if not module.startswith(("graph_service.api", "graph_service.app", "graph_service.cli")):
            assert not [m for m in imported if m.startswith("graph_service.api")], module
