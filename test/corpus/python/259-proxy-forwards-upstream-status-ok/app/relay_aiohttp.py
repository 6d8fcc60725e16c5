"""The same relay in aiohttp: `web.Response(status=resp.status)`."""
import aiohttp
from aiohttp import web

routes = web.RouteTableDef()


@routes.post("/v1/moderations")
async def moderations(request: web.Request) -> web.Response:
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=30)) as session:
        async with session.post("https://api.openai.com/v1/moderations", headers={"Authorization": request.headers["Authorization"]}, json=await request.json()) as resp:
            return web.Response(body=await resp.read(), status=resp.status, content_type="application/json")
