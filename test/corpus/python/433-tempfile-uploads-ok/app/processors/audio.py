"""Audio uploads: the bytes go to a temporary file the transcriber reads, written in a worker thread."""
import asyncio
import tempfile

from fastapi import UploadFile


def _write(contents: bytes) -> str:
    with tempfile.NamedTemporaryFile(delete=False, suffix=".wav") as tmp:
        tmp.write(contents)
    return tmp.name


async def save_audio(file: UploadFile) -> str:
    contents = await file.read()
    return await asyncio.to_thread(_write, contents)
