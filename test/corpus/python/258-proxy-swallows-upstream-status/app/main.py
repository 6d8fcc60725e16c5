"""An OpenAI relay that hides the upstream's status: a 429 becomes its own 502, so nobody retries it."""
# corpus: labels llm-http-without-retry
import os

import httpx
from fastapi import FastAPI, HTTPException, Request
from fastapi.responses import JSONResponse

app = FastAPI()
UPSTREAM = "https://api.openai.com/v1"


@app.post("/v1/chat/completions")
async def relay(request: Request):
    body = await request.json()
    async with httpx.AsyncClient(timeout=60) as client:
        upstream = await client.post(f"{UPSTREAM}/chat/completions", headers={"Authorization": f"Bearer {os.environ['OPENAI_API_KEY']}"}, json=body)  # expect: llm-http-without-retry
    if upstream.status_code != 200:
        # The caller sees 502 with no retry-after: its SDK retries blindly or gives up.
        raise HTTPException(status_code=502, detail="upstream error")
    return JSONResponse(upstream.json(), status_code=200)


@app.post("/v1/embeddings")
async def embeddings(request: Request):
    async with httpx.AsyncClient(timeout=30) as client:
        resp = await client.post(f"{UPSTREAM}/embeddings", headers={"Authorization": f"Bearer {os.environ['OPENAI_API_KEY']}"}, json=await request.json())  # expect: llm-http-without-retry
    status_code = 200 if resp.is_success else 500
    return JSONResponse(resp.json(), status_code=status_code)
