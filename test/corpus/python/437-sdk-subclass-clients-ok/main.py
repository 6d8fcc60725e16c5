"""Routes using SDK subclasses correctly: bounded constructors, threads, def routes."""
# corpus: labels llm-call-without-timeout
import asyncio

from fastapi import FastAPI

from svc.models import BoundedEmbeddings, QuickChat
from svc.special import PricedLiteLLM

app = FastAPI()
embeddings = BoundedEmbeddings(model="text-embedding-3-small")
chat = QuickChat(model="gpt-4o-mini")
priced = PricedLiteLLM(model="gpt-4o-mini", label="billing", request_timeout=30)


def nearest(question: str) -> list[float]:
    return embeddings.embed_query(question)


@app.post("/embed")
async def embed(question: str):
    vector = await asyncio.to_thread(nearest, question)
    return {"dims": len(vector)}


@app.post("/chat")
async def reply(question: str):
    answer = await chat.ainvoke(question)
    return {"answer": answer.content}


@app.post("/priced")
def priced_reply(question: str):
    text, cost = priced.priced(question)
    return {"answer": text, "cost": cost}
