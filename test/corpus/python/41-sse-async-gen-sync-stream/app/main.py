from fastapi import FastAPI
from fastapi.responses import StreamingResponse

from app.llm import claude, sse_events

app = FastAPI()


@app.get("/sse")
async def sse(q: str):
    return StreamingResponse(sse_events(q), media_type="text/event-stream")


@app.get("/sse/inline")
async def sse_inline(q: str):
    async def events():
        stream = claude.messages.create(model="claude-sonnet-4-5", max_tokens=1024, stream=True, messages=[{"role": "user", "content": q}])  # expect: blocking-llm-call
        for event in stream:
            if event.type == "content_block_delta":
                yield f"data: {event.delta.text}\n\n"

    return StreamingResponse(events(), media_type="text/event-stream")
