"""The round actions of the run engine: start a round, next speaker, pass, end.

Split from :mod:`facilitator.session.engine` to keep that module readable; the
methods run on a :class:`~facilitator.session.engine.RunEngine` and go through its
``_emit`` like every other action, so each one is persisted and replayed the same way.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable, Optional

from facilitator.errors import EngineError
from facilitator.i18n import QT_TRANSLATE_NOOP
from facilitator.session.rounds import RoundState, RoundSummary, rotate

if TYPE_CHECKING:
    from facilitator.session.events import EngineEvent, StepPlan


class RoundActions:
    """Mixin for :class:`RunEngine`; relies on its state and ``_emit``/``_need``."""

    index: Optional[int]
    plan: list[StepPlan]
    _rounds: dict[int, RoundState]
    _need: Callable[..., None]
    _emit: Callable[..., EngineEvent]
    _live: Callable[[], float]

    def round_summary(self, index: Optional[int] = None) -> Optional[RoundSummary]:
        i = self.index if index is None else index
        state = self._rounds.get(i) if i is not None else None
        if i is None or state is None:
            return None
        live = self._live() if i == self.index and state.current else 0.0
        talk = dict(state.talk)
        if state.current and live:
            talk[state.current] = talk.get(state.current, 0.0) + live
        limit = self.plan[i].speaker_minutes
        return RoundSummary(
            step_index=i,
            order=tuple(state.order),
            current=state.current,
            waiting=tuple(state.queue),
            spoken=tuple(state.spoken),
            passed=tuple(state.passed),
            talk_seconds=talk,
            current_seconds=state.current_talk + live,
            speaker_limit_seconds=limit * 60 if limit else None,
        )

    def start_round(self, codes: list[str], start: Optional[str] = None) -> EngineEvent:
        self._need("running", "paused")
        codes = [str(c).strip() for c in codes]
        if not codes or any(not c for c in codes):
            raise EngineError(
                QT_TRANSLATE_NOOP("RunEngine", "A round needs at least one participant.")
            )
        if len(set(codes)) != len(codes):
            raise EngineError(
                QT_TRANSLATE_NOOP("RunEngine", "A participant is listed twice in the round.")
            )
        if start is not None and start not in codes:
            raise EngineError(
                QT_TRANSLATE_NOOP("RunEngine", "'{start}' is not in this round."),
                params={"start": start},
            )
        current = self._rounds.get(self.index)  # type: ignore[arg-type]
        if current is not None and current.active:
            raise EngineError(
                QT_TRANSLATE_NOOP("RunEngine", "A round is already going on this step.")
            )
        return self._emit("round_start", self.index, {"codes": rotate(codes, start)})

    def _round(self) -> RoundState:
        self._need("running", "paused")
        state = self._rounds.get(self.index)  # type: ignore[arg-type]
        if state is None or not state.active:
            raise EngineError(QT_TRANSLATE_NOOP("RunEngine", "No round is going on this step."))
        return state

    def next_speaker(self) -> EngineEvent:
        state = self._round()
        return self._emit("round_next", self.index, {"code": state.current})

    def pass_speaker(self, come_back: bool = False) -> EngineEvent:
        state = self._round()
        return self._emit(
            "round_pass", self.index, {"code": state.current, "come_back": bool(come_back)}
        )

    def end_round(self) -> EngineEvent:
        state = self._round()
        return self._emit("round_end", self.index, {"not_heard": list(state.queue)})

    def _end_round_if_any(self) -> None:
        """End every round still open when the session finishes, including one on a
        step the group moved on from, so the summary never shows someone "speaking"."""
        if self.index is not None:
            state = self._rounds.get(self.index)
            if state is not None and state.active:
                self.end_round()
        for i, state in sorted(self._rounds.items()):
            if state.active:
                self._emit("round_end", self.index, {"index": i, "not_heard": list(state.queue)})
