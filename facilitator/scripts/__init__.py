"""Session scripts as data: the ``format: 1`` schema (:mod:`.model`), the strict reader
of untrusted script YAML (:mod:`.loader`) and the library of built-in and custom
scripts (:mod:`.library`).

Written once, below both packages that need it: the run engine
(:mod:`facilitator.session`) plays a script, the reports (:mod:`facilitator.tracking`)
read which steps it has, which are mandatory, their phases and the planned length.
The two may not import each other, so the script they share lives here; it imports
only the store (for custom scripts) and the side modules.
"""
