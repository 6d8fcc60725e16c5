"""The same lookup passed to helpers that offload it, store it or only name it: the loop never runs the query."""
from fastapi import FastAPI

from app.db import Places
from app.runner import describe, in_thread, register

app = FastAPI()
places = Places()


@app.get("/search")
async def search(q: str):
    rows = await in_thread(places.nearest_cities, [0.1, 0.2])
    register(places.nearest_cities)
    return {"rows": rows, "via": describe(places.nearest_cities)}


@app.get("/search-sync")
def search_sync(q: str):
    # A plain `def` route runs in FastAPI's threadpool.
    return {"rows": places.nearest_cities([0.1, 0.2])}
