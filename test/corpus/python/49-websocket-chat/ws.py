"""Websocket chat relaying to OpenAI."""
from fastapi import FastAPI, WebSocket, WebSocketDisconnect
from openai import AsyncOpenAI, OpenAI

app = FastAPI()
client = OpenAI()
aclient = AsyncOpenAI()


@app.websocket("/ws/chat")
async def chat(ws: WebSocket):
    await ws.accept()
    history: list[dict] = []
    try:
        while True:
            history.append({"role": "user", "content": await ws.receive_text()})
            stream = client.chat.completions.create(model="gpt-4o-mini", messages=history, stream=True)  # expect: blocking-llm-call
            answer = ""
            for chunk in stream:
                piece = chunk.choices[0].delta.content or ""
                answer += piece
                await ws.send_text(piece)
            history.append({"role": "assistant", "content": answer})
    except WebSocketDisconnect:
        pass


@app.websocket("/ws/chat/v2")
async def chat_v2(ws: WebSocket):
    await ws.accept()
    while True:
        msg = await ws.receive_text()
        stream = await aclient.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": msg}], stream=True)
        async for chunk in stream:
            await ws.send_text(chunk.choices[0].delta.content or "")
