"""Use cases, settings, the composition root and the CLI: every write of BatchTrace goes through here."""
