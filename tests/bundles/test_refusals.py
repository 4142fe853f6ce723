"""Every refusal: one line, exit 1, every record as it was, the bundle quarantined.

Also the reference tools: ``age`` decrypts and ``minisign`` verifies a bundle.
"""

from __future__ import annotations

import gzip
import json
import shutil
import subprocess
import zipfile

import pytest
from sqlalchemy import func, select

from facilitator.app import bundle_keys as keys
from facilitator.app import bundles
from facilitator.store import devicekeys as dk
from facilitator.store.models import AuditEvent
from facilitator.store.models_bundles import BundleQuarantine, DeviceKey

from .conftest import dump, pair


@pytest.fixture
def trio(make_install, tmp_path):
    fac = make_install("fac", demo_groups=1, weeks=3)
    sup = make_install("sup")
    pair(fac, sup)
    out = tmp_path / "good.fbundle"
    bundles.export_bundle(fac.db, [sup.pk], out)
    return fac, sup, out


def _rezip(src, dst, *, payload=None, sig=None) -> None:
    with zipfile.ZipFile(src) as z:
        p, s = z.read("bundle.age"), z.read("bundle.age.minisig")
    with zipfile.ZipFile(dst, "w") as z:
        z.writestr("bundle.age", payload if payload is not None else p)
        z.writestr("bundle.age.minisig", sig if sig is not None else s)


def _quarantined(db) -> int:
    with db.unit() as s:
        return s.scalar(select(func.count()).select_from(BundleQuarantine))


def _refused_ok(sup, path, match, capsys) -> None:
    """The CLI says one line and exits 1; the service raises; nothing else changed."""
    before = dump(sup.db)
    q = _quarantined(sup.db)
    n_audit = _refusal_events(sup.db)
    code = sup.cli("bundle", "import", str(path))
    out, err = capsys.readouterr()
    assert code == 1
    lines = err.strip().splitlines()
    assert len(lines) == 1 and match in lines[0] and "Traceback" not in err
    assert dump(sup.db) == before  # every record (and the key/replay tables) as it was
    assert _quarantined(sup.db) == q + 1
    assert _refusal_events(sup.db) == n_audit + 1


def _refusal_events(db) -> int:
    with db.unit() as s:
        return s.scalar(
            select(func.count())
            .select_from(AuditEvent)
            .where(AuditEvent.action == "bundle.refused")
        )


