"""Chat memory service: keeps conversations in Supabase, Mongo, Redis and Postgres, with sync drivers."""
import os
import smtplib
import urllib.request
from email.message import EmailMessage

import boto3
import psycopg2
import redis
from fastapi import Depends, FastAPI
from pymongo import MongoClient
from sqlalchemy import create_engine, text
from sqlalchemy.orm import Session, sessionmaker
from supabase import Client, create_client

app = FastAPI()
sb: Client = create_client(os.environ["SUPABASE_URL"], os.environ["SUPABASE_KEY"])
mongo = MongoClient(os.environ["MONGO_URI"])
chats = mongo["memory"]["chats"]
cache = redis.Redis.from_url(os.environ["REDIS_URL"])
pg = psycopg2.connect(os.environ["PG_DSN"])
engine = create_engine(os.environ["DATABASE_URL"])
SessionLocal = sessionmaker(bind=engine)
s3 = boto3.client("s3")


def get_db():
    db = SessionLocal()
    try:
        yield db
    finally:
        db.close()


class History:
    def __init__(self):
        self.collection = mongo.memory.history

    async def last(self, user: str):
        return self.collection.find_one({"user": user}, sort=[("ts", -1)])  # expect: blocking-call-in-async-handler


history = History()


@app.get("/profile/{user_id}")
async def profile(user_id: str):
    row = sb.table("profiles").select("*").eq("id", user_id).single().execute()  # expect: blocking-call-in-async-handler
    return row.data


@app.get("/chat/{chat_id}")
async def chat(chat_id: str):
    doc = chats.find_one({"_id": chat_id})  # expect: blocking-call-in-async-handler
    hits = cache.get(f"chat:{chat_id}:hits")  # expect: blocking-call-in-async-handler
    cache.incr(f"chat:{chat_id}:hits")  # expect: blocking-call-in-async-handler
    return {"doc": doc, "hits": hits, "last": await history.last(chat_id)}  # expect: blocking-call-in-async-handler


@app.get("/usage/{user}")
async def usage(user: str):
    cur = pg.cursor()
    cur.execute("SELECT sum(tokens) FROM usage WHERE user_id = %s", (user,))  # expect: blocking-call-in-async-handler
    return {"tokens": cur.fetchone()[0]}  # rows came with execute: fetchone reads memory


@app.get("/messages/{chat_id}")
async def messages(chat_id: str, db: Session = Depends(get_db)):
    rows = db.execute(text("SELECT role, content FROM messages WHERE chat_id = :c"), {"c": chat_id}).all()  # expect: blocking-call-in-async-handler
    return [dict(r._mapping) for r in rows]


@app.get("/count")
async def count():
    with engine.connect() as conn:
        n = conn.execute(text("SELECT count(*) FROM messages")).scalar()  # expect: blocking-call-in-async-handler
    return {"n": n}


@app.get("/export/{chat_id}")
async def export(chat_id: str):
    obj = s3.get_object(Bucket="exports", Key=f"{chat_id}.json")  # expect: blocking-call-in-async-handler
    # Signing a URL is local work: no request is made.
    url = s3.generate_presigned_url("get_object", Params={"Bucket": "exports", "Key": f"{chat_id}.json"})
    return {"size": obj["ContentLength"], "url": url}


@app.post("/notify")
async def notify(to: str, body: str):
    msg = EmailMessage()
    msg["To"] = to
    msg.set_content(body)
    with smtplib.SMTP("localhost", 25) as smtp:  # expect: blocking-call-in-async-handler
        smtp.send_message(msg)  # expect: blocking-call-in-async-handler
    status = urllib.request.urlopen("https://status.example.com/ping", timeout=3).status  # expect: blocking-call-in-async-handler
    return {"sent": True, "status": status}


@app.get("/sync-report")
def sync_report(db: Session = Depends(get_db)):
    # A `def` route runs in the threadpool: blocking drivers are fine here.
    total = db.execute(text("SELECT count(*) FROM messages")).scalar()
    return {"total": total, "cached": cache.get("report")}
