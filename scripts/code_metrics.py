"""Size figures for the architecture issue: modules over 400 lines, functions over 60.

Run from the checkout: ``python scripts/code_metrics.py [--list]``.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

MODULE_LINES = 400
FUNCTION_LINES = 60


def main(argv: list[str]) -> int:
    root = Path(__file__).resolve().parent.parent / "facilitator"
    big_modules: list[tuple[int, str]] = []
    long_functions: list[tuple[int, str]] = []
    for path in sorted(root.rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        rel = path.relative_to(root.parent).as_posix()
        lines = text.count("\n")
        if lines > MODULE_LINES:
            big_modules.append((lines, rel))
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                length = (node.end_lineno or node.lineno) - node.lineno + 1
                if length > FUNCTION_LINES:
                    long_functions.append((length, f"{rel}:{node.lineno} {node.name}"))
    print(f"modules over {MODULE_LINES} lines: {len(big_modules)}")
    print(f"functions over {FUNCTION_LINES} lines: {len(long_functions)}")
    if "--list" in argv:
        for n, name in sorted(big_modules, reverse=True):
            print(f"  {n:5d} {name}")
        for n, name in sorted(long_functions, reverse=True):
            print(f"  {n:5d} {name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
