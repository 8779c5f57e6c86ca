"""``python -m app``: the command line, which starts the GUI when given no sub-command."""
from __future__ import annotations

import sys

from app.cli import main

if __name__ == "__main__":
    sys.exit(main())
