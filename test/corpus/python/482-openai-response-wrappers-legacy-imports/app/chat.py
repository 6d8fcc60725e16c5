"""Chat API reading raw responses (headers, rate-limit counters) through the openai v1 response wrappers."""
# corpus: labels llm-call-without-timeout
from fastapi import FastAPI
from openai import AsyncOpenAI, OpenAI

api = FastAPI()
blocking_client = OpenAI(timeout=20)
client = AsyncOpenAI(timeout=20)


@api.post("/raw")
async def raw(question: str):
    reply = blocking_client.chat.completions.with_raw_response.create(  # expect: blocking-llm-call
        model="gpt-4o-mini", messages=[{"role": "user", "content": question}]
    )
    return {"limit": reply.headers.get("x-ratelimit-remaining-requests"), "text": reply.parse().choices[0].message.content}


@api.post("/relay")
async def relay(question: str):
    with blocking_client.chat.completions.with_streaming_response.create(  # expect: blocking-llm-call
        model="gpt-4o-mini", messages=[{"role": "user", "content": question}], stream=True
    ) as response:
        return {"lines": [line for line in response.iter_lines()]}


@api.post("/audit")
async def audit(text: str):
    client.moderations.with_raw_response.create(input=text)  # expect: unawaited-llm-call
    return {"queued": True}
