"""Hypothesis strategies shared by the loaders' property tests (scripts, scenarios).

Both loaders are fed the same kinds of damage: arbitrary nested values in place of a
valid document's fields, and a valid document with fields removed or replaced.
"""

from __future__ import annotations

import copy
from typing import Any

import yaml
from hypothesis import strategies as st


def nested_values(keys: list[str], *, size: int, leaves: int, text: int, ints: int) -> Any:
    """Nested lists and mappings of scalars; mapping keys sometimes real field names."""
    scalars = (
        st.none()
        | st.booleans()
        | st.integers(min_value=-ints, max_value=ints)
        | st.floats(allow_nan=True, allow_infinity=True)
        | st.text(max_size=text)
    )
    return st.recursive(
        scalars,
        lambda inner: (
            st.lists(inner, max_size=size)
            | st.dictionaries(
                st.text(max_size=size * 2) | st.sampled_from(keys), inner, max_size=size
            )
        ),
        max_leaves=leaves,
    )


def _paths(node: Any, prefix: tuple = ()) -> Any:
    yield prefix
    if isinstance(node, dict):
        for k, v in node.items():
            yield from _paths(v, prefix + (k,))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from _paths(v, prefix + (i,))


def mutated_documents(valid: dict, nested: Any) -> Any:
    """``valid`` with one to three fields removed or replaced by ``nested`` values."""
    all_paths = [p for p in _paths(valid) if p]

    @st.composite
    def mutated(draw: Any) -> str:
        data = copy.deepcopy(valid)
        for _ in range(draw(st.integers(1, 3))):
            path = draw(st.sampled_from(all_paths))
            parent = data
            try:
                for part in path[:-1]:
                    parent = parent[part]
                if draw(st.booleans()) and isinstance(parent, dict):
                    parent.pop(path[-1], None)
                else:
                    parent[path[-1]] = draw(nested)
            except (KeyError, IndexError, TypeError):
                continue  # an earlier mutation removed this branch
        return yaml.safe_dump(data, allow_unicode=True)

    return mutated()
