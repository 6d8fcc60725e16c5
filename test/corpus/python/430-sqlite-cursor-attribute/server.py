"""aiohttp chat API: the handlers read and write the SQLite history through the manager's cursor."""
import sqlite3

from aiohttp import web

from store.records import Records

records = Records("chat.db")
routes = web.RouteTableDef()
stats = sqlite3.connect("stats.db")


@routes.get("/history/{user}")
async def history(request: web.Request) -> web.Response:
    return web.json_response(records.history(request.match_info["user"]))  # expect: blocking-call-in-async-handler


@routes.post("/history/{user}")
async def append(request: web.Request) -> web.Response:
    body = await request.json()
    records.append(request.match_info["user"], "user", body["content"])  # expect: blocking-call-in-async-handler
    return web.json_response({"ok": True})


@routes.get("/stats")
async def count(request: web.Request) -> web.Response:
    cur = stats.cursor()
    cur.execute("SELECT COUNT(*) FROM visits")  # expect: blocking-call-in-async-handler
    return web.json_response({"visits": cur.fetchone()[0]})


app = web.Application()
app.add_routes(routes)
