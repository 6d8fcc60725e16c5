"""Sanic service for support-macro suggestions on Cohere."""
import cohere
from sanic import Sanic
from sanic.response import json

app = Sanic("macros")
co = cohere.Client(timeout=20)
aco = cohere.AsyncClient(timeout=20)


@app.post("/suggest")
async def suggest(request):
    r = co.chat(message=f"Suggest a support macro for: {request.json['ticket']}", model="command-r")  # expect: blocking-llm-call
    return json({"macro": r.text})


@app.post("/suggest/v2")
async def suggest_v2(request):
    r = await aco.chat(message=request.json["ticket"], model="command-r")
    return json({"macro": r.text})


@app.get("/legacy/suggest")
def legacy_suggest(request):
    # Sanic calls sync handlers directly on the event loop.
    r = co.chat(message=request.args.get("q", ""), model="command-r")  # expect: blocking-llm-call
    return json({"macro": r.text})


@app.post("/warmup")
async def warmup(request):
    aco.chat(message="ping", model="command-r")  # expect: unawaited-llm-call
    return json({"warming": True})
