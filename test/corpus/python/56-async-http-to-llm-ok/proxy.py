"""Raw HTTP to LLM APIs with async clients: fine. One sync requests call lives in a def route: also fine."""
import os

import aiohttp
import httpx
import requests
from fastapi import FastAPI

app = FastAPI()
OPENAI = "https://api.openai.com/v1/chat/completions"
HEADERS = {"Authorization": f"Bearer {os.environ.get('OPENAI_API_KEY', '')}"}
http = httpx.AsyncClient(timeout=30)


@app.post("/httpx")
async def via_httpx(q: str):
    r = await http.post(OPENAI, headers=HEADERS, json={"model": "gpt-4o-mini", "messages": [{"role": "user", "content": q}]})
    return r.json()["choices"][0]["message"]["content"]


@app.post("/aiohttp")
async def via_aiohttp(q: str):
    async with aiohttp.ClientSession(headers={"x-api-key": os.environ.get("ANTHROPIC_API_KEY", ""), "anthropic-version": "2023-06-01"}) as session:
        async with session.post("https://api.anthropic.com/v1/messages", json={"model": "claude-3-5-haiku-latest", "max_tokens": 100, "messages": [{"role": "user", "content": q}]}) as resp:
            body = await resp.json()
    return body["content"][0]["text"]


@app.post("/requests")
def via_requests(q: str):
    r = requests.post(OPENAI, headers=HEADERS, json={"model": "gpt-4o-mini", "messages": [{"role": "user", "content": q}]}, timeout=30)
    return r.json()["choices"][0]["message"]["content"]
