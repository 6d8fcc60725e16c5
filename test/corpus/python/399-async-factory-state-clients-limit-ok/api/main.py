"""Notes service: clients from async factories in another module, kept on app.state, all bounded for requests."""
# corpus: labels timeout-exceeds-server-limit
import os
from contextlib import asynccontextmanager

from fastapi import FastAPI

from ext.llm import init_app as init_llm_app, init_batch_app, init_sync_app
from notes.routes import router


@asynccontextmanager
async def lifespan(app: FastAPI):
    app.state.settings = dict(os.environ)
    app.state.llm_client = await init_llm_app(app)
    app.state.llm_sync = await init_sync_app(app)
    app.state.llm_batch = await init_batch_app(app)
    # Warm the model once before serving: no request waits for this.
    await app.state.llm_batch.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": "ping"}])
    yield


app = FastAPI(lifespan=lifespan)
app.include_router(router, prefix="/notes")
