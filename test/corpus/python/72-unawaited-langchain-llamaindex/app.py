"""Async entry points of LangChain and llama-index, used without await."""
from fastapi import FastAPI
from langchain_anthropic import ChatAnthropic
from llama_index.core import VectorStoreIndex

from kb import build_index

app = FastAPI()
llm = ChatAnthropic(model="claude-3-5-haiku-latest")
index: VectorStoreIndex = build_index()


@app.get("/lc")
async def lc(q: str):
    msg = llm.ainvoke(q)  # expect: unawaited-llm-call
    return {"text": msg.content}


@app.get("/li")
async def li(q: str):
    engine = index.as_query_engine()
    return {"answer": str(engine.aquery(q))}  # expect: unawaited-llm-call


@app.get("/lc/ok")
async def lc_ok(q: str):
    return {"text": (await llm.ainvoke(q)).content}
