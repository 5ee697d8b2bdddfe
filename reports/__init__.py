"""Documents rendered from domain data (batch records, reports)."""
