"""Gateway whose raw-response calls run in worker threads or are awaited, and whose 0.x calls set request_timeout (look-alike negative)."""
# corpus: labels llm-call-without-timeout
from fastapi import FastAPI
from openai import AsyncOpenAI, OpenAI
from openai.api_resources import ChatCompletion as LegacyChat

from app.schemas import ChatCompletion

api = FastAPI()
blocking_client = OpenAI(timeout=20)
client = AsyncOpenAI(timeout=20)


@api.post("/raw-sync")
def raw_sync(question: str):
    reply = blocking_client.chat.completions.with_raw_response.create(model="gpt-4o-mini", messages=[{"role": "user", "content": question}])
    return {"text": reply.parse().choices[0].message.content}


@api.post("/raw")
async def raw(question: str):
    reply = await client.chat.completions.with_raw_response.create(model="gpt-4o-mini", messages=[{"role": "user", "content": question}])
    async with client.chat.completions.with_streaming_response.create(model="gpt-4o-mini", messages=[{"role": "user", "content": question}]) as response:
        lines = [line async for line in response.iter_lines()]
    return {"text": reply.parse().choices[0].message.content, "lines": lines}


@api.post("/legacy")
def legacy(question: str):
    out = LegacyChat.create(model="gpt-3.5-turbo", messages=[{"role": "user", "content": question}], request_timeout=20)
    return {"text": out["choices"][0]["message"]["content"]}


@api.post("/record")
async def record(text: str):
    return ChatCompletion.create(text)
