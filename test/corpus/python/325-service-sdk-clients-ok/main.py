"""The same bot done right: async twins, offloads, and sync views where the framework runs them in a thread."""
import asyncio
import os

from flask import Flask
from quart import Quart, jsonify, request
from redash_toolbelt import Redash
from slack_sdk import WebClient
from slack_sdk.web.async_client import AsyncWebClient

app = Quart(__name__)
admin = Flask(__name__)
redash = Redash(os.environ["REDASH_URL"], os.environ["REDASH_KEY"])
slack = WebClient(token=os.environ["SLACK_TOKEN"])
aslack = AsyncWebClient(token=os.environ["SLACK_TOKEN"])


class Report:
    """A plain object of ours: its methods do no I/O."""

    def __init__(self, rows: list):
        self.rows = rows

    def summary(self) -> str:
        return f"{len(self.rows)} rows"


@app.get("/sources")
async def sources():
    found = await asyncio.to_thread(redash.get_data_sources)
    return jsonify(found)


@app.post("/summary")
async def summary():
    body = await request.get_json()
    await aslack.chat_postMessage(channel=body["channel"], text=Report(body["rows"]).summary())
    return {"ok": True}


@app.get("/sync-sources")
def sync_sources():
    # Quart runs sync views in an executor.
    return jsonify(redash.get_data_sources())


@admin.post("/notify")
def notify():
    # Flask (WSGI): a worker thread per request.
    slack.chat_postMessage(channel="#ops", text="done")
    return "ok"
