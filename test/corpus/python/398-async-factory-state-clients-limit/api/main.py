"""Notes service: the LLM clients come from async factories in another module, kept on app.state."""
# corpus: labels timeout-exceeds-server-limit
import os
from contextlib import asynccontextmanager

from fastapi import FastAPI

from ext.llm import init_app as init_llm_app, init_sync_app
from notes.routes import router


@asynccontextmanager
async def lifespan(app: FastAPI):
    app.state.settings = dict(os.environ)
    app.state.llm_client = await init_llm_app(app)
    app.state.llm_sync = await init_sync_app(app)
    yield


app = FastAPI(lifespan=lifespan)
app.include_router(router, prefix="/notes")
