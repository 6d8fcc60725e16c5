"""Editing workflow: a service layer between the routes and the model module."""
from app.services import llm


async def prepare(text: str) -> dict:
    title = await llm.headline(text)
    labels = await llm.tags(text)
    return {"title": title, "tags": labels}
