"""The same chat memory service on async drivers: nothing blocks the loop."""
import os

import aioboto3
import aiosmtplib
import asyncpg
import redis.asyncio as aioredis
from fastapi import Depends, FastAPI
from motor.motor_asyncio import AsyncIOMotorClient
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker, create_async_engine
from supabase import AsyncClient, acreate_client

app = FastAPI()
mongo = AsyncIOMotorClient(os.environ["MONGO_URI"])
chats = mongo["memory"]["chats"]
cache = aioredis.from_url(os.environ["REDIS_URL"])
engine = create_async_engine(os.environ["DATABASE_URL"])
SessionLocal = async_sessionmaker(engine)
aws = aioboto3.Session()
state: dict = {}


async def get_db():
    async with SessionLocal() as db:
        yield db


async def supabase() -> AsyncClient:
    if "sb" not in state:
        state["sb"] = await acreate_client(os.environ["SUPABASE_URL"], os.environ["SUPABASE_KEY"])
    return state["sb"]


@app.get("/profile/{user_id}")
async def profile(user_id: str):
    sb = await supabase()
    row = await sb.table("profiles").select("*").eq("id", user_id).single().execute()
    return row.data


@app.get("/chat/{chat_id}")
async def chat(chat_id: str):
    doc = await chats.find_one({"_id": chat_id})
    hits = await cache.get(f"chat:{chat_id}:hits")
    await cache.incr(f"chat:{chat_id}:hits")
    return {"doc": doc, "hits": hits}


@app.get("/usage/{user}")
async def usage(user: str):
    conn = await asyncpg.connect(os.environ["PG_DSN"])
    try:
        total = await conn.fetchval("SELECT sum(tokens) FROM usage WHERE user_id = $1", user)
    finally:
        await conn.close()
    return {"tokens": total}


@app.get("/messages/{chat_id}")
async def messages(chat_id: str, db: AsyncSession = Depends(get_db)):
    rows = (await db.execute(text("SELECT role, content FROM messages WHERE chat_id = :c"), {"c": chat_id})).all()
    return [dict(r._mapping) for r in rows]


@app.get("/export/{chat_id}")
async def export(chat_id: str):
    async with aws.client("s3") as s3:
        obj = await s3.get_object(Bucket="exports", Key=f"{chat_id}.json")
    return {"size": obj["ContentLength"]}


@app.post("/notify")
async def notify(to: str, body: str):
    await aiosmtplib.send(f"To: {to}\n\n{body}", hostname="localhost", port=25, recipients=[to], sender="bot@example.com")
    data = {"k": "v"}
    return {"sent": True, "v": data.get("k")}
