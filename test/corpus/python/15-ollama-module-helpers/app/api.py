from fastapi import FastAPI
from ollama import AsyncClient
from pydantic import BaseModel

from app.local_llm import chat_once
from app.retrieval import best_passages

app = FastAPI()
aclient = AsyncClient(host="http://gpu-01:11434", timeout=120)


class Question(BaseModel):
    question: str
    passages: list[str]


@app.post("/rag")
async def rag(q: Question):
    context = "\n".join(best_passages(q.question, q.passages))  # expect: blocking-llm-call
    return {"answer": chat_once(q.question, context)}  # expect: blocking-llm-call


@app.post("/quick")
async def quick(q: Question):
    r = await aclient.chat(model="llama3.2", messages=[{"role": "user", "content": q.question}])
    return {"answer": r["message"]["content"]}
