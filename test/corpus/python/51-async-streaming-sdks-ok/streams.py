"""Streaming with every async SDK done right (the traps: which need await before async for, which don't)."""
import cohere
from anthropic import AsyncAnthropic
from fastapi import FastAPI
from fastapi.responses import StreamingResponse
from google import genai
from huggingface_hub import AsyncInferenceClient
from ollama import AsyncClient

app = FastAPI()
claude = AsyncAnthropic()
co = cohere.AsyncClientV2()
gemini = genai.Client()
hf = AsyncInferenceClient(model="HuggingFaceH4/zephyr-7b-beta")
local = AsyncClient()


@app.get("/claude")
async def claude_stream(q: str):
    async def gen():
        async with claude.messages.stream(model="claude-3-5-haiku-latest", max_tokens=500, messages=[{"role": "user", "content": q}]) as s:
            async for text in s.text_stream:
                yield text

    return StreamingResponse(gen())


@app.get("/cohere")
async def cohere_stream(q: str):
    async def gen():
        async for ev in co.chat_stream(model="command-r", messages=[{"role": "user", "content": q}]):
            if ev.type == "content-delta":
                yield ev.delta.message.content.text

    return StreamingResponse(gen())


@app.get("/gemini")
async def gemini_stream(q: str):
    async def gen():
        async for chunk in await gemini.aio.models.generate_content_stream(model="gemini-2.5-flash", contents=q):
            yield chunk.text or ""

    return StreamingResponse(gen())


@app.get("/hf")
async def hf_stream(q: str):
    async def gen():
        async for tok in await hf.chat_completion(messages=[{"role": "user", "content": q}], stream=True):
            yield tok.choices[0].delta.content or ""

    return StreamingResponse(gen())


@app.get("/ollama")
async def ollama_stream(q: str):
    async def gen():
        async for part in await local.chat(model="llama3.2", messages=[{"role": "user", "content": q}], stream=True):
            yield part["message"]["content"]

    return StreamingResponse(gen())
