"""Looks guilty (sync OpenAI call on every async request) but the call sits in a def dependency."""
from fastapi import Depends, FastAPI
from openai import AsyncOpenAI

from guard import moderated_prompt

app = FastAPI()
aclient = AsyncOpenAI()


@app.post("/generate")
async def generate(prompt: str = Depends(moderated_prompt)):
    r = await aclient.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": prompt}])
    return {"text": r.choices[0].message.content}
