"""The one version number of BatchTrace: the installed package's own (pyproject.toml `version`, read through
importlib.metadata), shown by `batchtrace --version`, the About box, the IQ and OQ reports and every document.

It lives in `domain/` because every layer, `reports/` included, may import `domain/` and nothing else in common;
importlib.metadata is standard library. A bundle built by installer/ carries the package metadata with it.
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError
from importlib.metadata import version as distribution_version

DISTRIBUTION = "batchtrace"
UNKNOWN = "0+unknown"  # only when run from a source tree that was never installed; the IQ fails on it


def batchtrace_version() -> str:
    try:
        return distribution_version(DISTRIBUTION)
    except PackageNotFoundError:
        return UNKNOWN
