"""``python -m sync.platform``: see :mod:`sync.platform.cli`."""
import sys

from sync.platform.cli import main

sys.exit(main())
