"""Entry point: builds the embeddings client in the lifespan hook and mounts the routers."""
# corpus: labels llm-call-without-timeout
from contextlib import asynccontextmanager

from fastapi import FastAPI
from openai import AsyncOpenAI

from routes import chat, search


@asynccontextmanager
async def lifespan(app: FastAPI):
    app.state.embedder = AsyncOpenAI(base_url="http://embeddings.internal/v1")  # expect: llm-call-without-timeout
    yield


app = FastAPI(lifespan=lifespan)
app.include_router(chat.router)
app.include_router(search.router)
