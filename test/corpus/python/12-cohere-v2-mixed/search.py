"""Docs search with Cohere rerank + chat. Streaming done right, rerank done wrong."""
import cohere
from fastapi import FastAPI
from fastapi.responses import StreamingResponse

from docs_store import load_documents

app = FastAPI()
co_sync = cohere.ClientV2(timeout=30)
co = cohere.AsyncClientV2(timeout=30)


@app.get("/search")
async def search(q: str, top_n: int = 5):
    docs = load_documents()
    ranked = co_sync.rerank(model="rerank-v3.5", query=q, documents=docs, top_n=top_n)  # expect: blocking-llm-call
    return [{"doc": docs[r.index], "score": r.relevance_score} for r in ranked.results]


@app.get("/answer")
async def answer(q: str):
    async def tokens():
        # chat_stream on the async client is an async generator: no await, just async for.
        async for event in co.chat_stream(model="command-r-plus", messages=[{"role": "user", "content": q}]):
            if event.type == "content-delta":
                yield event.delta.message.content.text

    return StreamingResponse(tokens(), media_type="text/plain")


@app.get("/embed")
async def embed(q: str):
    out = await co.embed(model="embed-v4.0", texts=[q], input_type="search_query", embedding_types=["float"])
    return {"dim": len(out.embeddings.float_[0])}
