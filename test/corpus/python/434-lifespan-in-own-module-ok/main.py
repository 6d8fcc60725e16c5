"""Search API: the lifespan, defined in its own module, runs before the first request is served."""
from fastapi import FastAPI, Request

from lifespan import lifespan

app = FastAPI(lifespan=lifespan)


@app.get("/seed")
async def seed(request: Request):
    return {"dims": len(request.app.state.seed)}
