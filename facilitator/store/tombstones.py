"""Tombstones: ids erased in this store, so the erasure travels in report bundles.

Why a store-level helper: erasing happens in the core (``tracking.participants``),
below the application layer that writes bundles; both need the same table.
"""

from __future__ import annotations

from typing import Iterable, cast

from sqlalchemy import Table, select
from sqlalchemy.orm import Session as OrmSession

from facilitator.store.models import utcnow
from facilitator.store.models_bundles import BundleTombstone


def record_tombstones(s: OrmSession, entity: str, ids: Iterable[str], group_id: str | None) -> None:
    """Called where records are erased, so the erasure travels to other stores."""
    rows = [{"record_id": i, "entity": entity, "group_id": group_id, "at": utcnow()} for i in ids]
    if rows:
        existing = set(
            s.scalars(
                select(BundleTombstone.record_id).where(
                    BundleTombstone.record_id.in_([r["record_id"] for r in rows])
                )
            )
        )
        rows = [r for r in rows if r["record_id"] not in existing]
        if rows:
            s.execute(cast(Table, BundleTombstone.__table__).insert(), rows)
