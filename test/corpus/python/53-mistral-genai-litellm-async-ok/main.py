"""Async-everywhere summarizer with three providers."""
import google.generativeai as genai
import litellm
from fastapi import FastAPI
from fastapi.responses import StreamingResponse
from mistralai import Mistral

app = FastAPI()
mistral = Mistral(api_key="sk-mistral")
gemini = genai.GenerativeModel("gemini-1.5-flash")


@app.post("/mistral")
async def mistral_summary(text: str):
    res = await mistral.chat.complete_async(model="mistral-small-latest", messages=[{"role": "user", "content": text}])
    return {"summary": res.choices[0].message.content}


@app.post("/mistral/stream")
async def mistral_stream(text: str):
    async def gen():
        res = await mistral.chat.stream_async(model="mistral-small-latest", messages=[{"role": "user", "content": text}])
        async with res as events:
            async for ev in events:
                yield ev.data.choices[0].delta.content or ""

    return StreamingResponse(gen())


@app.post("/gemini")
async def gemini_summary(text: str):
    resp = await gemini.generate_content_async(f"Summarize: {text}")
    chat = gemini.start_chat()
    follow = await chat.send_message_async("Shorter, please.")
    return {"summary": resp.text, "short": follow.text}


@app.post("/litellm/stream")
async def litellm_stream(text: str):
    async def gen():
        resp = await litellm.acompletion(model="gpt-4o-mini", messages=[{"role": "user", "content": text}], stream=True)
        async for chunk in resp:
            yield chunk.choices[0].delta.content or ""

    return StreamingResponse(gen())
