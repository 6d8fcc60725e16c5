"""Starlette app: the handlers stream from closures defined inside them."""
from openai import OpenAI
from starlette.applications import Starlette
from starlette.responses import JSONResponse, StreamingResponse
from starlette.routing import Route

from chat.assistant import Assistant

assistant = Assistant()
titles = OpenAI(timeout=15)


async def stream(request):
    body = await request.json()

    async def events():
        text = await assistant.reply(body["message"])  # expect: blocking-llm-call
        for word in text.split():
            yield f"data: {word}\n\n"

    return StreamingResponse(events(), media_type="text/event-stream")


async def title(request):
    body = await request.json()

    def make_title() -> str:
        reply = titles.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": f"Title: {body['text']}"}])  # expect: blocking-llm-call
        return reply.choices[0].message.content or ""

    return JSONResponse({"title": make_title()})  # expect: blocking-llm-call


app = Starlette(routes=[Route("/stream", stream, methods=["POST"]), Route("/title", title, methods=["POST"])])
