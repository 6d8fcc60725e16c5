"""Export API: Celery results read in threads or sync routes, look-alike `.ready()`/`.get()` that are not Celery's, XML parsed from memory."""
import asyncio
import io
import xml.etree.ElementTree as ET
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from multiprocessing.pool import ThreadPool

from celery.result import AsyncResult
from fastapi import FastAPI, UploadFile

from app.worker import exporter

api = FastAPI()
pool = ThreadPool(2)
threads = ThreadPoolExecutor(2)


@dataclass
class Job:
    name: str
    finished: bool = False

    def ready(self) -> bool:
        return self.finished

    def get(self, key: str, default=None):
        return getattr(self, key, default)


@api.get("/exports/{job_id}")
async def status(job_id: str):
    handle = AsyncResult(job_id, app=exporter)
    done = await asyncio.to_thread(handle.ready)
    return {"done": done}


@api.get("/exports/{job_id}/sync")
def status_sync(job_id: str):
    handle = exporter.AsyncResult(job_id)
    return {"done": handle.ready(), "value": handle.get(timeout=1) if handle.ready() else None}


@api.get("/exports/{job_id}/state")
def state_sync(job_id: str):
    return {"state": AsyncResult(job_id, app=exporter).state}


@dataclass
class Upload:
    status: str = "new"


@api.get("/uploads/{name}")
async def upload_status(name: str):
    record = Upload()
    record.status = "seen"
    return {"status": record.status}


@api.get("/local")
async def local():
    job = Job("x")
    pending = pool.apply_async(sum, ([1, 2],))
    future = threads.submit(sum, [1, 2])
    task = asyncio.ensure_future(asyncio.sleep(0))
    await task
    return {"ready": job.ready(), "name": job.get("name"), "pool": pending.ready(), "future": future.done(), "task": task.done()}


@api.get("/workers")
async def workers():
    replies = await asyncio.to_thread(exporter.control.inspect().stats)
    return {"workers": replies}


@api.post("/feeds")
async def import_feed(upload: UploadFile):
    data = await upload.read()
    tree = ET.parse(io.BytesIO(data))
    root = ET.fromstring(data)
    return {"items": len(tree.getroot()), "tag": root.tag}


async def read_value(job_id: str) -> dict:
    handle = AsyncResult(job_id, app=exporter)
    if not await asyncio.to_thread(handle.ready):
        return {}
    payload = handle.result
    return {"rows": payload.get("rows"), "state": handle.info.get("state") if isinstance(handle.info, dict) else None}


@api.get("/exports/{job_id}/value")
async def value(job_id: str):
    return await read_value(job_id)
