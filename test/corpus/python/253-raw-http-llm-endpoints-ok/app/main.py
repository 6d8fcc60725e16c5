"""Survey service: its own routes and look-alike paths that are not provider APIs, and a retried embedding call."""
# corpus: labels llm-http-without-retry
import os

import httpx
from fastapi import FastAPI
from tenacity import retry, stop_after_attempt, wait_random_exponential

app = FastAPI()
SURVEY_API = os.environ["SURVEY_API"]
OPENAI_BASE = os.environ.get("OPENAI_BASE_URL", "https://api.openai.com/v1")


@app.get("/surveys/{sid}/responses")
async def survey_responses(sid: str):
    async with httpx.AsyncClient(timeout=10) as client:
        # A survey vendor's responses and stats, not a model API.
        r = await client.get(f"{SURVEY_API}/surveys/{sid}/survey_responses")
        stats = await client.get(f"{SURVEY_API}/api/embeddings_stats")
        return {"responses": r.json(), "stats": stats.json()}


@app.post("/search")
async def search(q: str):
    async with httpx.AsyncClient(timeout=10) as client:
        # The app's own search backend, whose route happens to be named after what it stores.
        r = await client.post("http://search:9200/api/completions-index/_search", json={"query": q})
        return r.json()


@retry(stop=stop_after_attempt(4), wait=wait_random_exponential(min=1, max=20))
async def embedding(text: str) -> list[float]:
    async with httpx.AsyncClient(timeout=20) as client:
        r = await client.post(f"{OPENAI_BASE}/embeddings", headers={"Authorization": f"Bearer {os.environ['OPENAI_API_KEY']}"}, json={"model": "text-embedding-3-small", "input": text})
        r.raise_for_status()
        return r.json()["data"][0]["embedding"]


@app.post("/embed")
async def embed(text: str):
    return {"embedding": await embedding(text)}
