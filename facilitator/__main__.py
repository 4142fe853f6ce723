"""``python -m facilitator`` runs the same entry point as the ``facilitator`` command."""

from facilitator.cli.main import main

raise SystemExit(main())
