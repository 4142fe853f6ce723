"""The run side and the report side read a script the same way.

The run engine plays the script :func:`facilitator.scripts.library.load_script` finds
for a session's script id; the reports (fidelity, the session summary) read their
:class:`ScriptInfo` through :func:`facilitator.tracking.loaders.load_script_infos`.
For every bundled script and for custom scripts in the store, including ones a lax
reader would have read differently, both must agree on the step ids and their order,
titles, mandatory flags, phases, ground-rules steps and the planned length; and a
script the engine cannot load gives the reports no plan either.
"""

from __future__ import annotations

import pytest
import yaml

from facilitator.errors import ScriptError
from facilitator.scripts import library
from facilitator.session.engine import RunEngine
from facilitator.store.models import CustomScript
from facilitator.tracking.fidelity import ScriptInfo
from facilitator.tracking.loaders import load_script_infos

BUILTIN = sorted(library.builtin_scripts())


def run_side(s, script_id):
    """What the room sees: the engine's plan and the script's titles."""
    script = library.load_script(script_id, s)
    engine = RunEngine(script)
    return {
        "order": tuple(p.id for p in engine.plan),
        "mandatory": frozenset(p.id for p in engine.plan if p.mandatory),
        "phases": {p.id: p.phase for p in engine.plan if p.phase},
        "rules": frozenset(p.id for p in engine.plan if p.kind == "ground_rules"),
        "minutes": engine.budget_seconds / 60,
        "step_minutes": {p.id: p.minutes for p in engine.plan},
        "titles": {st.id: {"en": st.title.en, "ar": st.title.ar} for st in script.steps},
        "name": {"en": script.title.en, "ar": script.title.ar},
    }


def report_side(info: ScriptInfo):
    return {
        "order": info.order,
        "mandatory": info.mandatory,
        "phases": dict(info.phases),
        "rules": info.rules_steps,
        "minutes": info.planned_minutes,
        "titles": {k: dict(v) for k, v in info.titles.items()},
        "name": dict(info.name),
    }


def assert_agree(s, script_id):
    infos = load_script_infos(s, [script_id])
    try:
        run = run_side(s, script_id)
    except ScriptError:
        assert script_id not in infos  # the engine cannot run it: no plan in the reports
        return None
    report = report_side(infos[script_id])
    step_minutes = run.pop("step_minutes")
    assert report == run
    assert sum(step_minutes.values()) == report["minutes"]
    return report


def _yaml(data) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def _edited(base: str, **changes) -> dict:
    path = library.builtin_dir() / f"{base}.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data.update(changes)
    return data


@pytest.mark.parametrize("script_id", BUILTIN)
def test_every_bundled_script_reads_the_same_on_both_sides(raw_db, script_id):
    with raw_db.session() as s:
        report = assert_agree(s, script_id)
    assert report is not None and report["order"]


def test_all_bundled_scripts_at_once(raw_db):
    """One call for many ids, as a program report makes it."""
    with raw_db.session() as s:
        infos = load_script_infos(s, [*BUILTIN, "no-such-script"])
        assert sorted(infos) == BUILTIN
        for sid in BUILTIN:
            assert infos[sid] == ScriptInfo.of(library.load_script(sid, s))
    # the phases of a defusing reach the report (its no-notes record keeps them)
    defusing = infos["first-responder-defusing"]
    assert set(defusing.phases.values()) == {"introduction", "exploration", "information"}


def test_custom_scripts_edge_cases(raw_db):
    data = _edited("first-responder-defusing", id="edge-phases", version=1.5)
    steps = data["steps"]
    # padded titles: the schema strips them, so the summary prints what the room showed
    steps[0]["title"] = {"en": "  Arrive  ", "ar": "  الوصول  "}
    steps[1]["mandatory"] = False  # written out, the same as left out
    steps[2].pop("phase", None)  # a step without a phase
    # the last step's minutes move to the first: the plan's length stays
    steps[0]["minutes"] += steps[-1]["minutes"] - 1
    steps[-1]["minutes"] = 1
    broken = _edited("mutual-support-circle", id="edge-broken")
    broken["steps"][0]["mandatory"] = "yes"  # a lax reader would call this "not mandatory"
    shadow = _edited("grief-loss-circle", title={"en": "Shadow", "ar": "ظل"})
    with raw_db.unit() as s:
        library.save_custom_script(s, _yaml(data), based_on="first-responder-defusing")
        # rows written around the checks (an older version's data, a format change)
        s.add(CustomScript(script_id="edge-broken", yaml_text=_yaml(broken)))
        s.add(CustomScript(script_id="grief-loss-circle", yaml_text=_yaml(shadow)))
        s.add(CustomScript(script_id="edge-not-yaml", yaml_text="steps: [unclosed"))
    with raw_db.session() as s:
        edge = assert_agree(s, "edge-phases")
        assert edge["titles"][steps[0]["id"]] == {"en": "Arrive", "ar": "الوصول"}
        assert steps[2]["id"] not in edge["phases"] and edge["phases"]
        assert steps[1]["id"] not in edge["mandatory"]
        for sid in ("edge-broken", "edge-not-yaml", "no-such-script"):
            assert assert_agree(s, sid) is None
            with pytest.raises(ScriptError):
                library.load_script(sid, s)
        # a custom row under a built-in's id: both sides take the built-in
        assert assert_agree(s, "grief-loss-circle")["name"]["en"] != "Shadow"
