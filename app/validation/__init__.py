"""Validation support (VAL-1..3): the project's requirements list, the installation and operational checks."""
