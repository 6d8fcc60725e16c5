"""Collaborative story writer: moderates input, then asks the model to continue."""
from fastapi import FastAPI, HTTPException

from hf.inference import continue_story, moderate

app = FastAPI()


@app.post("/story/next")
async def next_paragraph(prompt: str):
    if not moderate(prompt):  # expect: blocking-llm-call
        return {"paragraph": await continue_story(prompt)}
    raise HTTPException(400, "content rejected")


@app.post("/story/check")
def check(prompt: str):
    return {"toxic": moderate(prompt)}
