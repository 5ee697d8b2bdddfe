"""The translation sources (`batchtrace_<language>.ts`, kept in git and updated by `python3 dev.py lupdate`) and,
after `dev.py` compiled them with `pyside6-lrelease`, the `.qm` files Qt loads (not in git)."""

from pathlib import Path

DIRECTORY = Path(__file__).resolve().parent
