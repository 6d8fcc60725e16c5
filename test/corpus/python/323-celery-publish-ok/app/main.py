"""Publishing Celery tasks off the loop: sync routes (threadpool), offloads, and look-alike `.delay` methods."""
import asyncio
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import Pool

from fastapi import FastAPI

from app.tasks import index_document

app = FastAPI()
pool = Pool(2)
executor = ProcessPoolExecutor()


class Backoff:
    def __init__(self, base: float):
        self.base = base

    def delay(self, attempt: int) -> float:
        return self.base * 2 ** attempt


backoff = Backoff(0.5)


def render(doc_id: str) -> str:
    return doc_id.upper()


@app.post("/documents/{doc_id}")
def upload_sync(doc_id: str):
    # A plain `def` route runs in FastAPI's threadpool.
    index_document.delay(doc_id)
    return {"queued": doc_id}


@app.post("/documents/{doc_id}/async")
async def upload(doc_id: str):
    await asyncio.to_thread(index_document.delay, doc_id)
    await asyncio.get_running_loop().run_in_executor(None, lambda: index_document.apply_async(args=[doc_id]))
    return {"queued": doc_id, "retry_in": backoff.delay(2)}


@app.post("/render/{doc_id}")
async def render_async(doc_id: str):
    # A process pool's apply_async hands the job over and returns at once.
    result = pool.apply_async(render, (doc_id,))
    return {"pending": not result.ready()}
