"""Document ingestion: embeds chunks over the raw Ollama and Mistral REST APIs."""
# corpus: labels llm-http-without-retry
import asyncio
import random

import httpx
from fastapi import FastAPI

app = FastAPI()
http = httpx.AsyncClient(base_url="https://api.mistral.ai", timeout=30)
OLLAMA = "http://localhost:11434/api/embeddings"


@app.post("/ingest")
async def ingest(chunks: list[str]):
    vectors = []
    # One request per chunk; a failed chunk is skipped, never tried again.
    for chunk in chunks:
        try:
            r = await http.post("/v1/embeddings", json={"model": "mistral-embed", "input": [chunk]})  # expect: llm-http-without-retry
            r.raise_for_status()
            vectors.append(r.json()["data"][0]["embedding"])
        except httpx.HTTPStatusError:
            vectors.append(None)
    return {"count": len(vectors)}


@app.post("/ingest-local")
async def ingest_local(chunks: list[str]):
    async with httpx.AsyncClient(timeout=30) as local:
        out = []
        for i, chunk in enumerate(chunks):
            r = await local.post(OLLAMA, json={"model": "nomic-embed-text", "prompt": chunk})  # expect: llm-http-without-retry
            if r.status_code != 200:
                continue
            out.append(r.json()["embedding"])
    return {"count": len(out)}


async def embed_with_backoff(text: str) -> list[float]:
    for attempt in range(5):
        r = await http.post("/v1/embeddings", json={"model": "mistral-embed", "input": [text]})
        if r.status_code in (429, 503):
            await asyncio.sleep(2**attempt + random.random())
            continue
        r.raise_for_status()
        return r.json()["data"][0]["embedding"]
    raise RuntimeError("embedding failed after 5 attempts")


async def embed_until_ok(text: str) -> list[float]:
    tries = 0
    while True:
        try:
            r = await http.post("/v1/embeddings", json={"model": "mistral-embed", "input": [text]})
            r.raise_for_status()
            break
        except httpx.HTTPError:
            tries += 1
            if tries >= 4:
                raise
            await asyncio.sleep(tries)
    return r.json()["data"][0]["embedding"]


@app.post("/query")
async def query(text: str):
    return {"a": await embed_with_backoff(text), "b": await embed_until_ok(text)}
