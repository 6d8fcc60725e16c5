"""Litestar done right: sync handlers opt into a worker thread, async ones await async clients."""
from litestar import Litestar, Router, get, post
from openai import AsyncOpenAI, OpenAI

sync_client = OpenAI()
async_client = AsyncOpenAI()


@post("/summaries", sync_to_thread=True)
def create_summary(data: dict) -> dict:
    r = sync_client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": data["text"]}])
    return {"summary": r.choices[0].message.content}


@get("/summaries/quick")
async def quick_summary(text: str) -> dict:
    r = await async_client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": text}])
    return {"summary": r.choices[0].message.content}


@get("/version", sync_to_thread=False)
def version() -> dict:
    return {"version": "1.4.2"}


app = Litestar(route_handlers=[Router(path="/v1", route_handlers=[create_summary, quick_summary, version])])
