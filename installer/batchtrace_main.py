"""The frozen bundle's entry point: the same `batchtrace` command as the console script."""

import sys

from ui.shell.launcher import main

if __name__ == "__main__":
    sys.exit(main())
