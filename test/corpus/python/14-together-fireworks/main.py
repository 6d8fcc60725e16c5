"""Model playground: compares open models on Together and Fireworks."""
import asyncio
import os

from fastapi import FastAPI
from fireworks import AsyncFireworks
from together import Together

app = FastAPI()
together = Together(api_key=os.getenv("TOGETHER_API_KEY"))
fireworks = AsyncFireworks(api_key=os.getenv("FIREWORKS_API_KEY"))


async def ask_fireworks(prompt: str) -> str:
    r = await fireworks.chat.completions.create(
        model="accounts/fireworks/models/llama-v3p1-70b-instruct",
        messages=[{"role": "user", "content": prompt}],
    )
    return r.choices[0].message.content


@app.post("/compare")
async def compare(prompt: str):
    fw_task = asyncio.create_task(ask_fireworks(prompt))
    tg = together.chat.completions.create(  # expect: blocking-llm-call
        model="meta-llama/Llama-3.3-70B-Instruct-Turbo",
        messages=[{"role": "user", "content": prompt}],
    )
    return {"together": tg.choices[0].message.content, "fireworks": await fw_task}


@app.post("/image")
async def image(prompt: str):
    img = together.images.generate(model="black-forest-labs/FLUX.1-schnell", prompt=prompt, steps=4)  # expect: blocking-llm-call
    return {"url": img.data[0].url}
