"""The `batchtrace` command: no argument (or only `--db URL`) starts the desktop application, anything else
is the command line (`app.cli.main`), which also answers `--help`."""

from __future__ import annotations

import sys
from collections.abc import Sequence


def gui_database(args: Sequence[str]) -> tuple[bool, str | None]:
    """(start the GUI?, the --db URL it was given)."""
    if not args:
        return True, None
    if len(args) == 2 and args[0] == "--db" and args[1] and not args[1].startswith("-"):
        return True, args[1]
    if len(args) == 1 and args[0].startswith("--db=") and len(args[0]) > len("--db="):
        return True, args[0][len("--db="):]
    return False, None


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    start_gui, db_url = gui_database(args)
    if not start_gui:
        from app.cli.main import main as cli_main

        return cli_main(args)
    try:
        from ui.shell.application import run_gui  # Qt is loaded only for the desktop app
    except ImportError as error:
        print(f"batchtrace: error: cannot start the desktop application: {error}", file=sys.stderr)
        return 1
    return run_gui(db_url)


if __name__ == "__main__":
    sys.exit(main())
