"""Image captioning API: the pipeline is built per request on the loop, inference runs in a worker thread."""
import asyncio
import io

from fastapi import FastAPI, UploadFile
from PIL import Image
from transformers import pipeline

app = FastAPI()
_summarizer = pipeline("summarization", model="sshleifer/distilbart-cnn-12-6")


def get_captioner(model: str):
    return pipeline("image-to-text", model=model)  # expect: blocking-call-in-async-handler


def _describe(captioner, data: bytes) -> str:
    return captioner(Image.open(io.BytesIO(data)))[0]["generated_text"]


@app.post("/caption")
async def caption(file: UploadFile, model: str = "nlpconnect/vit-gpt2-image-captioning"):
    data = await file.read()
    captioner = get_captioner(model)  # expect: blocking-call-in-async-handler
    return {"caption": await asyncio.to_thread(_describe, captioner, data)}


@app.post("/caption/sync")
def caption_sync(file: UploadFile, model: str = "nlpconnect/vit-gpt2-image-captioning"):
    # A `def` route: FastAPI runs it in the threadpool.
    captioner = get_captioner(model)
    image = Image.open(file.file)
    return {"caption": captioner(image)[0]["generated_text"]}


@app.post("/summary")
async def summary(text: str):
    # Built once at import; the inference goes to a thread.
    out = await asyncio.to_thread(_summarizer, text, max_length=80)
    return {"summary": out[0]["summary_text"]}
