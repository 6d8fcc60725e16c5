"""FastAPI app: questions over the policy documents."""
from fastapi import FastAPI

from rag.answerer import Answerer

app = FastAPI()
answerer = Answerer(["Refunds take five working days.", "Support is open 9 to 5."])


@app.get("/ask")
async def ask(q: str):
    return {"answer": await answerer.answer(q)}  # expect: blocking-llm-call
