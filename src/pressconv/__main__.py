"""`python -m pressconv`, the same as the `pressconv` command."""

import sys

from pressconv.cli import main

sys.exit(main())
