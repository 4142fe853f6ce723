"""PDF export: any :class:`~facilitator.tracking.report_model.Report` to a PDF file.

Public entry points (import from the modules; this package imports nothing eagerly so
that loading the app does not pay for ReportLab and HarfBuzz):

* :func:`facilitator.export.pdf.render_report` -> bytes, and
  :func:`facilitator.export.pdf.write_report` (atomic, optional AES-256 password);
* :func:`facilitator.export.handout.handout_for` / ``write_handout``;
* :func:`facilitator.export.recovery_kit.write_recovery_kit`;
* :func:`facilitator.export.output.encrypt_pdf` / ``write_pdf`` for finished bytes.

How text gets onto the page (cleaning, wrapping, bidi per line, shaping) is described
in :mod:`facilitator.export.text`.
"""
