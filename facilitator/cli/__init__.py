"""The ``facilitator`` command line: the same services the UI uses."""
