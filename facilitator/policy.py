"""The product's privacy and safety constants, each defined once.

Every layer (store, tracking, export, the application services, the CLI and the
screens) reads these names from here, so a threshold cannot drift between the
report dialog, the command line and the disclosure code.
"""

from __future__ import annotations

from typing import Final

#: Smallest count a report shows by default (a count from 1 to k-1 is withheld).
K_DEFAULT: Final = 5
#: Smallest k allowed for a report that goes outside the programme.
K_EXTERNAL: Final = 11
#: Bounds of the k a user may choose.
K_MIN: Final = 2
K_MAX: Final = 50

#: Shortest passphrase that protects a store's key.
PASSPHRASE_MIN: Final = 8
#: Shortest password for an encrypted PDF.
PDF_PASSWORD_MIN: Final = 4
