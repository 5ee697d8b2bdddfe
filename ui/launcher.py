"""The `batchtrace` command: no argument starts the desktop application, anything else is the CLI."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args and not (len(args) >= 2 and args[0] == "--db" and len(args) == 2):
        from app.cli import main as cli_main

        return cli_main(args)
    from ui.application import run_gui

    return run_gui(args)


if __name__ == "__main__":
    sys.exit(main())
