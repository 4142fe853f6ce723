"""Promise: no plaintext key, passphrase or recovery code ever lands on disk.

A store is created and used the way a facilitator would (init with a passphrase
file, demo data, backup, a report, a key rotation, a passphrase change); then every
byte of every file under the test's folders (store, backups, exports, app home) is
searched for each secret in the encodings a careless implementation might use, and
the files the code creates as owner-only are checked to be owner-only.
"""

from __future__ import annotations

import base64
import re
import stat
from pathlib import Path

import keyring
import pytest

from facilitator.store import recovery
from tests.conftest import MemoryKeyring

from .helpers import PASSPHRASE, demo_store, ok

NEW_PASSPHRASE = "second privacy passphrase 9902"
_CODE_LINE = re.compile(r"^\s+([0-9A-Z]{4,}(?:-[0-9A-Z]{4,})+)\s*$", re.MULTILINE)


def encodings_of_key(key: bytes) -> list[bytes]:
    return [
        key,
        key.hex().encode(),
        key.hex().upper().encode(),
        base64.b64encode(key),
        base64.urlsafe_b64encode(key),
        base64.b64encode(key).rstrip(b"="),
    ]


def encodings_of_text(text: str) -> list[bytes]:
    return [text.encode("utf-8"), text.encode("utf-16-le"), text.encode("utf-16-be")]


def encodings_of_code(code: str) -> list[bytes]:
    canonical = recovery.secret_bytes(code)
    return [
        code.encode(),
        code.lower().encode(),
        canonical,
        canonical.lower(),
        *encodings_of_text(code)[1:],
    ]


def files_under(*folders: Path) -> list[Path]:
    return sorted(p for f in folders for p in f.rglob("*") if p.is_file())


@pytest.fixture(scope="module", params=["passphrase", "keyring-and-passphrase"])
def used_store(request, tmp_path_factory):
    """Built once per variant (module scope), so its own keyring and app home."""
    tmp_path = tmp_path_factory.mktemp(request.param)
    home = tmp_path / "home"
    home.mkdir()
    previous = keyring.get_keyring()
    keyring_backend = MemoryKeyring() if request.param != "passphrase" else None
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("FACILITATOR_HOME", str(home))
        if keyring_backend is not None:
            keyring.set_keyring(keyring_backend)
        try:
            yield _use_store(tmp_path, home, keyring_backend)
        finally:
            keyring.set_keyring(previous)


def _use_store(tmp_path: Path, home: Path, keyring_backend) -> dict:
    secrets_dir = tmp_path / "secrets"  # files the user made on purpose: not scanned
    store = demo_store(tmp_path / "store", secrets_dir, groups=1, weeks=4)
    exports = tmp_path / "exports"
    exports.mkdir()
    with store.open() as opened:
        key_before = opened.key
    outputs = [
        ok("db", "backup", *store.unlock_args()),
        ok("report", "program", *store.unlock_args(), "--out", exports / "program.pdf"),
        ok("db", "check", *store.unlock_args()),
    ]
    rekey = ok("db", "rekey", *store.unlock_args())
    new_code = _CODE_LINE.search(rekey.out).group(1)
    new_pw = secrets_dir / "new-passphrase.txt"
    new_pw.write_text(NEW_PASSPHRASE + "\n", encoding="utf-8")
    outputs.append(ok("db", "passwd", *store.unlock_args(), "--new-passphrase-file", new_pw))
    store.passphrase_file = new_pw
    outputs.append(ok("db", "backup", *store.unlock_args()))
    outputs.append(
        ok("demo-data", *store.unlock_args(), "--groups", "1", "--weeks", "2", "--append")
    )
    from facilitator.store.service import open_store

    with open_store(store.db, passphrase=NEW_PASSPHRASE) as opened:
        key_after = opened.key  # opening writes an audit row, so the WAL is live now
        live = {p: p.stat().st_mode for p in store.db.parent.iterdir() if p.is_file()}
        live_secrets = hits(
            list(live),
            secret_needles_for(
                [key_before, key_after],
                [store.recovery_code, new_code],
                [PASSPHRASE, NEW_PASSPHRASE],
                [],
            ),
        )
    assert key_after != key_before and new_code != store.recovery_code
    in_keyring = [v for v in (keyring_backend.items.values() if keyring_backend else [])]
    if keyring_backend is not None:
        assert in_keyring, "the keyring variant should have put the key in the keyring"
    scanned = files_under(tmp_path / "store", exports, home)
    return dict(
        store=store,
        exports=exports,
        scanned=scanned,
        keys=[key_before, key_after],
        live_modes=live,
        live_secrets=live_secrets,
        outputs=outputs,
        rekey=rekey,
        controls=files_under(secrets_dir),
        codes=[store.recovery_code, new_code],
        keyring_values=in_keyring,
        passphrases=[PASSPHRASE, NEW_PASSPHRASE],
    )


