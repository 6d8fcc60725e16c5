"""FastAPI app: the client comes from a dependency and is handed to the helpers."""
# corpus: labels llm-call-without-timeout
from contextlib import asynccontextmanager

import anthropic
from fastapi import Depends, FastAPI
from openai import OpenAI

from svc import handlers
from svc.llm import new_client, summarizer_model



@asynccontextmanager
async def lifespan(app: FastAPI):
    app.state.embedder = OpenAI()  # expect: llm-call-without-timeout
    yield


app = FastAPI(lifespan=lifespan)
summarizer = handlers.Summarizer(summarizer_model)


@app.post("/chat")
async def chat(message: str, client: anthropic.Anthropic = Depends(new_client)):
    return {"reply": handlers.chat(message, client)}  # expect: blocking-llm-call


@app.post("/summary")
def summary(text: str):
    # def route: the threadpool runs it; only the missing timeout matters here.
    return {"summary": summarizer.summarize(text)}


@app.get("/search")
async def search(q: str):
    from svc.search import embed

    return {"vector": await embed(q)}  # expect: blocking-llm-call
