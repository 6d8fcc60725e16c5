"""Upload API: the temporary files are written off the loop (a worker thread, or a plain def route)."""
from fastapi import FastAPI, UploadFile

from app.processors.audio import save_audio
from app.processors.documents import save_pdf

app = FastAPI()


@app.post("/audio")
async def audio(file: UploadFile):
    path = await save_audio(file)
    return {"stored": path}


@app.post("/pdf")
def pdf(file: UploadFile):
    path = save_pdf(file.file.read())
    return {"stored": path}
