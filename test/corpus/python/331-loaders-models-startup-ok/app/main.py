"""Summarizer API with models loaded at startup, the async loader and offloads: nothing blocks the loop."""
import asyncio
from contextlib import asynccontextmanager

from fastapi import FastAPI
from langchain_community.document_loaders import WebBaseLoader
from transformers import AutoModelForCausalLM, AutoTokenizer

from app.ranking import names

models: dict = {}


@asynccontextmanager
async def lifespan(app: FastAPI):
    # Startup: no request is waiting yet.
    models["tok"] = AutoTokenizer.from_pretrained("distilgpt2")
    models["lm"] = AutoModelForCausalLM.from_pretrained("distilgpt2")
    yield


app = FastAPI(lifespan=lifespan)


@app.get("/summarize")
async def summarize(url: str):
    docs = await WebBaseLoader(url).aload()
    more = await asyncio.to_thread(WebBaseLoader(url).load)
    return {"n": len(docs) + len(more), "products": names()}


@app.get("/summarize-sync")
def summarize_sync(url: str):
    # A plain `def` route runs in FastAPI's threadpool.
    return {"n": len(WebBaseLoader(url).load())}
