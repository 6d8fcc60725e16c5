"""Review API: every route goes through the async service layer."""
from fastapi import FastAPI

from services import ReviewService, reviews

app = FastAPI()


@app.post("/summary")
async def summary(text: str):
    return {"summary": await reviews.summarize(text)}  # expect: blocking-llm-call


@app.post("/label")
async def label(text: str):
    return {"label": await reviews.classify(text)}  # expect: blocking-llm-call


@app.post("/both")
async def both(text: str):
    svc = ReviewService()
    return await svc.summarize_and_classify(text)  # expect: blocking-llm-call
