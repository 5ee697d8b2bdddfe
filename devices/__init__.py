"""Scanners and label printers behind small interfaces, with real backends and simulators."""
