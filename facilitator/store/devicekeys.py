"""Device identities and the two standard encodings bundles use: age and minisign.

An install's identity is an Ed25519 signing key and an X25519 encryption key, made
with ``cryptography`` and kept (private halves included) in the encrypted store.

* **age** (https://age-encryption.org/v1): an X25519 recipient is the Bech32 string
  ``age1...`` (HRP ``age``) of the 32-byte public key; an identity is the upper-case
  Bech32 string with HRP ``age-secret-key-``. Encryption and decryption are done by
  ``pyrage`` (a binding of the maintained Rust ``age`` crate); this module only turns
  raw keys into those strings.
* **minisign** (https://jedisct1.github.io/minisign/): a public key is
  base64(``"Ed"`` + 8-byte key id + 32-byte key); a signature file is::

      untrusted comment: <text>
      base64("ED" + key id + Ed25519(BLAKE2b-512(file)))
      trusted comment: <text>
      base64(Ed25519(signature || trusted comment))

  The key id here is the first 8 bytes of BLAKE2b-512 over the public key, so it is
  derived, not stored separately; minisign prints it as the upper-case hex of the
  little-endian 64-bit number, which :func:`key_id_hex` reproduces.

Tests check both encodings against the reference ``age``/``age-keygen`` and
``minisign`` commands.
"""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

# ---- Bech32 (BIP 173), as age uses it ------------------------------------------------

_CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"
_GEN = (0x3B6A57B2, 0x26508E6D, 0x1EA119FA, 0x3D4233DD, 0x2A1462B3)


def _polymod(values: list[int]) -> int:
    chk = 1
    for v in values:
        top = chk >> 25
        chk = (chk & 0x1FFFFFF) << 5 ^ v
        for i in range(5):
            chk ^= _GEN[i] if (top >> i) & 1 else 0
    return chk


def _hrp_expand(hrp: str) -> list[int]:
    return [ord(c) >> 5 for c in hrp] + [0] + [ord(c) & 31 for c in hrp]


def _convertbits(data: bytes | list[int], frombits: int, tobits: int, pad: bool) -> list[int]:
    acc = bits = 0
    out: list[int] = []
    maxv = (1 << tobits) - 1
    for value in data:
        if value < 0 or value >> frombits:
            raise ValueError("bad bech32 data")
        acc = (acc << frombits) | value
        bits += frombits
        while bits >= tobits:
            bits -= tobits
            out.append((acc >> bits) & maxv)
    if pad:
        if bits:
            out.append((acc << (tobits - bits)) & maxv)
    elif bits >= frombits or ((acc << (tobits - bits)) & maxv):
        raise ValueError("bad bech32 padding")
    return out


def bech32_encode(hrp: str, data: bytes) -> str:
    words = _convertbits(data, 8, 5, True)
    poly = _polymod(_hrp_expand(hrp) + words + [0] * 6) ^ 1
    checksum = [(poly >> 5 * (5 - i)) & 31 for i in range(6)]
    return hrp + "1" + "".join(_CHARSET[d] for d in words + checksum)


def bech32_decode(text: str) -> tuple[str, bytes]:
    """(hrp, data); raises ValueError on a bad string or checksum (mixed case too)."""
    if text.lower() != text and text.upper() != text:
        raise ValueError("mixed case")
    text = text.lower()
    pos = text.rfind("1")
    if pos < 1 or pos + 7 > len(text):
        raise ValueError("no separator")
    hrp, rest = text[:pos], text[pos + 1 :]
    if any(c not in _CHARSET for c in rest):
        raise ValueError("bad character")
    words = [_CHARSET.index(c) for c in rest]
    if _polymod(_hrp_expand(hrp) + words) != 1:
        raise ValueError("bad checksum")
    return hrp, bytes(_convertbits(words[:-6], 5, 8, False))


def age_recipient(public: bytes) -> str:
    return bech32_encode("age", public)


def age_identity(private: bytes) -> str:
    return bech32_encode("age-secret-key-", private).upper()


def age_public_from_recipient(recipient: str) -> bytes:
    hrp, data = bech32_decode(recipient)
    if hrp != "age" or len(data) != 32:
        raise ValueError("not an age X25519 recipient")
    return data


# ---- minisign --------------------------------------------------------------------------


def key_id(sign_public: bytes) -> bytes:
    return hashlib.blake2b(sign_public).digest()[:8]


def key_id_hex(kid: bytes) -> str:
    """The key id as minisign prints it (little-endian u64, upper-case hex)."""
    return f"{int.from_bytes(kid, 'little'):016X}"


