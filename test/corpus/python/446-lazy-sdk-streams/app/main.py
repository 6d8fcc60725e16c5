"""Chat routes that read the model streams themselves, on the event loop."""
import asyncio

import ollama
from fastapi import FastAPI

from app.llm import chat_model, co, gemini, gemini_text, open_gemini_stream, open_gemini_stream_for, open_openai_stream

app = FastAPI()


@app.get("/gemini")
async def gemini_route(q: str):
    parts = []
    for chunk in open_gemini_stream(q):  # expect: blocking-llm-call
        parts.append(chunk.text or "")
    return {"text": "".join(parts)}


@app.get("/gemini/user")
async def gemini_user(user: str, q: str):
    stream = open_gemini_stream_for(user, q)  # expect: blocking-llm-call
    first = next(stream)
    return {"first": first.text}


@app.get("/gemini/text")
async def gemini_text_route(q: str):
    return {"text": gemini_text(q)}  # expect: blocking-llm-call


@app.get("/gemini/chat")
async def gemini_chat(q: str):
    chat = gemini.chats.create(model="gemini-2.0-flash")
    return {"text": "".join(c.text or "" for c in chat.send_message_stream(q))}  # expect: blocking-llm-call


@app.get("/cohere")
async def cohere_route(q: str):
    out = []
    for event in co.chat_stream(model="command-r-plus", messages=[{"role": "user", "content": q}]):  # expect: blocking-llm-call
        if event.type == "content-delta":
            out.append(event.delta.message.content.text)
    return {"text": "".join(out)}


@app.get("/ollama")
async def ollama_route(q: str):
    stream = ollama.chat(model="llama3.2", messages=[{"role": "user", "content": q}], stream=True)  # expect: blocking-llm-call
    return {"text": "".join(part["message"]["content"] for part in stream)}


@app.get("/langchain")
async def langchain_route(q: str):
    pieces = [chunk.content for chunk in chat_model.stream(q)]  # expect: blocking-llm-call
    return {"text": "".join(pieces)}


@app.get("/openai")
async def openai_route(q: str):
    stream = open_openai_stream(q)  # expect: blocking-llm-call
    chunks = await asyncio.to_thread(list, stream)
    return {"text": "".join(c.choices[0].delta.content or "" for c in chunks)}
