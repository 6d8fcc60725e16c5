"""Search endpoints over sync vector-store clients called on the event loop."""
from fastapi import FastAPI

from app.service import AnswerService
from app.store import chroma_http, es, faq_index, pc, qdrant

app = FastAPI()
service = AnswerService()


@app.get("/context")
async def context(q: str):
    return {"context": await service.context(q)}  # expect: blocking-call-in-async-handler


@app.post("/faq")
async def faq(vector: list[float]):
    res = faq_index.query(vector=vector, top_k=3, include_metadata=True)  # expect: blocking-call-in-async-handler
    return {"ids": [m.id for m in res.matches]}


@app.get("/indexes")
async def indexes():
    return {"names": pc.list_indexes().names()}  # expect: blocking-call-in-async-handler


@app.post("/similar")
async def similar(vector: list[float]):
    points = qdrant.query_points(collection_name="items", query=vector, limit=5).points  # expect: blocking-call-in-async-handler
    return {"ids": [p.id for p in points]}


@app.post("/notes")
async def notes(vector: list[float]):
    found = chroma_http.get_collection("notes").query(query_embeddings=[vector], n_results=3)  # expect: blocking-call-in-async-handler
    # The result is a dict: reading it is no request.
    return {"docs": found.get("documents"), "ids": found.get("ids")}


@app.get("/search")
async def search(q: str):
    body = es.search(index="articles", query={"match": {"title": q}})  # expect: blocking-call-in-async-handler
    return {"hits": body.get("hits")}
