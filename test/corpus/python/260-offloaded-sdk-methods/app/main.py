"""Notes API: sync SDK methods handed to threads (the loop is free; the clients' timeouts still apply)."""
# corpus: labels llm-call-without-timeout
import asyncio

from anthropic import Anthropic
from fastapi import FastAPI
from openai import OpenAI

from llm import Gemini

app = FastAPI()
claude = Anthropic()  # expect: llm-call-without-timeout
oai = OpenAI()  # expect: llm-call-without-timeout
gemini = Gemini()


@app.post("/notes/summary")
async def summary(text: str):
    # 600 s per attempt x 3 attempts, in a worker thread.
    msg = await asyncio.to_thread(claude.messages.create, model="claude-3-5-haiku-latest", max_tokens=300, messages=[{"role": "user", "content": text}])
    return {"summary": msg.content[0].text}


@app.post("/notes/embed")
async def embed(text: str):
    out = await asyncio.to_thread(oai.embeddings.create, model="text-embedding-3-small", input=text)
    return {"embedding": out.data[0].embedding}


@app.post("/notes/title")
async def title(text: str):
    return {"title": await gemini.ask(f"A title for: {text}")}
