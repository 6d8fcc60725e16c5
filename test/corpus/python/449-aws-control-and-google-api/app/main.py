"""Routes: some call the cloud helpers on the loop, others offload them or need no I/O."""
import asyncio

from fastapi import FastAPI

from app.cloud import backing_model, caller_account, download_link, s3, video_links

app = FastAPI()


@app.get("/model")
async def model(profile: str):
    return {"model": backing_model(profile)}  # expect: blocking-call-in-async-handler


@app.get("/whoami")
async def whoami():
    return {"account": caller_account()}  # expect: blocking-call-in-async-handler


@app.get("/videos")
async def videos(q: str, key: str):
    return {"videos": video_links(q, key)}  # expect: blocking-call-in-async-handler


@app.get("/videos/offloaded")
async def videos_offloaded(q: str, key: str):
    return {"videos": await asyncio.to_thread(video_links, q, key)}


@app.get("/link")
async def link(key: str):
    pages = s3.get_paginator("list_objects_v2")
    return {"url": download_link(key), "can_page": s3.can_paginate("list_objects_v2"), "pager": type(pages).__name__}


@app.get("/objects")
async def objects(prefix: str):
    listing = s3.list_objects_v2(Bucket="docs", Prefix=prefix)  # expect: blocking-call-in-async-handler
    return {"keys": [o["Key"] for o in listing.get("Contents", [])]}


@app.get("/model/sync")
def model_sync(profile: str):
    # A `def` route runs in the threadpool.
    return {"model": backing_model(profile)}
