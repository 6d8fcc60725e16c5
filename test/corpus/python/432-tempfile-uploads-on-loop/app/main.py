"""Upload API: each route stores the upload in a temporary file before handing it on."""
from fastapi import FastAPI, UploadFile

from app.processors.audio import save_audio
from app.processors.documents import save_pdf

app = FastAPI()


@app.post("/audio")
async def audio(file: UploadFile):
    path = await save_audio(file)  # expect: blocking-call-in-async-handler
    return {"stored": path}


@app.post("/pdf")
async def pdf(file: UploadFile):
    path = save_pdf(await file.read())  # expect: blocking-call-in-async-handler
    return {"stored": path}
