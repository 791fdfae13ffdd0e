"""`python -m app`: the same entry point as the `fanwen` command."""

import sys

from app.cli import main

sys.exit(main())
