"""Flask (WSGI) recipe tool: sync clients in sync views, and asyncio.run where an async client is reused."""
import asyncio

from flask import Flask, jsonify, request
from openai import AsyncOpenAI, OpenAI

from prompts import build_prompt

app = Flask(__name__)
client = OpenAI(timeout=30)
aclient = AsyncOpenAI(timeout=30)


@app.post("/recipe")
def recipe():
    data = request.get_json()
    resp = client.chat.completions.create(model="gpt-4o-mini", messages=build_prompt(data["dish"]))
    return jsonify(recipe=resp.choices[0].message.content)


async def _variants(dish: str) -> list[str]:
    jobs = [aclient.chat.completions.create(model="gpt-4o-mini", messages=build_prompt(f"{style} {dish}")) for style in ("vegan", "spicy", "quick")]
    results = await asyncio.gather(*jobs)
    return [r.choices[0].message.content for r in results]


@app.post("/recipe/variants")
def variants():
    return jsonify(variants=asyncio.run(_variants(request.get_json()["dish"])))
