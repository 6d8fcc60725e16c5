"""Starlette app: closures inside the handlers keep the loop free."""
import asyncio

from openai import OpenAI
from starlette.applications import Starlette
from starlette.responses import JSONResponse, StreamingResponse
from starlette.routing import Route

from chat.services import reply

titles = OpenAI(timeout=15)


async def stream(request):
    body = await request.json()

    async def events():
        text = await reply(body["message"])
        for word in text.split():
            yield f"data: {word}\n\n"

    return StreamingResponse(events(), media_type="text/event-stream")


async def title(request):
    body = await request.json()

    def make_title() -> str:
        out = titles.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": f"Title: {body['text']}"}])
        return out.choices[0].message.content or ""

    return JSONResponse({"title": await asyncio.to_thread(make_title)})


app = Starlette(routes=[Route("/stream", stream, methods=["POST"]), Route("/title", title, methods=["POST"])])
