"""Model picker: the same google-generativeai model-service calls, off the loop."""
# corpus: labels llm-call-without-timeout, timeout-exceeds-server-limit
import asyncio

import google.generativeai as genai
from fastapi import FastAPI

app = FastAPI()


def gemini_names() -> list[str]:
    return [m.name for m in genai.list_models() if "generateContent" in m.supported_generation_methods]


@app.get("/models")
async def models():
    # The whole listing (every page) runs in a thread.
    return await asyncio.to_thread(gemini_names)


@app.get("/models/all")
async def all_models():
    # Consumed inside the thread: list() iterates the generator there.
    return [m.name for m in await asyncio.to_thread(lambda: list(genai.list_models()))]


@app.get("/models/{name}")
def model(name: str):
    # A def route runs in the threadpool.
    return {"limit": genai.get_model(f"models/{name}").input_token_limit}
