"""The encrypted local store: schema, key custody, migrations, backups.

Public entry points (import the module you need; this package imports nothing so
``facilitator.store.models`` stays cheap to load):

* :mod:`facilitator.store.service`: ``create_store``, ``open_store``,
  ``unlock_options``, ``change_passphrase``, ``remove_passphrase``,
  ``restore_keyring_entry``, ``rekey``, ``backup_store``.
* :mod:`facilitator.store.backup`: ``backup_to``, ``backup_generation``, ``restore``.
* :mod:`facilitator.store.db`: ``Database`` (engine + one session per unit of work).
* :mod:`facilitator.store.models`: the ORM schema; :mod:`facilitator.store.migrate`:
  Alembic on a keyed connection; :mod:`facilitator.store.audit`: ``append_audit``.
"""
