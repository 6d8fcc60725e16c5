"""Support desk: Flask views run the async helpers on a loop of their own."""
import asyncio

from flask import Flask, jsonify, request

from llm_tools import draft_reply, triage

app = Flask(__name__)


@app.post("/draft")
def draft():
    return jsonify({"draft": asyncio.run(draft_reply(request.json["ticket"]))})


@app.post("/triage")
def triage_view():
    loop = asyncio.new_event_loop()
    try:
        result = loop.run_until_complete(triage(request.json["ticket"]))
    finally:
        loop.close()
    return jsonify(result)
