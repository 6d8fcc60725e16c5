"""Media gateway: raw HTTP to the providers' non-chat endpoints (images, embeddings, moderation, audio)."""
# corpus: labels llm-http-without-retry
import os
from urllib.parse import urljoin

import httpx
import requests
from fastapi import FastAPI, UploadFile

from settings import AZURE_ENDPOINT, EMBED_DEPLOYMENT, GEMINI_ROOT, OPENAI_BASE

app = FastAPI()
HEADERS = {"Authorization": f"Bearer {os.environ['OPENAI_API_KEY']}"}
TRANSCRIBE_PATH = "{}/audio/transcriptions"


@app.post("/images")
async def images(prompt: str):
    async with httpx.AsyncClient(timeout=60) as client:
        # A 429 from the images endpoint fails the request: nothing retries it.
        r = await client.post(f"{OPENAI_BASE}/images/generations", headers=HEADERS, json={"prompt": prompt})  # expect: llm-http-without-retry
        r.raise_for_status()
        return r.json()


@app.post("/embed")
async def embed(text: str):
    url = f"{AZURE_ENDPOINT}openai/deployments/{EMBED_DEPLOYMENT}/embeddings?api-version=2024-02-01"
    async with httpx.AsyncClient(timeout=20) as client:
        r = await client.post(url, headers={"api-key": os.environ["AZURE_OPENAI_KEY"]}, json={"input": text})  # expect: llm-http-without-retry
        r.raise_for_status()
        return r.json()["data"][0]["embedding"]


@app.post("/moderate")
async def moderate(text: str):
    async with httpx.AsyncClient(timeout=10) as client:
        r = await client.post(urljoin(OPENAI_BASE + "/", "moderations"), headers=HEADERS, json={"input": text})  # expect: llm-http-without-retry
        return r.json()["results"][0]["flagged"]


@app.post("/speech")
def speech(text: str):
    # A def route (threadpool): the loop is free, the lost request is not.
    r = requests.post(f"{OPENAI_BASE}/audio/speech", headers=HEADERS, json={"model": "tts-1", "input": text, "voice": "alloy"}, timeout=60)  # expect: llm-http-without-retry
    return r.content


@app.post("/transcribe")
async def transcribe(audio: UploadFile):
    async with httpx.AsyncClient(timeout=120) as client:
        r = await client.post(TRANSCRIBE_PATH.format(OPENAI_BASE), headers=HEADERS, files={"file": (audio.filename, await audio.read())}, data={"model": "whisper-1"})  # expect: llm-http-without-retry
        return r.json()


@app.post("/gemini-embed")
async def gemini_embed(text: str):
    async with httpx.AsyncClient(timeout=20) as client:
        r = await client.post(f"{GEMINI_ROOT}/models/text-embedding-004:embedContent", params={"key": os.environ["GEMINI_API_KEY"]}, json={"content": {"parts": [{"text": text}]}})  # expect: llm-http-without-retry
        return r.json()["embedding"]["values"]


@app.post("/respond")
async def respond(text: str):
    # An OpenAI-compatible server behind a client-wide base URL: the relative path is the API's.
    async with httpx.AsyncClient(base_url=OPENAI_BASE, timeout=60) as client:
        r = await client.post("/responses", headers=HEADERS, json={"model": "gpt-4o-mini", "input": text})  # expect: llm-http-without-retry
        return r.json()
