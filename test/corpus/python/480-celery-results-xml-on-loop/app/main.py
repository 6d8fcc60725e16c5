"""Report API: polls Celery results and asks the workers for their state from async routes, and imports XML feeds."""
import asyncio

from celery.result import AsyncResult
from fastapi import FastAPI

from app.feeds import feed_titles, schema_root
from app.worker import queue, render

api = FastAPI()


@api.post("/reports/{report_id}")
async def start(report_id: int):
    job = render.delay(report_id)  # expect: blocking-call-in-async-handler
    return {"job": job.id}


@api.get("/reports/jobs/{job_id}")
async def poll(job_id: str):
    handle = AsyncResult(job_id, app=queue)
    if not handle.ready():  # expect: blocking-call-in-async-handler
        return {"done": False}
    return {"done": True}


@api.get("/reports/jobs/{job_id}/state")
async def state(job_id: str):
    handle = AsyncResult(job_id, app=queue)
    current = handle.status  # expect: blocking-call-in-async-handler
    if handle.ready():  # expect: blocking-call-in-async-handler
        return {"state": handle.state, "was": current}
    return {"state": current}


@api.get("/reports/jobs/{job_id}/wait")
async def wait_for(job_id: str):
    value = queue.AsyncResult(job_id).get(timeout=20)  # expect: blocking-call-in-async-handler
    return {"value": value}


async def until_done(job_id: str) -> None:
    handle = AsyncResult(job_id)
    while not handle.ready():  # expect: blocking-call-in-async-handler
        await asyncio.sleep(0.5)


@api.get("/reports/jobs/{job_id}/block")
async def block(job_id: str):
    await until_done(job_id)  # expect: blocking-call-in-async-handler
    return {"done": True}


@api.get("/workers")
async def workers():
    busy = queue.control.inspect().active()  # expect: blocking-call-in-async-handler
    stats = queue.control.inspect(timeout=0.5).stats()  # expect: blocking-call-in-async-handler
    return {"busy": busy, "stats": stats}


@api.post("/feeds")
async def import_feed(path: str):
    titles = feed_titles(path)  # expect: blocking-call-in-async-handler
    root = schema_root(path + ".xsd")  # expect: blocking-call-in-async-handler
    return {"titles": titles, "schema": root.tag}
