"""Routes: the blocking call sits one helper away, in app/llm.py."""
from fastapi import APIRouter

from app.llm import summarize

router = APIRouter()


@router.post("/summary")
async def summary(text: str):
    return {"summary": summarize(text)}
