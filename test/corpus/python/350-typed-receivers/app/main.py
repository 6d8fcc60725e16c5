"""A Litestar chat backend: clients live on the application state, handlers read them back typed."""
# corpus: labels llm-call-without-timeout
import os

import ollama
from litestar import Litestar, post
from litestar.datastructures import State

from app.audit import AuditSink, Reporter
from app.cache import AnswerCache
from app.tokens import count_tokens


def startup(app: Litestar) -> None:
    app.state.llm = ollama.Client(host=os.environ.get("OLLAMA_URL", "http://localhost:11434"))  # expect: llm-call-without-timeout
    app.state.cache = AnswerCache(host="localhost", port=6379)
    app.state.reporter = Reporter(AuditSink())


@post("/ask")
async def ask(state: State, data: dict) -> dict:
    used = count_tokens(state.llm, "llama3", data["prompt"])  # expect: blocking-llm-call
    cache: AnswerCache = state.cache
    cache.remember(data["prompt"], "pending")  # expect: blocking-call-in-async-handler
    reporter: Reporter = state.reporter
    await reporter.report(data["prompt"], "pending")  # expect: blocking-call-in-async-handler
    return {"tokens": used}


@post("/embed")
async def embed(state: State, data: dict) -> dict:
    client: ollama.Client = state.llm
    vectors = client.embed(model="nomic-embed-text", input=data["text"])  # expect: blocking-llm-call
    return {"vectors": vectors.embeddings}


app = Litestar(route_handlers=[ask, embed], on_startup=[startup])
