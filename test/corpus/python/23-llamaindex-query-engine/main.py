"""Engineering handbook Q&A over llama-index."""
from fastapi import FastAPI

from rag.index import get_index, get_query_engine

app = FastAPI()
# Build the index (disk reads + embedding calls) at import time, not on the first request.
get_query_engine()


@app.get("/handbook")
async def handbook(q: str):
    response = get_query_engine().query(q)  # expect: blocking-llm-call
    return {"answer": str(response), "sources": [n.node.metadata.get("file_name") for n in response.source_nodes]}


@app.get("/handbook/async")
async def handbook_async(q: str):
    response = await get_query_engine().aquery(q)
    return {"answer": str(response)}


@app.get("/handbook/chat")
async def handbook_chat(q: str):
    chat_engine = get_index().as_chat_engine(chat_mode="context")
    reply = chat_engine.chat(q)  # expect: blocking-llm-call
    return {"answer": reply.response}


@app.get("/handbook/chat/async")
async def handbook_chat_async(q: str):
    chat_engine = get_index().as_chat_engine(chat_mode="context")
    reply = await chat_engine.achat(q)
    return {"answer": reply.response}
