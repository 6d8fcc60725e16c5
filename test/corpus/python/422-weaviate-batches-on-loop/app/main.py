"""FastAPI routes writing to Weaviate through sync batches on the event loop."""
import weaviate
from fastapi import FastAPI

from app.cache import SemanticCache

app = FastAPI()
client = weaviate.connect_to_local()
cache = SemanticCache(client=client, collection_name="Answers")


@app.post("/documents")
async def add_documents(texts: list[str], vectors: list[list[float]]) -> dict:
    docs = client.collections.get("Documents")
    with docs.batch.dynamic() as batch:  # expect: blocking-call-in-async-handler
        for text, vector in zip(texts, vectors):
            batch.add_object(properties={"text": text}, vector=vector)
    return {"added": len(texts)}


@app.post("/cache")
async def remember(text: str, vector: list[float]) -> dict:
    cache.remember(text, vector)  # expect: blocking-call-in-async-handler
    return {"ok": True}


@app.post("/bulk")
async def bulk(texts: list[str]) -> dict:
    with client.batch.rate_limit(requests_per_minute=600) as batch:  # expect: blocking-call-in-async-handler
        for text in texts:
            batch.add_object(collection="Documents", properties={"text": text})
    return {"added": len(texts)}
