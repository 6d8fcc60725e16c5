"""A Litestar chat backend whose state clients are async or bounded, read back typed in the handlers."""
# corpus: labels llm-call-without-timeout
import asyncio
import os

import ollama
from litestar import Litestar, post
from litestar.datastructures import State

from app.audit import AuditSink, Reporter
from app.cache import AnswerCache, LocalCounter


def startup(app: Litestar) -> None:
    app.state.llm = ollama.AsyncClient(host=os.environ.get("OLLAMA_URL", "http://localhost:11434"), timeout=30)
    app.state.sync_llm = ollama.Client(host=os.environ.get("OLLAMA_URL", "http://localhost:11434"), timeout=30)
    app.state.cache = AnswerCache(host="localhost", port=6379)
    app.state.counter = LocalCounter()
    app.state.reporter = Reporter(AuditSink())


@post("/ask")
async def ask(state: State, data: dict) -> dict:
    client: ollama.AsyncClient = state.llm
    vectors = await client.embed(model="nomic-embed-text", input=data["prompt"])
    cache: AnswerCache = state.cache
    await cache.remember(data["prompt"], "pending")
    counter: LocalCounter = state.counter
    counter.bump(data["prompt"])
    reporter: Reporter = state.reporter
    await reporter.report(data["prompt"], "pending")
    return {"vectors": vectors.embeddings}


@post("/embed-sync")
async def embed_sync(state: State, data: dict) -> dict:
    # The sync client runs in a worker thread: the loop stays free.
    client: ollama.Client = state.sync_llm
    vectors = await asyncio.to_thread(client.embed, model="nomic-embed-text", input=data["text"])
    return {"vectors": vectors.embeddings}


app = Litestar(route_handlers=[ask, embed_sync], on_startup=[startup])
