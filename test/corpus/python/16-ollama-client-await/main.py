"""Commit-message suggester running against a local Ollama."""
from fastapi import FastAPI
from ollama import Client
from pydantic import BaseModel

app = FastAPI()
ollama_client = Client(host="http://localhost:11434")


class Diff(BaseModel):
    patch: str


@app.post("/commit-message")
async def commit_message(diff: Diff):
    r = await ollama_client.generate(model="qwen2.5-coder", prompt=f"Write a conventional commit message for:\n{diff.patch}")  # expect: await-on-sync-call, blocking-llm-call
    return {"message": r["response"].strip()}


@app.post("/explain")
async def explain(diff: Diff):
    parts = []
    for chunk in ollama_client.chat(model="qwen2.5-coder", messages=[{"role": "user", "content": diff.patch}], stream=True):  # expect: blocking-llm-call
        parts.append(chunk["message"]["content"])
    return {"explanation": "".join(parts)}
