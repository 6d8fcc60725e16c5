"""Search endpoints on async clients, offloads and threadpool routes: nothing blocks the loop."""
import asyncio

from fastapi import FastAPI

from app.retrieval import Retriever, cached_context
from app.store import aqdrant, chroma, docs_store, es, faq_index, qdrant, sync_index

app = FastAPI()
retriever = Retriever(docs_store)


@app.get("/context")
async def context(q: str):
    return {"context": await retriever.context_for(q), "more": await retriever.offloaded(q), "cached": await cached_context(q)}


@app.post("/faq")
async def faq(vector: list[float]):
    res = await faq_index.query(vector=vector, top_k=3, include_metadata=True)
    return {"ids": [m.id for m in res.matches]}


@app.post("/faq-threaded")
async def faq_threaded(vector: list[float]):
    res = await asyncio.to_thread(sync_index.query, vector=vector, top_k=3)
    return {"ids": [m.id for m in res.matches]}


@app.post("/similar")
async def similar(vector: list[float]):
    res = await aqdrant.query_points(collection_name="items", query=vector, limit=5)
    return {"ids": [p.id for p in res.points]}


@app.post("/similar-sync")
def similar_sync(vector: list[float]):
    # A plain `def` route: FastAPI runs it in the threadpool.
    return {"ids": [p.id for p in qdrant.query_points(collection_name="items", query=vector, limit=5).points]}


@app.post("/notes")
async def notes(vector: list[float]):
    client = await chroma()
    col = await client.get_collection("notes")
    found = await col.query(query_embeddings=[vector], n_results=3)
    return {"docs": found.get("documents")}


@app.get("/search")
async def search(q: str):
    body = await es.search(index="articles", query={"match": {"title": q}})
    return {"hits": body.get("hits")}
