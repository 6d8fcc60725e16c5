"""Recipe assistant. Clients are created once in the lifespan hook and parked on app.state."""
from contextlib import asynccontextmanager

import anthropic
from fastapi import FastAPI

from routes import chat, health


@asynccontextmanager
async def lifespan(app: FastAPI):
    app.state.claude = anthropic.Anthropic(timeout=45.0)
    app.state.model = "claude-sonnet-4-5"
    yield
    app.state.claude.close()


app = FastAPI(lifespan=lifespan)
app.include_router(chat.router)
app.include_router(health.router)
