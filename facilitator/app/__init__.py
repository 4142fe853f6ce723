"""The application layer: Qt-free use-case services under both front ends.

The desktop screens (``facilitator.ui``) and the command line (``facilitator.cli``)
call the functions here; neither reaches into the ORM itself. Each module is one
area (groups and participants, runs, reports, users, review, bundles, practice) and
takes an open store, so a test can call it without a display. See
``docs/architecture.md`` for the layers and the rule that holds them.
"""
