"""The product code as modules and imports, read from the source (never imported)."""

import ast
import dataclasses
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# The apps, each allowed to import only those before it (ARCHITECTURE.md).
APP_LAYERS = (
    "core",
    "collectivites",
    "themes",
    "resources",
    "events",
    "votes",
    "contributions",
    "newsletter",
    "api",
)
PROJECT_PACKAGE = "territoires"
FIRST_PARTY = (*APP_LAYERS, PROJECT_PACKAGE)


@dataclasses.dataclass(frozen=True)
class Import:
    importer: str  # dotted module name
    target: str  # dotted module name, resolved
    line: int
    function: str | None  # the enclosing function, for imports made at call time


def app_of(module: str) -> str:
    return module.split(".", 1)[0]


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


@cache
def product_files() -> dict[str, Path]:
    """Every product module by name: the apps and the project package, without
    migrations (history, frozen as written)."""
    files = {}
    for package in FIRST_PARTY:
        for path in sorted((ROOT / package).rglob("*.py")):
            if "migrations" not in path.parts:
                files[_module_name(path)] = path
    return files


def _resolve(importer: str, is_package: bool, module: str | None, level: int) -> str:
    if not level:
        return module or ""
    base = importer.split(".") if is_package else importer.split(".")[:-1]
    base = base[: len(base) - (level - 1)]
    return ".".join([*base, module] if module else base)


def _targets(node, importer: str, is_package: bool) -> list[str]:
    modules = product_files()
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    source = _resolve(importer, is_package, node.module, node.level)
    # « from package import module » imports the module; « from module import name » the module.
    return [
        f"{source}.{alias.name}" if f"{source}.{alias.name}" in modules else source
        for alias in node.names
    ]


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _walk(node, function: str | None):
    """Import nodes with the function they run in (None: at import time)."""
    for child in ast.iter_child_nodes(node):
        if isinstance(child, ast.If) and _is_type_checking(child):
            continue
        if isinstance(child, ast.Import | ast.ImportFrom):
            yield child, function
        elif isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
            yield from _walk(child, function or getattr(child, "name", "<lambda>"))
        else:
            yield from _walk(child, function)


@cache
def first_party_imports() -> tuple[Import, ...]:
    found = []
    for name, path in product_files().items():
        tree = ast.parse(path.read_text(), filename=str(path))
        is_package = path.name == "__init__.py"
        for node, function in _walk(tree, None):
            for target in _targets(node, name, is_package):
                if app_of(target) in FIRST_PARTY:
                    found.append(Import(name, target, node.lineno, function))
    return tuple(found)


def module_of(target: str) -> str:
    """The product module an import names (a dotted name may end in an attribute)."""
    modules = product_files()
    while target and target not in modules:
        target = target.rpartition(".")[0]
    return target


def find_cycle(edges: dict[str, set[str]]) -> list[str] | None:
    """One cycle of the directed graph, as the list of its nodes, or None."""
    state: dict[str, str] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node], _ = "open", stack.append(node)
        for successor in sorted(edges.get(node, ())):
            if state.get(successor) == "open":
                return [*stack[stack.index(successor) :], successor]
            if successor not in state and (cycle := visit(successor)):
                return cycle
        state[node], _ = "done", stack.pop()
        return None

    for node in sorted(edges):
        if node not in state and (cycle := visit(node)):
            return cycle
    return None
