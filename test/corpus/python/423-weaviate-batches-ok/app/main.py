"""Weaviate batches kept off the event loop: def routes, a worker thread; an in-memory batch look-alike."""
import asyncio

import weaviate
from fastapi import FastAPI

from app.pipeline import Pipeline

app = FastAPI()
client = weaviate.connect_to_local()
pipeline = Pipeline()


def write_batch(texts: list[str]) -> int:
    docs = client.collections.get("Documents")
    with docs.batch.dynamic() as batch:
        for text in texts:
            batch.add_object(properties={"text": text})
    return len(texts)


@app.post("/documents")
def add_documents(texts: list[str]) -> dict:
    # A def route runs in the threadpool.
    return {"added": write_batch(texts)}


@app.post("/documents/async")
async def add_documents_async(texts: list[str]) -> dict:
    return {"added": await asyncio.to_thread(write_batch, texts)}


@app.post("/staging")
async def stage(texts: list[str]) -> dict:
    with pipeline.batch.dynamic() as batch:
        for text in texts:
            batch.add(text)
    return {"staged": len(batch.items)}
