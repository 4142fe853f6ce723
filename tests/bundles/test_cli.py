"""The CLI: keys export/fingerprint/trust/list/rotate/revoke, bundle export/import/status."""

from __future__ import annotations

from facilitator.cli.main import main

from .conftest import pair


def test_key_exchange_and_bundle_round_trip_on_the_cli(make_install, tmp_path, capsys):
    fac = make_install("fac", demo_groups=1, weeks=6)
    sup = make_install("sup")
    assert (
        fac.cli(
            "keys", "export-public", "--out", str(tmp_path / "f.pub"), "--label", "Field laptop 1"
        )
        == 0
    )
    out = capsys.readouterr().out
    fp = fac.pk.fingerprint
    assert fp in out
    assert main(["keys", "fingerprint", str(tmp_path / "f.pub")]) == 0
    assert capsys.readouterr().out.strip() == fp
    # without --fingerprint and without a terminal: one line, exit 1, nothing trusted
    assert sup.cli("keys", "trust", str(tmp_path / "f.pub")) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "--fingerprint" in err[0]
    assert sup.cli("keys", "trust", str(tmp_path / "f.pub"), "--fingerprint", "ABCD") == 1
    assert "does not match" in capsys.readouterr().err
    assert sup.cli("keys", "trust", str(tmp_path / "f.pub"), "--fingerprint", fp) == 0
    capsys.readouterr()
    fac.trust(sup)
    assert sup.cli("keys", "list") == 0
    listing = capsys.readouterr().out
    assert "Field laptop 1" in listing and "peer" in listing and "own" in listing

    bundle = tmp_path / "b.fbundle"
    # the spelling: --to KEYFILE ... --from MONTH --to MONTH
    assert (
        fac.cli(
            "bundle",
            "export",
            "--to",
            str(sup.pub),
            "--out",
            str(bundle),
            "--from",
            "2024-01",
            "--to",
            "2030-12",
        )
        == 0
    )
    assert "Wrote" in capsys.readouterr().out
    assert sup.cli("bundle", "import", str(bundle), "--dry-run") == 0
    assert "Would import" in capsys.readouterr().out
    assert sup.cli("bundle", "import", str(bundle), "--receipts", str(tmp_path / "r")) == 0
    out = capsys.readouterr().out
    assert "sessions" in out and "attendances" in out and "incidents added" in out
    assert "Receipt for Field laptop 1" in out
    assert sup.cli("bundle", "status") == 0
    assert "Field laptop 1" in capsys.readouterr().out
    receipt = next((tmp_path / "r").glob("*.fbundle"))
    assert fac.cli("bundle", "import", str(receipt)) == 0
    assert "receipt" in capsys.readouterr().out
    assert fac.cli("bundle", "receipts") == 0
    assert "NEW" in capsys.readouterr().out

    assert sup.cli("keys", "revoke", fac.pk.key_id[:8]) == 0
    capsys.readouterr()
    assert (
        fac.cli("bundle", "export", "--to", str(sup.pub), "--out", str(tmp_path / "c.fbundle")) == 0
    )
    capsys.readouterr()
    assert sup.cli("bundle", "import", str(tmp_path / "c.fbundle")) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "revoked" in err[0]


def test_bad_input_is_one_line(make_install, tmp_path, capsys):
    fac = make_install("fac", demo_groups=1, weeks=2)
    sup = make_install("sup")
    pair(fac, sup)
    (tmp_path / "bad.pub").write_text("hello\n")
    assert main(["keys", "fingerprint", str(tmp_path / "bad.pub")]) == 1
    assert "not a Facilitator public-key file" in capsys.readouterr().err
    assert (
        fac.cli(
            "bundle",
            "export",
            "--to",
            str(sup.pub),
            "--out",
            str(tmp_path / "x"),
            "--from",
            "2025-13",
        )
        == 1
    )
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "month" in err[0]
    assert (
        fac.cli(
            "bundle",
            "export",
            "--to",
            str(sup.pub),
            "--out",
            str(tmp_path / "x"),
            "--group",
            "0" * 32,
        )
        == 1
    )
    assert "does not exist" in capsys.readouterr().err
    assert sup.cli("bundle", "import", str(tmp_path / "missing.fbundle")) == 1
    assert "Could not read" in capsys.readouterr().err
