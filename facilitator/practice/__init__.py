"""Practice scenarios for trainers: the format, the checker and the engine (no Qt).

A *scenario* names a session script and adds simulated participants, events and
decision points; :mod:`.loader` reads it as strictly as a script, :mod:`.checker`
walks every path, :mod:`.engine` plays it over the real run engine and clock.
Attempts are stored in their own tables (:mod:`facilitator.store.models_practice`),
never in the real sessions, so no report can count them.
"""
