"""Support desk API: every LLM call runs in a thread, so the loop is free, but nginx still cuts the request."""
# corpus: labels timeout-exceeds-server-limit
import asyncio

from anthropic import Anthropic
from fastapi import FastAPI
from langchain_openai import ChatOpenAI
from openai import OpenAI

app = FastAPI()
claude = Anthropic(timeout=45.0)  # 45 s x 3 attempts: longer than nginx's 60 s
llm = ChatOpenAI(model="gpt-4o-mini")  # no timeout at all
oai = OpenAI()  # 600 s x 3 attempts


def draft_reply(ticket: str) -> str:
    out = oai.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": ticket}])  # expect: timeout-exceeds-server-limit
    return out.choices[0].message.content


@app.post("/tickets/triage")
async def triage(ticket: str):
    msg = await asyncio.to_thread(claude.messages.create, model="claude-3-5-haiku-latest", max_tokens=200, messages=[{"role": "user", "content": ticket}])  # expect: timeout-exceeds-server-limit
    return {"triage": msg.content[0].text}


@app.post("/tickets/summary")
async def summary(ticket: str):
    msg = await asyncio.to_thread(lambda: llm.invoke(f"Summarize: {ticket}"))  # expect: timeout-exceeds-server-limit
    return {"summary": msg.content}


@app.post("/tickets/reply")
async def reply(ticket: str):
    loop = asyncio.get_running_loop()
    text = await loop.run_in_executor(None, draft_reply, ticket)
    return {"reply": text}
