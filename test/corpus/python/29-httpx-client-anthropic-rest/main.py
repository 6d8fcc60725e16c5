"""Thin proxy to the Anthropic Messages API that adds org-wide defaults."""
import os

import httpx
from fastapi import FastAPI

app = FastAPI()
HEADERS = {"x-api-key": os.environ.get("ANTHROPIC_API_KEY", ""), "anthropic-version": "2023-06-01"}
sync_http = httpx.Client(base_url="https://api.anthropic.com", headers=HEADERS, timeout=60)
async_http = httpx.AsyncClient(base_url="https://api.anthropic.com", headers=HEADERS, timeout=60)


@app.post("/proxy/messages")
async def proxy(payload: dict):
    payload.setdefault("max_tokens", 1024)
    r = sync_http.post("/v1/messages", json=payload)  # expect: blocking-llm-call
    return r.json()


@app.post("/proxy/v2/messages")
async def proxy_v2(payload: dict):
    r = await async_http.post("/v1/messages", json=payload)
    return r.json()
