"""Batch records and reports from the desktop: choose PDF, Word or the printer, then generate off the GUI
thread with progress and cancel (DOC-1, DOC-2)."""
