"""Startup: the app warms the embedding cache once, before it serves anything."""
from contextlib import asynccontextmanager

from openai import OpenAI

client = OpenAI(timeout=20)


@asynccontextmanager
async def lifespan(app):
    seed = client.embeddings.create(model="text-embedding-3-small", input=["warm-up"])
    app.state.seed = seed.data[0].embedding
    yield
    app.state.seed = None
