"""A Quart blueprint that builds its client when the app starts serving and keeps it on the blueprint."""
# corpus: labels llm-call-without-timeout
import json
import os

import openai
from quart import Blueprint, Response, request

bp = Blueprint("chat", __name__)


@bp.before_app_serving
async def open_client():
    bp.llm = openai.AsyncOpenAI(base_url=os.getenv("LLM_BASE_URL"))  # expect: llm-call-without-timeout
    bp.model = os.getenv("LLM_MODEL", "gpt-4o-mini")


@bp.after_app_serving
async def close_client():
    await bp.llm.close()


@bp.post("/chat")
async def chat():
    body = await request.get_json()

    async def tokens():
        pending = bp.llm.chat.completions.create(model=bp.model, messages=[{"role": "user", "content": body["q"]}], stream=True)
        async for chunk in await pending:
            if chunk.choices:
                yield json.dumps({"t": chunk.choices[0].delta.content or ""}) + "\n"

    return Response(tokens(), content_type="application/x-ndjson")
