"""Transparent relays: the upstream's status (and retry-after) goes back to the caller, whose SDK retries."""
# corpus: labels llm-http-without-retry
import os

import httpx
from fastapi import FastAPI, Request, Response

app = FastAPI()
HOP = {"connection", "transfer-encoding", "content-length", "keep-alive"}


@app.api_route("/{path:path}", methods=["GET", "POST"])
async def passthrough(path: str, request: Request):
    async with httpx.AsyncClient(timeout=120) as client:
        upstream = await client.request(request.method, f"https://api.openai.com/{path}", headers={"Authorization": request.headers.get("authorization", "")}, content=await request.body())
    headers = {k: v for k, v in upstream.headers.items() if k.lower() not in HOP}
    return Response(content=upstream.content, status_code=upstream.status_code, headers=headers)
