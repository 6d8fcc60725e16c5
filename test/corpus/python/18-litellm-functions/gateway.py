"""Provider-agnostic completion gateway on litellm."""
import litellm
from fastapi import FastAPI
from litellm import acompletion, completion
from pydantic import BaseModel

app = FastAPI()
litellm.request_timeout = 45


class Req(BaseModel):
    model: str = "gpt-4o-mini"
    prompt: str


@app.post("/v1/complete")
async def complete(req: Req):
    resp = completion(model=req.model, messages=[{"role": "user", "content": req.prompt}])  # expect: blocking-llm-call
    return {"text": resp.choices[0].message.content}


@app.post("/v2/complete")
async def complete_v2(req: Req):
    resp = await acompletion(model=req.model, messages=[{"role": "user", "content": req.prompt}])
    return {"text": resp.choices[0].message.content}


async def _call(model: str, prompt: str):
    # Returns the coroutine itself: callers awaiting _call get a coroutine back.
    return litellm.acompletion(model=model, messages=[{"role": "user", "content": prompt}])  # expect: unawaited-llm-call


@app.post("/v3/complete")
async def complete_v3(req: Req):
    resp = await _call(req.model, req.prompt)
    return {"text": resp}


@app.post("/v1/embed")
async def embed(req: Req):
    out = litellm.embedding(model="text-embedding-3-small", input=[req.prompt])  # expect: blocking-llm-call
    return {"dim": len(out.data[0]["embedding"])}
