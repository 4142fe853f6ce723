"""``facilitator demo-data``: fill a store with synthetic, seeded demo data.

The store must already exist (``facilitator db init``) and is opened the same way
as every other command. Demo data is refused in a store that already holds groups,
unless ``--append`` is given, so real records are never mixed with made-up ones by
accident; the store is marked with a ``demo_data`` setting so the app can say so.
"""

from __future__ import annotations

import argparse
import sys
import time

from sqlalchemy import func, select

from facilitator.cli.common import add_store_args, open_from_args
from facilitator.demo import generate_demo
from facilitator.demo.generator import check_sizes
from facilitator.errors import InputError
from facilitator.store.models import AuditEvent, Group, Setting


def _whole(args: argparse.Namespace, name: str) -> int:
    """Parse here rather than in argparse so bad input exits 1 with one clear line."""
    text = str(getattr(args, name))
    try:
        return int(text)
    except ValueError:
        raise InputError(f"--{name} must be a whole number, not '{text}'.") from None


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("demo-data", help="add deterministic synthetic demo data to a store")
    add_store_args(p)
    p.add_argument("--groups", default=4, help="number of groups (default 4)")
    p.add_argument("--weeks", default=12, help="weeks of sessions (default 12)")
    p.add_argument("--seed", default=1, help="random seed (default 1)")
    p.add_argument(
        "--participants", default=12, help="roughly how many people per group (default 12)"
    )
    p.add_argument(
        "--append",
        action="store_true",
        help="allow adding demo data to a store that already holds groups",
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    groups, weeks = _whole(args, "groups"), _whole(args, "weeks")
    seed, people = _whole(args, "seed"), _whole(args, "participants")
    check_sizes(groups, weeks, people)
    store = open_from_args(args)
    try:
        db = store.db
        with db.unit() as s:  # unit(): a damaged page becomes a plain StoreError
            existing = s.scalar(select(func.count()).select_from(Group)) or 0
        if existing and not args.append:
            raise InputError(
                f"This store already holds {existing} group(s). Demo data is only "
                "added to an empty store; use --append to add it anyway."
            )
        started = time.perf_counter()
        summary = generate_demo(
            db,
            groups=groups,
            weeks=weeks,
            seed=seed,
            participants_per_group=people,
            id_salt=existing,
        )
        with db.unit() as s:
            marker = s.get(Setting, "demo_data") or Setting(key="demo_data")
            marker.value = {"seed": seed, "groups": groups, "weeks": weeks}
            s.add(marker)
            s.add(
                AuditEvent(
                    action="demo_data",
                    entity="store",
                    detail={"seed": seed, "groups": groups, "weeks": weeks, "rows": summary.rows},
                )
            )
        took = time.perf_counter() - started
        print(
            f"Added {summary.groups} groups, {summary.participants} participants, "
            f"{summary.sessions} sessions ({summary.rows} rows) in {took:.1f} s.",
            file=sys.stdout,
        )
        return 0
    finally:
        store.close()
