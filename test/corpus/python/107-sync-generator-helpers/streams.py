"""Streaming chat: sync generator helpers wrap the sync client's stream."""
from fastapi import FastAPI
from fastapi.responses import StreamingResponse
from openai import OpenAI

app = FastAPI()
client = OpenAI(timeout=60)


def pieces(prompt: str):
    stream = client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": prompt}], stream=True)  # expect: blocking-llm-call
    for chunk in stream:
        yield chunk.choices[0].delta.content or ""


def sse(prompt: str):
    for piece in pieces(prompt):
        yield f"data: {piece}\n\n"


def words(prompt: str):
    yield from pieces(prompt)


@app.get("/chat")
async def chat(prompt: str):
    out = []
    for piece in pieces(prompt):  # expect: blocking-llm-call
        out.append(piece)
    return {"text": "".join(out)}


@app.get("/chat-joined")
async def chat_joined(prompt: str):
    return {"text": "".join(pieces(prompt))}  # expect: blocking-llm-call


@app.get("/chat-list")
async def chat_list(prompt: str):
    return {"words": list(words(prompt))}  # expect: blocking-llm-call


@app.get("/chat-sse")
async def chat_sse(prompt: str):
    async def relay():
        for event in sse(prompt):  # expect: blocking-llm-call
            yield event

    return StreamingResponse(relay(), media_type="text/event-stream")


@app.get("/chat-stream")
async def chat_stream(prompt: str):
    # Handed to StreamingResponse: Starlette iterates a sync generator in its threadpool.
    return StreamingResponse(sse(prompt), media_type="text/event-stream")


@app.get("/chat-sync")
def chat_sync(prompt: str):
    # A `def` route runs in the threadpool.
    return {"text": "".join(pieces(prompt))}