def minisign_public(sign_public: bytes) -> str:
    return base64.b64encode(b"Ed" + key_id(sign_public) + sign_public).decode()


def parse_minisign_public(text: str) -> tuple[bytes, bytes]:
    """(key id, public key) from the base64 line of a minisign public key."""
    raw = base64.b64decode(text.strip(), validate=True)
    if len(raw) != 42 or raw[:2] != b"Ed":
        raise ValueError("not a minisign Ed25519 public key")
    return raw[2:10], raw[10:]


def minisign_sign(
    private: bytes,
    data: bytes,
    trusted_comment: str,
    untrusted_comment: str = "signature from facilitator",
) -> bytes:
    """A complete ``.minisig`` file for ``data`` (prehashed, algorithm ``ED``)."""
    if "\n" in trusted_comment or "\r" in trusted_comment:
        raise ValueError("a trusted comment is one line")
    sk = Ed25519PrivateKey.from_private_bytes(private)
    pub = sk.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    sig = sk.sign(hashlib.blake2b(data).digest())
    tc = trusted_comment.encode()
    global_sig = sk.sign(sig + tc)
    return (
        f"untrusted comment: {untrusted_comment}\n"
        f"{base64.b64encode(b'ED' + key_id(pub) + sig).decode()}\n"
        f"trusted comment: {trusted_comment}\n"
        f"{base64.b64encode(global_sig).decode()}\n"
    ).encode()


@dataclass(frozen=True)
class Signature:
    key_id: bytes
    signature: bytes
    trusted_comment: str
    global_signature: bytes


def parse_minisig(text: bytes) -> Signature:
    """Parse a ``.minisig`` file; ValueError when it is not one."""
    lines = text.decode("utf-8").splitlines()
    if (
        len(lines) < 4
        or not lines[0].startswith("untrusted comment:")
        or not lines[2].startswith("trusted comment: ")
    ):
        raise ValueError("not a minisign signature")
    raw = base64.b64decode(lines[1], validate=True)
    if len(raw) != 74 or raw[:2] != b"ED":
        raise ValueError("not a prehashed Ed25519 minisign signature")
    glob = base64.b64decode(lines[3], validate=True)
    if len(glob) != 64:
        raise ValueError("bad global signature")
    return Signature(raw[2:10], raw[10:], lines[2][len("trusted comment: ") :], glob)


def minisign_verify(sign_public: bytes, data: bytes, sig: Signature) -> bool:
    """True when both the file signature and the trusted-comment signature hold."""
    if sig.key_id != key_id(sign_public):
        return False
    pk = Ed25519PublicKey.from_public_bytes(sign_public)
    try:
        pk.verify(sig.signature, hashlib.blake2b(data).digest())
        pk.verify(sig.global_signature, sig.signature + sig.trusted_comment.encode())
    except InvalidSignature:
        return False
    return True


# ---- key pairs and fingerprints -------------------------------------------------------


@dataclass(frozen=True)
class KeyPair:
    sign_secret: bytes
    sign_public: bytes
    enc_secret: bytes
    enc_public: bytes

    @property
    def key_id(self) -> str:
        return key_id(self.sign_public).hex()


def generate() -> KeyPair:
    raw = serialization.Encoding.Raw
    sk = Ed25519PrivateKey.generate()
    xk = X25519PrivateKey.generate()
    return KeyPair(
        sk.private_bytes(raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()),
        sk.public_key().public_bytes(raw, serialization.PublicFormat.Raw),
        xk.private_bytes(raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()),
        xk.public_key().public_bytes(raw, serialization.PublicFormat.Raw),
    )


_FP_ALPHABET = "ABCDEFGHJKMNPQRSTVWXYZ23456789"  # no 0/O, 1/I/L, U: easy over the phone


def fingerprint(sign_public: bytes, enc_public: bytes) -> str:
    """Five groups of four characters (about 98 bits) over both public keys.

    Why both keys: pinning only the signing key would let someone swap the
    encryption key in the file, and bundles would then be readable by them.
    """
    n = int.from_bytes(
        hashlib.sha256(b"facilitator-fp-v1" + sign_public + enc_public).digest(), "big"
    )
    chars = []
    for _ in range(20):
        n, r = divmod(n, len(_FP_ALPHABET))
        chars.append(_FP_ALPHABET[r])
    s = "".join(chars)
    return "-".join(s[i : i + 4] for i in range(0, 20, 4))


def normalise_fingerprint(text: str) -> str:
    s = "".join(ch for ch in text.upper() if ch.isalnum())
    return "-".join(s[i : i + 4] for i in range(0, len(s), 4))
