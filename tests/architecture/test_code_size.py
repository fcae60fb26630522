"""Small modules and short functions, so that a reader finds one concept per file."""

import ast

from .code import product_files

MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 50


def test_no_module_is_too_long():
    long_modules = {
        name: lines
        for name, path in product_files().items()
        if (lines := len(path.read_text().splitlines())) > MAX_MODULE_LINES
    }
    assert not long_modules, f"modules over {MAX_MODULE_LINES} lines: {long_modules}"


def test_no_function_is_too_long():
    long_functions = {}
    for name, path in product_files().items():
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                length = node.end_lineno - node.lineno + 1
                if length > MAX_FUNCTION_LINES:
                    long_functions[f"{name}.{node.name}:{node.lineno}"] = length
    assert not long_functions, f"functions over {MAX_FUNCTION_LINES} lines: {long_functions}"
