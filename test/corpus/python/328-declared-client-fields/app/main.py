"""Litestar app keeping its stores on app state; handlers read them with an annotation."""
from litestar import Litestar, post
from litestar.datastructures import State

from app.stores import AnswerCache, VectorCache


@post("/ask")
async def ask(state: State, data: dict) -> dict:
    cache: VectorCache = state.vector_cache
    answers: AnswerCache = state.answers
    hits = cache.lookup(data["vector"])  # expect: blocking-call-in-async-handler
    answers.remember(data["q"], b"...")  # expect: blocking-call-in-async-handler
    return {"hits": hits}


app = Litestar([ask])
