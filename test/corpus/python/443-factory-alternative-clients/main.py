"""FastAPI app answering through whichever model the factory picked."""
from fastapi import FastAPI

from core.models import ModelFactory

app = FastAPI()
llm = ModelFactory().build()


@app.post("/ask")
async def ask(question: str):
    reply = await llm.ainvoke(question)
    return {"answer": reply.content}
