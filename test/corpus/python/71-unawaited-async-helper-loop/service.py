"""Localization pipeline on aiohttp."""
from aiohttp import web

from pipeline.steps import proofread, translate

LANGS = ["de", "fr", "es"]


async def localize(request: web.Request) -> web.Response:
    body = await request.json()
    out = {}
    for lang in LANGS:
        out[lang] = translate(body["text"], lang)  # expect: unawaited-llm-call
    return web.json_response({k: str(v) for k, v in out.items()})


async def clean(request: web.Request) -> web.Response:
    body = await request.json()
    fixed = proofread(body["text"]).strip()  # expect: unawaited-llm-call
    return web.json_response({"text": fixed})


async def localize_fixed(request: web.Request) -> web.Response:
    body = await request.json()
    return web.json_response({lang: await translate(body["text"], lang) for lang in LANGS})


app = web.Application()
app.add_routes([web.post("/localize", localize), web.post("/clean", clean), web.post("/v2/localize", localize_fixed)])
