"""aiohttp chat API: the SQLite work runs in worker threads, so the loop never waits on the disk."""
import asyncio
import sqlite3

from aiohttp import web

from store.records import Records

records = Records("chat.db")
routes = web.RouteTableDef()
stats = sqlite3.connect("stats.db", check_same_thread=False)


def visits() -> int:
    cur = stats.cursor()
    cur.execute("SELECT COUNT(*) FROM visits")
    return cur.fetchone()[0]


@routes.get("/history/{user}")
async def history(request: web.Request) -> web.Response:
    rows = await asyncio.to_thread(records.history, request.match_info["user"])
    return web.json_response(rows)


@routes.post("/history/{user}")
async def append(request: web.Request) -> web.Response:
    body = await request.json()
    await asyncio.to_thread(records.append, request.match_info["user"], "user", body["content"])
    return web.json_response({"ok": True})


@routes.get("/stats")
async def count(request: web.Request) -> web.Response:
    return web.json_response({"visits": await asyncio.to_thread(visits)})


app = web.Application()
app.add_routes(routes)
