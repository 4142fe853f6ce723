"""The supervisor's review screen in Arabic has no English left: every label, header,
button and line of an item's detail, for each kind of item in the queue.

Why: labels built as ``f"{self.tr('State')}: ..."`` are not collected by lupdate when
the call sits inside an f-string, so "State", "Group", "Due" showed in English. The
data on the screen (group names, dates, the signed-in login) is written in Arabic or
digits here, so any Latin word left is an untranslated label.
"""

from __future__ import annotations

import re
from datetime import timedelta

from PySide6.QtWidgets import QComboBox

from tests.supervision.helpers import add_incident, add_session, steady_group
from tests.ui.test_arabic import LATIN_WORD, _visible_texts, arabic  # noqa: F401 - fixture

PASS = "owner passphrase long"
KEYS = re.compile(r"\[[^\]]*\]")  # shortcut hints such as [Ctrl+Return] stay Latin
TAGS = re.compile(r"<[^>]+>")


def test_the_arabic_review_screen_has_no_english(qapp, qtbot, arabic, tmp_path, no_keyring):  # noqa: F811
    from facilitator.app import review, users
    from facilitator.store import service
    from facilitator.store.models import Group
    from facilitator.ui.context import AppContext, AppSettings
    from facilitator.ui.review_view import ReviewView
    from facilitator.ui.tasks import SyncTaskRunner

    store = service.create_store(tmp_path / "s.db", passphrase=PASS)
    try:
        owner = users.sign_in(store)
        gid, ids, last = steady_group(store.db, name="دائرة الخميس", owner_id=owner.user_id)
        add_incident(store.db, gid, ids[-1], severity=2, day=last)
        add_session(
            store.db, gid, last + timedelta(days=7), skip=("ground_rules",), safety_opened=True
        )
        with store.db.unit() as s:
            assert s.get(Group, gid) is not None
        review.refresh(store.db, today=last + timedelta(days=120))
        ctx = AppContext(store.db, "ar", SyncTaskRunner(), AppSettings(tmp_path / "s.ini"))
        ctx.store = store
        view = ReviewView(ctx, owner)
        qtbot.addWidget(view)
        view.show()
        view.state.setCurrentIndex(view.state.findData(None))  # every state
        view.refresh()
        kinds = {i.kind for i in view.items}
        assert len(kinds) >= 3, kinds  # an incident, a fidelity problem, a quiet group...
        for row in range(len(view.items)):
            view.table.selectRow(row)
            view._show_detail()
            detail = TAGS.sub(" ", view.detail.text())
            assert "الحالة" in detail and "الميسّر" in detail  # the facilitator's line too
            for text in [detail, *_visible_texts(view)]:
                plain = TAGS.sub(" ", KEYS.sub("", text)).replace(owner.login, "")
                left = LATIN_WORD.findall(plain)
                assert not left, (view.items[row].kind, left, text)
        for combo in view.findChildren(QComboBox):
            for i in range(combo.count()):
                assert not LATIN_WORD.findall(combo.itemText(i)), combo.itemText(i)
    finally:
        store.close()


def test_no_tr_call_inside_an_f_string():
    """lupdate does not collect ``tr()`` inside an f-string: translate a literal with a
    placeholder, then fill it (``self.tr("State: %1").replace("%1", ...)``)."""
    import ast
    from pathlib import Path

    import facilitator

    found = []
    for path in sorted(Path(facilitator.__file__).parent.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.JoinedStr):
                continue
            for inner in ast.walk(node):
                if not isinstance(inner, ast.Call):
                    continue
                name = getattr(inner.func, "attr", getattr(inner.func, "id", ""))
                # the literal lupdate would have to collect: tr("..."), translate(c, "...")
                at = {"tr": 0, "translate": 1, "tr_core": 1}.get(name)
                if at is not None and len(inner.args) > at:
                    arg = inner.args[at]
                    if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                        found.append(f"{path.name}:{node.lineno}")
    assert not found, f"tr() inside an f-string: {found}"
