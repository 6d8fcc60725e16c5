"""A model factory whose every branch bounds its client."""
# corpus: labels llm-call-without-timeout
import os

from fastapi import FastAPI
from langchain_ollama import ChatOllama
from langchain_openai import ChatOpenAI

app = FastAPI()


def build_model():
    if os.getenv("MODEL_SOURCE") == "openai":
        return ChatOpenAI(model="gpt-4o-mini", timeout=45)
    return ChatOllama(model="llama3.2", client_kwargs={"timeout": 60})


llm = build_model()


@app.post("/ask")
async def ask(question: str):
    reply = await llm.ainvoke(question)
    return {"answer": reply.content}
