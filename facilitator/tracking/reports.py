"""Report builders: one import for the exporter and the CLI.

Each returns a :class:`facilitator.tracking.report_model.Report`, already translated
into ``lang`` and already through disclosure control where it leaves the facilitator.
"""

from facilitator.tracking.report_group import build_group_report
from facilitator.tracking.report_program import build_program_report
from facilitator.tracking.report_session import build_session_report, redact_aliases

__all__ = ["build_group_report", "build_program_report", "build_session_report", "redact_aliases"]
