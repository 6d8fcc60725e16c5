"""Async done right: the async client, awaited; a sync helper offloaded to a thread. No findings here."""
import asyncio

from anthropic import AsyncAnthropic
from fastapi import APIRouter

from app.llm import summarize

router = APIRouter()
claude = AsyncAnthropic()


@router.post("/ask")
async def ask(question: str):
    message = await claude.messages.create(model="claude-sonnet-4-5", max_tokens=512, messages=[{"role": "user", "content": question}])
    return {"answer": message.content[0].text}


@router.post("/digest")
async def digest(text: str):
    return {"summary": await asyncio.to_thread(summarize, text)}


@router.post("/later")
async def later(question: str):
    # Forgotten await: the coroutine is created and dropped, the request is never sent.
    claude.messages.create(model="claude-sonnet-4-5", max_tokens=64, messages=[{"role": "user", "content": question}])
    return {"queued": True}