def secret_needles_for(keys, codes, passphrases, keyring_values) -> dict[str, list[bytes]]:
    needles: dict[str, list[bytes]] = {}
    for n, key in enumerate(keys):
        needles[f"database key {n}"] = encodings_of_key(key)
    for n, code in enumerate(codes):
        needles[f"recovery code {n}"] = encodings_of_code(code)
    for n, pw in enumerate(passphrases):
        needles[f"passphrase {n}"] = encodings_of_text(pw)
    for n, value in enumerate(keyring_values):
        needles[f"keyring entry {n}"] = [value.encode()]
    return needles


def secret_needles(used_store) -> dict[str, list[bytes]]:
    return secret_needles_for(
        used_store["keys"],
        used_store["codes"],
        used_store["passphrases"],
        used_store["keyring_values"],
    )


def hits(files: list[Path], needles: dict[str, list[bytes]]) -> list[str]:
    found = []
    for path in files:
        data = path.read_bytes()
        for what, forms in needles.items():
            if any(form in data for form in forms):
                found.append(f"{what} in {path}")
    return found


def test_no_secret_in_any_file(used_store):
    needles = secret_needles(used_store)
    files = used_store["scanned"]
    names = {p.name for p in files}
    assert any(n.endswith(".keys") for n in names) and any(n.endswith(".bak") for n in names)
    assert "program.pdf" in names
    assert not hits(files, needles)


def test_control_the_scan_finds_a_secret_where_the_user_put_one(used_store):
    """The passphrase files the user wrote on purpose hold the passphrases, so the
    same scan must report them; otherwise the test above could not fail."""
    found = hits(used_store["controls"], secret_needles(used_store))
    assert len([f for f in found if f.startswith("passphrase")]) == 2, found


def test_databases_are_encrypted_from_the_first_byte(used_store):
    dbs = [p for p in used_store["scanned"] if p.suffix in (".db", ".bak")]
    assert len(dbs) >= 3
    for path in dbs:
        head = path.read_bytes()[:4096]
        assert not head.startswith(b"SQLite format 3"), path
        assert b"CREATE TABLE" not in path.read_bytes(), path


def test_store_files_are_owner_only(used_store):
    """The code opens the database, key files, lock file, backups and reports 0600."""
    files = [
        p
        for p in used_store["scanned"]
        if p.is_relative_to(used_store["store"].db.parent)
        or p.is_relative_to(used_store["exports"])
    ]
    kinds = {p.suffix for p in files}
    assert {".db", ".keys", ".bak", ".pdf"} <= kinds
    loose = [f"{p} {stat.filemode(p.stat().st_mode)}" for p in files if p.stat().st_mode & 0o077]
    assert not loose, loose


def test_files_of_an_open_store_are_owner_only_and_hold_no_secret(used_store):
    """While the store is open SQLite keeps ``-wal`` and ``-shm`` files beside it."""
    live = used_store["live_modes"]
    assert any(p.name.endswith("-wal") for p in live), sorted(p.name for p in live)
    loose = [f"{p.name} {stat.filemode(m)}" for p, m in live.items() if m & 0o077]
    assert not loose, loose
    assert not used_store["live_secrets"], used_store["live_secrets"]


def test_command_output_never_echoes_a_secret(used_store):
    """Only ``db init`` and ``db rekey`` print a recovery code (once, by design); no
    command prints a key or a passphrase."""
    needles = secret_needles(used_store)
    for result in used_store["outputs"] + [used_store["rekey"]]:
        text = (result.out + result.err).encode()
        shown = [what for what, forms in needles.items() if any(f in text for f in forms)]
        if result is used_store["rekey"]:
            assert shown == ["recovery code 1"], shown
        else:
            assert not shown, (shown, result.out)
