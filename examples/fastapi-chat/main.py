"""A small FastAPI chat service with the LLM-call mistakes Loopsafe finds (see the Problems panel)."""
import os

from fastapi import FastAPI
from openai import OpenAI

app = FastAPI()
client = OpenAI(api_key=os.environ.get("OPENAI_API_KEY", "sk-test"))


@app.get("/generate")
async def generate():
    # The widely copied "fix": await in front of a sync client. Blocks the loop, then raises TypeError.
    response = await client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": "Hello"}])
    return {"answer": response.choices[0].message.content}


@app.get("/summary")
def summary():
    # Fine: FastAPI runs plain `def` routes in its threadpool.
    response = client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": "Summarize"}])
    return {"answer": response.choices[0].message.content}


@app.get("/health")
async def health():
    return {"ok": True}
