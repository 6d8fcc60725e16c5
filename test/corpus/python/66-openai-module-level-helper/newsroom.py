"""Newsroom tooling on Starlette."""
from starlette.applications import Starlette
from starlette.responses import JSONResponse
from starlette.routing import Route

from lib.ai import headline, image_for


async def publish(request):
    article = (await request.json())["body"]
    title = headline(article)  # expect: blocking-llm-call
    return JSONResponse({"title": title, "image": image_for(title)})  # expect: blocking-llm-call


app = Starlette(routes=[Route("/publish", publish, methods=["POST"])])
