from fastapi import APIRouter
from pydantic import BaseModel

from app.services import Summarizer

router = APIRouter(prefix="/meetings", tags=["meetings"])
summarizer = Summarizer()


class Transcript(BaseModel):
    text: str


@router.post("/summary")
async def summary(body: Transcript):
    return {"summary": summarizer.summarize(body.text)}  # expect: blocking-llm-call


@router.post("/actions")
async def actions(body: Transcript):
    items = summarizer.action_items(body.text)  # expect: blocking-llm-call
    return {"items": items, "count": len(items)}
