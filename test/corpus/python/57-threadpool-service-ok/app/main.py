"""Math tutor. The service is sync; async routes always hop to a worker thread first."""
import asyncio
import functools
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request
from starlette.concurrency import run_in_threadpool

from app.service import Tutor


@asynccontextmanager
async def lifespan(app: FastAPI):
    app.state.tutor = Tutor()
    yield


app = FastAPI(lifespan=lifespan)


@app.get("/hint")
async def hint(request: Request, problem: str):
    return {"hint": await run_in_threadpool(request.app.state.tutor.hint, problem)}


@app.get("/solve")
async def solve(request: Request, problem: str):
    loop = asyncio.get_running_loop()
    answer = await loop.run_in_executor(None, functools.partial(request.app.state.tutor.solve, problem))
    return {"answer": answer}


@app.get("/both")
async def both(request: Request, problem: str):
    tutor: Tutor = request.app.state.tutor
    h, s = await asyncio.gather(asyncio.to_thread(tutor.hint, problem), asyncio.to_thread(tutor.solve, problem))
    return {"hint": h, "answer": s}
