"""The same shapes done right: bounded clients on module-level objects, async calls awaited."""
# corpus: labels llm-call-without-timeout
from types import SimpleNamespace

import openai
from fastapi import FastAPI
from quart import Blueprint

bp = Blueprint("summaries", __name__)
state = SimpleNamespace()
api = FastAPI()


@bp.before_app_serving
async def open_client():
    bp.llm = openai.AsyncOpenAI(timeout=30.0, max_retries=2)


@bp.post("/summary")
async def summary():
    reply = await bp.llm.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": "hi"}])
    return {"summary": reply.choices[0].message.content}


@api.on_event("startup")
async def startup():
    state.client = openai.AsyncOpenAI(timeout=20.0)


@api.post("/title")
async def title(text: str):
    reply = await state.client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": text}])
    return {"title": reply.choices[0].message.content}
