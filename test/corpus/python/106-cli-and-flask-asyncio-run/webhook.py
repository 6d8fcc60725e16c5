"""Inbound webhook on Starlette: awaits one of the shared helpers on the server's loop."""
from starlette.applications import Starlette
from starlette.responses import JSONResponse
from starlette.routing import Route

from llm_tools import translate


async def inbound(request):
    body = await request.json()
    return JSONResponse({"text": await translate(body["ticket"], body.get("lang", "en"))})  # expect: blocking-llm-call


app = Starlette(routes=[Route("/inbound", inbound, methods=["POST"])])
