"""Support desk API under gunicorn's uvicorn workers, no proxy: threads keep the loop (and the heartbeat) free."""
# corpus: labels timeout-exceeds-server-limit
import asyncio

from anthropic import Anthropic
from fastapi import BackgroundTasks, FastAPI
from langchain_openai import ChatOpenAI
from openai import OpenAI

app = FastAPI()
# 45 s x 3 attempts is longer than the worker's 30 s timeout, but that timeout is a heartbeat: a worker
# whose loop keeps running while a thread waits for the model is not killed.
claude = Anthropic(timeout=45.0)
llm = ChatOpenAI(model="gpt-4o-mini", timeout=50)
oai = OpenAI(timeout=40.0)


def draft_reply(ticket: str) -> str:
    out = oai.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": ticket}])
    return out.choices[0].message.content


@app.post("/tickets/triage")
async def triage(ticket: str):
    msg = await asyncio.to_thread(claude.messages.create, model="claude-3-5-haiku-latest", max_tokens=200, messages=[{"role": "user", "content": ticket}])
    return {"triage": msg.content[0].text}


@app.post("/tickets/summary")
async def summary(ticket: str):
    msg = await asyncio.to_thread(lambda: llm.invoke(f"Summarize: {ticket}"))
    return {"summary": msg.content}


@app.post("/tickets/reply")
async def reply(ticket: str):
    loop = asyncio.get_running_loop()
    text = await loop.run_in_executor(None, draft_reply, ticket)
    return {"reply": text}


@app.post("/tickets/notify")
async def notify(ticket: str, tasks: BackgroundTasks):
    # Runs after the response is sent: no limit cuts it.
    tasks.add_task(lambda: draft_reply(ticket))
    return {"queued": True}
