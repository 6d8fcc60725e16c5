"""Report endpoints: each goes through the configured backend."""
from fastapi import APIRouter

from app.agents.reviewer import Reviewer
from app.agents.summarizer import Summarizer
from app.services.backends import get_backend, make_embedder

router = APIRouter(prefix="/reports")
summarizer = Summarizer()
reviewer = Reviewer(get_backend())
embedder = make_embedder()


@router.post("/summary")
async def summary(text: str):
    # With LLM_BACKEND=hosted the completion blocks the loop (through complete_hosted).
    return {"summary": await summarizer.summarize(text)}  # expect: blocking-llm-call


@router.post("/review")
async def review(draft: str):
    return {"review": await reviewer.review(draft)}  # expect: blocking-llm-call


@router.post("/vector")
async def vector(text: str):
    return {"vector": embedder.embed(text)}  # expect: blocking-llm-call
