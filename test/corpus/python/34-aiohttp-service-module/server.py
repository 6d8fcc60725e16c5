"""Chat moderation webhook on aiohttp."""
from aiohttp import web

from bot.claude import moderator

routes = web.RouteTableDef()


@routes.post("/moderate")
async def moderate(request: web.Request) -> web.Response:
    body = await request.json()
    verdict = moderator.classify(body["text"])  # expect: blocking-llm-call
    return web.json_response({"verdict": verdict})


@routes.get("/healthz")
async def healthz(request: web.Request) -> web.Response:
    return web.json_response({"ok": True})


def make_app() -> web.Application:
    app = web.Application()
    app.add_routes(routes)
    return app


if __name__ == "__main__":
    web.run_app(make_app(), port=8081)
