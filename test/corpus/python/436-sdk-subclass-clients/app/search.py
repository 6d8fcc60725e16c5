"""A tiny vector cache searched from async routes through sync helpers."""
# corpus: labels llm-call-without-timeout
from fastapi import FastAPI

from app.billing import MeteredChat
from app.embedder import TracedChat, UnitEmbeddings

app = FastAPI()


class Cache:
    def __init__(self) -> None:
        self.vectors: list[tuple[list[float], str]] = []
        self.embedder = self.make_embedder()

    def make_embedder(self):
        return UnitEmbeddings(model="text-embedding-3-small")  # expect: llm-call-without-timeout

    def lookup(self, question: str):
        vec = self.embedder.embed_query(question)
        best = max(self.vectors, key=lambda item: sum(a * b for a, b in zip(vec, item[0])), default=None)
        return best[1] if best else None


cache = Cache()
chat = TracedChat(model="gpt-4o-mini", tag="support")  # expect: llm-call-without-timeout
metered = MeteredChat(model="gpt-4o-mini", tag="billing")  # expect: llm-call-without-timeout


@app.post("/ask")
async def ask(question: str):
    hit = cache.lookup(question)  # expect: blocking-llm-call
    if hit is not None:
        return {"answer": hit}
    reply = chat.invoke(question)  # expect: blocking-llm-call
    return {"answer": reply.content, "by": chat.describe()}


@app.post("/bill")
async def bill(prompt: str):
    return {"answer": metered.ask(prompt), "calls": metered.calls}  # expect: blocking-llm-call
