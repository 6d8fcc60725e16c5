"""Consumers that keep blocking work out of their constructors: a sync consumer's handlers run in a
thread, and the async consumer opens its store through database_sync_to_async on connect."""
import json
import sqlite3

from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncJsonWebsocketConsumer, JsonWebsocketConsumer


def open_store(path: str) -> sqlite3.Connection:
    return sqlite3.connect(path, check_same_thread=False)


class ScoresConsumer(JsonWebsocketConsumer):
    def connect(self):
        self.db = open_store("scores.db")
        self.accept()

    def receive_json(self, content, **kwargs):
        rows = self.db.execute("SELECT name, score FROM scores WHERE game = ?", (content["game"],)).fetchall()
        self.send_json({"rows": rows})


class FeedConsumer(AsyncJsonWebsocketConsumer):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.topics: list[str] = []
        self.db = None

    async def connect(self):
        self.db = await database_sync_to_async(open_store)("feed.db")
        await self.accept()

    async def receive_json(self, content, **kwargs):
        self.topics.append(content["topic"])
        await self.send_json(json.loads(json.dumps({"topics": self.topics})))
