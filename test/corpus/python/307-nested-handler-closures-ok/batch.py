"""Flask admin app: a sync view runs the batch coroutine on a loop of its own."""
import asyncio

from flask import Flask, request

from chat.services import summarize_batch

admin = Flask(__name__)


@admin.post("/batch")
def batch():
    texts = request.get_json()["texts"]

    async def run_all():
        return await summarize_batch(texts)

    return {"summaries": asyncio.run(run_all())}
