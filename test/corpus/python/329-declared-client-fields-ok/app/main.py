"""Litestar app on async stores, read from app state with annotations: nothing blocks the loop."""
from litestar import Litestar, post
from litestar.datastructures import State

from app.stores import AnswerCache, Labels, VectorCache


@post("/ask")
async def ask(state: State, data: dict) -> dict:
    cache: VectorCache = state.vector_cache
    answers: AnswerCache = state.answers
    labels: Labels = state.labels
    hits = await cache.lookup(data["vector"])
    await answers.remember(data["q"], b"...")
    return {"hits": hits, "label": labels.get("hits")}


app = Litestar([ask])
