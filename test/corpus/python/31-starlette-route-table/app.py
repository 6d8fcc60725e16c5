"""Plain Starlette service that tags uploaded notes."""
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from tagging import tag_note, tagger


async def tag(request: Request) -> JSONResponse:
    note = (await request.json())["note"]
    return JSONResponse({"tags": tag_note(note)})  # expect: blocking-llm-call


async def tag_many(request: Request) -> JSONResponse:
    notes = (await request.json())["notes"]
    out = tagger.chat.completions.create(  # expect: blocking-llm-call
        model="gpt-4o-mini",
        messages=[{"role": "user", "content": "Tag each note:\n" + "\n".join(notes)}],
    )
    return JSONResponse({"tags": out.choices[0].message.content})


def ping(request: Request) -> JSONResponse:
    return JSONResponse({"pong": True})


app = Starlette(routes=[Route("/tag", tag, methods=["POST"]), Route("/tag/many", tag_many, methods=["POST"]), Route("/ping", ping)])
