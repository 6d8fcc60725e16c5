"""FastAPI routes over the aisuite router."""
# corpus: labels llm-call-without-timeout
from fastapi import FastAPI
from fastapi.responses import StreamingResponse

from app.router import answer_sync, client, stream_reply

app = FastAPI()


@app.post("/chat")
async def chat(message: str) -> dict:
    reply = client.chat.completions.create(model="openai:gpt-4o-mini", messages=[{"role": "user", "content": message}])  # expect: blocking-llm-call
    return {"answer": reply.choices[0].message.content}


@app.post("/short")
async def short(message: str) -> dict:
    return {"answer": answer_sync(message)}  # expect: blocking-llm-call


@app.post("/stream")
async def stream(message: str):
    return StreamingResponse(stream_reply(message), media_type="text/plain")