def test_tampered_payload(trio, tmp_path, capsys):
    fac, sup, good = trio
    with zipfile.ZipFile(good) as z:
        p = bytearray(z.read("bundle.age"))
    p[len(p) // 2] ^= 0x01
    bad = tmp_path / "tampered.fbundle"
    _rezip(good, bad, payload=bytes(p))
    _refused_ok(sup, bad, "signature does not verify", capsys)


def test_tampered_trusted_comment(trio, tmp_path, capsys):
    fac, sup, good = trio
    with zipfile.ZipFile(good) as z:
        sig = z.read("bundle.age.minisig").decode()
    forged = sig.replace("counter=1 ", "counter=9 ")
    assert forged != sig
    bad = tmp_path / "comment.fbundle"
    _rezip(good, bad, sig=forged.encode())
    _refused_ok(sup, bad, "signature does not verify", capsys)


def test_truncated(trio, tmp_path, capsys):
    fac, sup, good = trio
    bad = tmp_path / "truncated.fbundle"
    bad.write_bytes(good.read_bytes()[: len(good.read_bytes()) // 2])
    _refused_ok(sup, bad, "damaged or truncated", capsys)


def test_replayed(trio, tmp_path, capsys):
    fac, sup, good = trio
    bundles.import_bundle(sup.db, good)
    _refused_ok(sup, good, "replay", capsys)


def test_older_counter_after_newer(trio, tmp_path, capsys):
    fac, sup, good = trio
    newer = tmp_path / "newer.fbundle"
    bundles.export_bundle(fac.db, [sup.pk], newer)
    bundles.import_bundle(sup.db, newer)
    _refused_ok(sup, good, "not above the sender's last", capsys)


def test_wrongly_addressed(make_install, tmp_path, capsys):
    fac, sup, other = (
        make_install("fac", demo_groups=1, weeks=2),
        make_install("sup"),
        make_install("other"),
    )
    pair(fac, sup)
    pair(fac, other)
    out = tmp_path / "for-other.fbundle"
    bundles.export_bundle(fac.db, [other.pk], out)
    _refused_ok(sup, out, "not addressed to this install", capsys)


def test_unknown_sender(make_install, tmp_path, capsys):
    fac, sup = make_install("fac", demo_groups=1, weeks=2), make_install("sup")
    fac.trust(sup)  # the supervisor never trusted the facilitator
    out = tmp_path / "unknown.fbundle"
    bundles.export_bundle(fac.db, [sup.pk], out)
    _refused_ok(sup, out, "not trusted here", capsys)


def test_revoked_sender(trio, tmp_path, capsys):
    fac, sup, good = trio
    keys.revoke(sup.db, fac.pk.key_id)
    _refused_ok(sup, good, "revoked key", capsys)


def test_forged_sender_key_id(make_install, tmp_path, capsys):
    """A stranger signs with their own key but claims a trusted sender's key id."""
    fac, sup, mallory = make_install("fac"), make_install("sup"), make_install("mallory")
    pair(fac, sup)
    mallory.trust(sup)
    real = tmp_path / "m.fbundle"
    bundles.export_bundle(mallory.db, [sup.pk], real)
    with zipfile.ZipFile(real) as z:
        sig = z.read("bundle.age.minisig").decode()
    with fac.db.unit() as s:
        own = s.get(DeviceKey, fac.pk.key_id)
        fac_device = own.device_id
    with mallory.db.unit() as s:
        m = keys.own_active(s)
        forged = sig.replace(f"sender={m.key_id}", f"sender={fac.pk.key_id}").replace(
            f"device={m.device_id}", f"device={fac_device}"
        )
    bad = tmp_path / "forged.fbundle"
    _rezip(real, bad, sig=forged.encode())
    _refused_ok(sup, bad, "signature does not verify", capsys)


def test_not_a_bundle_and_dry_run_refusal_writes_nothing(trio, tmp_path, capsys):
    fac, sup, good = trio
    junk = tmp_path / "junk.fbundle"
    junk.write_text("hello")
    _refused_ok(sup, junk, "damaged or truncated", capsys)
    before = dump(sup.db)
    q = _quarantined(sup.db)
    with pytest.raises(bundles.BundleRefused):
        bundles.import_bundle(sup.db, junk, dry_run=True)
    assert dump(sup.db) == before and _quarantined(sup.db) == q


def test_one_bad_record_does_not_block_the_others(trio, tmp_path):
    """A bundle signed correctly whose records include malformed ones (as a buggy or
    older sender could write): the good records arrive, the bad ones are listed."""
    fac, sup, good = trio
    plan = bundles.plan_export(fac.db, [sup.pk])
    sessions = [r for r in plan.records if r["e"] == "session"]
    sessions[0]["d"]["status"] = "exploded"  # unknown value
    sessions[0]["h"] = bundles.rec.content_hash(sessions[0]["d"])
    sessions[1]["h"] = "0" * 64  # hash mismatch
    plan.records.append(
        {
            "e": "attendance",
            "id": "f" * 32,
            "o": sessions[2]["o"],
            "r": 1,
            "d": {"session_id": "e" * 32},
            "h": "x",
        }
    )
    out = tmp_path / "mixed.fbundle"
    bundles.write_export(fac.db, plan, out)
    r = bundles.import_bundle(sup.db, out)
    reasons = {x["id"]: x["reason"] for x in r.refused}
    assert "unknown value" in reasons[sessions[0]["id"]]
    assert "hash" in reasons[sessions[1]["id"]]
    assert r.added["session"] == len(sessions) - 2
    assert r.added["attendance"] > 0
    # attendances of the refused sessions are refused too, with their own reason
    assert any("session is not in this store" in x["reason"] for x in r.refused)


@pytest.mark.skipif(
    not (shutil.which("age") and shutil.which("minisign")),
    reason="the reference age and minisign commands are not installed",
)
def test_reference_tools_open_a_bundle(trio, tmp_path):
    fac, sup, good = trio
    with zipfile.ZipFile(good) as z:
        z.extractall(tmp_path / "x")
    x = tmp_path / "x"
    with sup.db.unit() as s:
        ident = keys.own_active(s).age_identity
    (x / "id.txt").write_text(ident + "\n")
    (x / "id.txt").chmod(0o600)
    r = subprocess.run(["age-keygen", "-y", str(x / "id.txt")], capture_output=True, text=True)
    assert r.returncode == 0 and r.stdout.strip() == sup.pk.age_recipient
    r = subprocess.run(
        ["age", "-d", "-i", str(x / "id.txt"), str(x / "bundle.age")], capture_output=True
    )
    assert r.returncode == 0, r.stderr
    payload = json.loads(gzip.decompress(r.stdout))
    assert payload["format"] == "facilitator-bundle" and payload["sender"] == fac.pk.key_id
    r = subprocess.run(
        [
            "minisign",
            "-V",
            "-P",
            fac.pk.minisign,
            "-m",
            str(x / "bundle.age"),
            "-x",
            str(x / "bundle.age.minisig"),
        ],
        capture_output=True,
        text=True,
    )
    assert r.returncode == 0, r.stderr
    assert f"id={payload['bundle_id']}" in r.stdout and f"sender={fac.pk.key_id}" in r.stdout
    assert f"counter={payload['counter']}" in r.stdout and f"to={sup.pk.key_id}" in r.stdout
    # and minisign refuses a modified file, as our importer does
    data = bytearray((x / "bundle.age").read_bytes())
    data[-1] ^= 1
    (x / "bundle.age").write_bytes(bytes(data))
    r = subprocess.run(
        [
            "minisign",
            "-V",
            "-P",
            fac.pk.minisign,
            "-m",
            str(x / "bundle.age"),
            "-x",
            str(x / "bundle.age.minisig"),
        ],
        capture_output=True,
        text=True,
    )
    assert r.returncode != 0


@pytest.mark.skipif(not shutil.which("age-keygen"), reason="age-keygen is not installed")
def test_age_identity_encoding_matches_age_keygen(tmp_path):
    """Decode an identity age-keygen made and derive its recipient ourselves."""
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

    key = tmp_path / "k.txt"
    subprocess.run(["age-keygen", "-o", str(key)], check=True, capture_output=True)
    ident = next(
        line for line in key.read_text().splitlines() if line.startswith("AGE-SECRET-KEY-1")
    )
    hrp, secret = dk.bech32_decode(ident)
    assert hrp == "age-secret-key-" and dk.age_identity(secret) == ident
    pub = (
        X25519PrivateKey.from_private_bytes(secret)
        .public_key()
        .public_bytes(Encoding.Raw, PublicFormat.Raw)
    )
    r = subprocess.run(["age-keygen", "-y", str(key)], capture_output=True, text=True, check=True)
    assert dk.age_recipient(pub) == r.stdout.strip()
    with pytest.raises(ValueError):
        dk.bech32_decode(ident[:-1] + ("Q" if ident[-1] != "Q" else "P"))


@pytest.mark.skipif(not shutil.which("minisign"), reason="minisign is not installed")
def test_minisign_key_made_by_minisign_verifies_here(tmp_path):
    """The other direction: a signature made by minisign itself passes our verifier
    (key id, prehashed signature and trusted comment layout all agree)."""
    sk, pk = tmp_path / "k.key", tmp_path / "k.pub"
    subprocess.run(
        ["minisign", "-G", "-W", "-s", str(sk), "-p", str(pk)], check=True, capture_output=True
    )
    data = tmp_path / "d.bin"
    data.write_bytes(b"facilitator" * 100)
    subprocess.run(
        ["minisign", "-S", "-s", str(sk), "-m", str(data), "-t", "id=1 hello"],
        check=True,
        capture_output=True,
    )
    kid, pub = dk.parse_minisign_public(pk.read_text().splitlines()[1])
    sig = dk.parse_minisig((tmp_path / "d.bin.minisig").read_bytes())
    assert sig.key_id == kid and sig.trusted_comment == "id=1 hello"
    # minisign's random key id is not our derived one; verify the two signatures directly
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
    import hashlib

    k = Ed25519PublicKey.from_public_bytes(pub)
    k.verify(sig.signature, hashlib.blake2b(data.read_bytes()).digest())
    k.verify(sig.global_signature, sig.signature + sig.trusted_comment.encode())
    assert dk.key_id_hex(kid) in pk.read_text().splitlines()[0]


@pytest.mark.skipif(not shutil.which("age"), reason="the reference age command is not installed")
def test_deputy_and_organisation_recovery_key(make_install, tmp_path, capsys):
    """Several recipients: the supervisor and a deputy each import the same bundle, and
    the organisation's offline recovery key opens it with the plain ``age`` command."""
    fac, sup, dep = (
        make_install("fac", demo_groups=1, weeks=2),
        make_install("sup"),
        make_install("deputy"),
    )
    pair(fac, sup)
    pair(fac, dep)
    pub, secret = tmp_path / "org.pub", tmp_path / "org.key"
    from facilitator.cli.main import main

    assert (
        main(["keys", "recovery-new", "--out-public", str(pub), "--out-secret", str(secret)]) == 0
    )
    capsys.readouterr()
    assert oct(secret.stat().st_mode & 0o777) == "0o600"
    rk = keys.read_public(pub)
    keys.trust(fac.db, rk, rk.fingerprint)
    out = tmp_path / "three.fbundle"
    assert (
        fac.cli(
            "bundle",
            "export",
            "--to",
            str(sup.pub),
            "--to",
            str(dep.pub),
            "--to",
            str(pub),
            "--out",
            str(out),
        )
        == 0
    )
    capsys.readouterr()
    a = bundles.import_bundle(sup.db, out)
    b = bundles.import_bundle(dep.db, out)
    assert a.added == b.added and a.added["session"] > 0
    with zipfile.ZipFile(out) as z:
        z.extract("bundle.age", tmp_path)
    r = subprocess.run(
        ["age", "-d", "-i", str(secret), str(tmp_path / "bundle.age")], capture_output=True
    )
    assert r.returncode == 0, r.stderr
    payload = json.loads(gzip.decompress(r.stdout))
    assert payload["to"] == [sup.pk.key_id, dep.pk.key_id, rk.key_id]
    # a recovery key cannot sign: no install holds its signing half
    with fac.db.unit() as s:
        row = s.get(DeviceKey, rk.key_id)
        assert row.kind == "peer" and row.sign_secret is None
