"""Chunked embedding endpoint with two classic async mistakes."""
import asyncio

from fastapi import FastAPI
from openai import AsyncOpenAI

app = FastAPI()
client = AsyncOpenAI()


def chunks(text: str, size: int = 2000) -> list[str]:
    return [text[i : i + size] for i in range(0, len(text), size)]


@app.post("/embed")
async def embed(text: str):
    results = await asyncio.gather(*(client.embeddings.create(model="text-embedding-3-small", input=c) for c in chunks(text)))
    return {"vectors": [r.data[0].embedding for r in results]}


@app.post("/embed/first")
async def embed_first(text: str):
    first = client.embeddings.create(model="text-embedding-3-small", input=chunks(text)[0]).data[0].embedding  # expect: unawaited-llm-call
    return {"vector": first}


@app.post("/warm")
async def warm():
    # Meant to warm the connection pool; the request is never sent.
    client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": "hi"}], max_tokens=1)  # expect: unawaited-llm-call
    return {"ok": True}
