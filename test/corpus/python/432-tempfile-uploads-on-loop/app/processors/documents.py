"""Document uploads: PDFs are spooled to disk for the parser."""
import os
import tempfile


def save_pdf(contents: bytes) -> str:
    fd, path = tempfile.mkstemp(suffix=".pdf")  # expect: blocking-call-in-async-handler
    with os.fdopen(fd, "wb") as out:
        out.write(contents)
    return path
