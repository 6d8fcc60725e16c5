"""Token streaming two ways, both fine: a sync generator (Starlette iterates it in a thread) and a real async stream."""
from fastapi import FastAPI
from fastapi.responses import StreamingResponse
from openai import AsyncOpenAI, OpenAI

app = FastAPI()
client = OpenAI()
aclient = AsyncOpenAI()


def sync_tokens(prompt: str):
    stream = client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": prompt}], stream=True)
    for chunk in stream:
        delta = chunk.choices[0].delta.content
        if delta:
            yield delta


async def async_tokens(prompt: str):
    stream = await aclient.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": prompt}], stream=True)
    async for chunk in stream:
        if chunk.choices and chunk.choices[0].delta.content:
            yield chunk.choices[0].delta.content


@app.get("/stream/sync")
async def stream_sync(prompt: str):
    return StreamingResponse(sync_tokens(prompt), media_type="text/plain")


@app.get("/stream/async")
async def stream_async(prompt: str):
    return StreamingResponse(async_tokens(prompt), media_type="text/plain")


@app.get("/stream/manager")
async def stream_manager(prompt: str):
    async def gen():
        async with aclient.chat.completions.stream(model="gpt-4o-mini", messages=[{"role": "user", "content": prompt}]) as s:
            async for event in s:
                if event.type == "content.delta":
                    yield event.delta

    return StreamingResponse(gen(), media_type="text/plain")
