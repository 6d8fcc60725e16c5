import asyncio
import functools
from concurrent.futures import ThreadPoolExecutor

import anyio
from asyncer import asyncify
from fastapi import FastAPI
from fastapi.concurrency import run_in_threadpool

from svc import sync_llm
from svc.sync_llm import classify, converse, summarize

app = FastAPI()
pool = ThreadPoolExecutor(max_workers=8, thread_name_prefix="llm")


@app.post("/a")
async def a(text: str):
    return {"summary": await asyncio.to_thread(summarize, text)}


@app.post("/b")
async def b(text: str):
    loop = asyncio.get_running_loop()
    label = await loop.run_in_executor(pool, functools.partial(classify, text))
    return {"label": label}


@app.post("/c")
async def c(text: str):
    return {"reply": await run_in_threadpool(converse, text)}


@app.post("/d")
async def d(text: str):
    return {"summary": await anyio.to_thread.run_sync(sync_llm.summarize, text)}


@app.post("/e")
async def e(text: str):
    return {"label": await asyncify(classify)(text)}


@app.post("/f")
async def f(text: str):
    r = await asyncio.to_thread(sync_llm.openai_client.chat.completions.create, model="gpt-4o-mini", messages=[{"role": "user", "content": text}])
    return {"text": r.choices[0].message.content}
