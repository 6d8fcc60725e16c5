"""HR policy bot."""
from pathlib import Path

from fastapi import FastAPI

from chains.qa import answer, qa_chain

app = FastAPI()
POLICY = Path(__file__).with_name("policy.md").read_text() if Path(__file__).with_name("policy.md").exists() else ""


@app.get("/ask")
async def ask(q: str):
    return {"answer": answer(q, POLICY)}  # expect: blocking-llm-call


@app.get("/ask/v2")
async def ask_v2(q: str):
    return {"answer": await qa_chain.ainvoke({"question": q, "policy": POLICY})}


@app.get("/ask/batch")
async def ask_batch(qs: list[str]):
    return qa_chain.batch([{"question": q, "policy": POLICY} for q in qs])  # expect: blocking-llm-call
