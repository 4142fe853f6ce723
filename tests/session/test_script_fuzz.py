"""Property test: whatever document the loader is given, the only failure is ScriptError."""

from __future__ import annotations


import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from facilitator.errors import ScriptError
from facilitator.scripts.loader import parse_script_text
from facilitator.scripts.model import Script
from tests.session.conftest import VALID_YAML
from tests.yaml_fuzz import mutated_documents, nested_values

VALID = yaml.safe_load(VALID_YAML)
YAMLISH = list(":-[]{}&*!|>'\"#%@`,?\n\t ") + list("abcxyz019") + list("حلقة") + ["\x00", "\ufeff"]

nested = nested_values(list(VALID), size=5, leaves=25, text=30, ints=10**12)


@st.composite
def text_edits(draw):
    text = VALID_YAML
    for _ in range(draw(st.integers(1, 4))):
        i = draw(st.integers(0, len(text)))
        j = min(len(text), i + draw(st.integers(0, 20)))
        text = text[:i] + draw(st.text(alphabet=st.sampled_from(YAMLISH), max_size=8)) + text[j:]
    return text


def _laughs(levels: int, width: int) -> str:
    doc = 'a0: &a0 ["lol"]\n'
    for i in range(1, levels):
        doc += f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * width)}]\n"
    return doc


# Hostile documents built whole: anchor bombs of every size, a valid script carrying
# a string just over the 1 MB limit, and binary noise dressed up as YAML.
hostile = st.one_of(
    st.builds(_laughs, st.integers(1, 12), st.integers(1, 12)),
    st.integers(1, 40).map(lambda k: VALID_YAML.replace("Let us talk.", "x" * (1_000_000 + k))),
    st.binary(max_size=64).map(lambda b: b"format: 1\n" + b + b"\x00"),
    st.binary(min_size=1, max_size=64).map(lambda b: b"\xef\xbb\xbf" + b),
)

documents = st.one_of(
    hostile,
    st.text(alphabet=st.sampled_from(YAMLISH), max_size=300),
    st.binary(max_size=300),
    nested.map(lambda d: yaml.safe_dump(d, allow_unicode=True)),
    mutated_documents(VALID, nested),
    text_edits(),
)


@pytest.mark.slow
@settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents)
def test_only_script_error_is_ever_raised(doc):
    try:
        script = parse_script_text(doc, "fuzz.yaml")
    except ScriptError as exc:
        assert str(exc).startswith("fuzz.yaml")
        assert exc.problems and all(p.message for p in exc.problems)
        # Every problem names its line, except a document over the size limit.
        too_big = "larger than 1 MB" in str(exc)  # refused before reading: no line
        assert too_big or all(p.line is not None and p.line >= 1 for p in exc.problems), (
            exc.problems
        )
        assert too_big or all(str(p).startswith(f"fuzz.yaml:{p.line}: ") for p in exc.problems)
    else:
        assert isinstance(script, Script)
        assert all(s.title.en and s.title.ar for s in script.steps)
