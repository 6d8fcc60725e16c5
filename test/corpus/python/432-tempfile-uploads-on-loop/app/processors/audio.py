"""Audio uploads: the bytes go to a temporary file the transcriber reads."""
import tempfile

from fastapi import UploadFile


async def save_audio(file: UploadFile) -> str:
    contents = await file.read()
    with tempfile.NamedTemporaryFile(delete=False, suffix=".wav") as tmp:  # expect: blocking-call-in-async-handler
        tmp.write(contents)
    return tmp.name
