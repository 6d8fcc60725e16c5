"""Websocket consumers. Channels' as_asgi() builds a consumer inside its ASGI coroutine for every
connection, so each constructor below runs on the event loop, also the sync consumer's (only its
handlers are run in a thread)."""
import json

from channels.generic.websocket import AsyncWebsocketConsumer, WebsocketConsumer

from chat.assistant import Assistant


class AskConsumer(AsyncWebsocketConsumer):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.assistant = Assistant()

    async def receive(self, text_data=None, bytes_data=None):
        answer = await self.assistant.answer(json.loads(text_data)["q"])
        await self.send(text_data=json.dumps({"a": answer}))


class EchoConsumer(WebsocketConsumer):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        with open("banner.txt") as fh:  # expect: blocking-call-in-async-handler
            self.banner = fh.read()

    def receive(self, text_data=None, bytes_data=None):
        self.send(text_data=f"{self.banner}{text_data}")
