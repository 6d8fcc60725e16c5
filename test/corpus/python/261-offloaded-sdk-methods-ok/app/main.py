"""The same offloading with bounded clients, a per-call timeout through to_thread, and non-SDK callables."""
# corpus: labels llm-call-without-timeout
import asyncio
import json
from concurrent.futures import ThreadPoolExecutor

from anthropic import Anthropic
from fastapi import FastAPI
from openai import OpenAI

app = FastAPI()
claude = Anthropic(timeout=30, max_retries=1)
oai = OpenAI()
pool = ThreadPoolExecutor(max_workers=4)


@app.post("/notes/summary")
async def summary(text: str):
    msg = await asyncio.to_thread(claude.messages.create, model="claude-3-5-haiku-latest", max_tokens=300, messages=[{"role": "user", "content": text}])
    return {"summary": msg.content[0].text}


@app.post("/notes/embed")
async def embed(text: str):
    # to_thread passes keywords on: this request has its own 20 s timeout.
    out = await asyncio.to_thread(oai.embeddings.create, model="text-embedding-3-small", input=text, timeout=20)
    return {"embedding": out.data[0].embedding}


@app.post("/notes/parse")
async def parse(text: str):
    # Not an SDK method: json.loads and a closed-over helper.
    data = await asyncio.to_thread(json.loads, text)
    loop = asyncio.get_running_loop()
    size = await loop.run_in_executor(pool, len, text)
    return {"keys": list(data), "size": size}
