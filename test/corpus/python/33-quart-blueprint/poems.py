"""Poem generator blueprint (Quart)."""
from openai import AsyncOpenAI, OpenAI
from quart import Blueprint, jsonify, request

bp = Blueprint("poems", __name__)
client = OpenAI(timeout=25)
aclient = AsyncOpenAI(timeout=25)


@bp.post("/haiku")
async def haiku():
    topic = (await request.get_json())["topic"]
    resp = client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": f"Haiku about {topic}"}])  # expect: blocking-llm-call
    return jsonify(poem=resp.choices[0].message.content)


@bp.post("/sonnet")
async def sonnet():
    topic = (await request.get_json())["topic"]
    resp = await aclient.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": f"Sonnet about {topic}"}])
    return jsonify(poem=resp.choices[0].message.content)


@bp.get("/limerick")
def limerick():
    # Quart runs sync views in a thread executor.
    resp = client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": "A limerick about Python"}])
    return jsonify(poem=resp.choices[0].message.content)
