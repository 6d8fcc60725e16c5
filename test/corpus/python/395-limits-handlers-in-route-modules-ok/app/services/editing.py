"""Editing workflow between the routes and the model module."""
import asyncio

from app.services import llm


async def prepare(text: str) -> dict:
    title = await llm.headline(text)
    # The sync client runs in a worker thread: the loop stays free.
    subtitle = await asyncio.to_thread(llm.translate, title, "en")
    return {"title": title, "subtitle": subtitle}
