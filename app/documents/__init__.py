"""Controlled documents (DOC-1, DOC-2): builders that fill `domain.documents.Document` from read-side data,
and the use cases that issue, register and verify them (`app.documents.issuing`)."""
