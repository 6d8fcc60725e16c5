"""FastAPI app whose lifespan starts the chat worker on the server's loop."""
import asyncio
from contextlib import asynccontextmanager

from fastapi import FastAPI

from app.service import ChatService
from app.worker import run_worker

queue: asyncio.Queue = asyncio.Queue()


@asynccontextmanager
async def lifespan(app: FastAPI):
    app.state.worker = asyncio.create_task(run_worker(queue, ChatService()))
    yield
    app.state.worker.cancel()


app = FastAPI(lifespan=lifespan)


@app.post("/jobs")
async def submit(prompt: str) -> dict:
    await queue.put({"prompt": prompt})
    return {"queued": queue.qsize()}
