"""FastAPI routes over aisuite that never block the loop: def routes, a thread, the async client."""
# corpus: labels llm-call-without-timeout
from fastapi import FastAPI

from app.router import answer_async, answer_sync, answer_threaded, quick

app = FastAPI()


@app.post("/chat")
def chat(message: str) -> dict:
    # A def route runs in the threadpool.
    return {"answer": answer_sync(message), "quick": quick(message)}


@app.post("/async")
async def chat_async(message: str) -> dict:
    return {"answer": await answer_async(message)}


@app.post("/threaded")
async def chat_threaded(message: str) -> dict:
    return {"answer": await answer_threaded(message)}
