from fastapi import FastAPI
from pydantic import BaseModel

from core import gemini

app = FastAPI()


class Product(BaseModel):
    name: str
    features: list[str]


class Revision(BaseModel):
    draft: str
    feedback: str


@app.post("/describe")
async def describe(p: Product):
    return {"text": gemini.describe(p.name, p.features)}  # expect: blocking-llm-call


@app.post("/describe/fast")
async def describe_fast(p: Product):
    return {"text": await gemini.describe_async(p.name, p.features)}


@app.post("/revise")
async def revise(r: Revision):
    text = gemini.improve(r.draft, r.feedback)  # expect: blocking-llm-call
    return {"text": text}
