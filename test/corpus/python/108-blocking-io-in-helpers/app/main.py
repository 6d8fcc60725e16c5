"""Travel assistant: async routes that gather context through sync helpers, then ask the model."""
import asyncio
import json
import time

from fastapi import FastAPI
from openai import AsyncOpenAI

from app.storage import append_message, load_messages, summarize_remote
from app.weather import cached_forecast, clothing_hint, forecast

app = FastAPI()
llm = AsyncOpenAI(timeout=30)


def audit(event: str) -> None:
    with open("audit.log", "a") as fh:  # expect: blocking-call-in-async-handler
        fh.write(event + "\n")


def backoff(attempt: int) -> None:
    time.sleep(2**attempt)  # expect: blocking-call-in-async-handler


async def ask(prompt: str) -> str:
    for attempt in range(3):
        try:
            r = await llm.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": prompt}])
            return r.choices[0].message.content
        except Exception:
            backoff(attempt)  # expect: blocking-call-in-async-handler
    return ""


@app.get("/advice")
async def advice(city: str):
    weather = forecast(city)  # expect: blocking-call-in-async-handler
    audit(f"advice {city}")  # expect: blocking-call-in-async-handler
    return {"advice": await ask(f"What to wear in {weather}?"), "hint": clothing_hint(weather.get("temp", 15))}  # expect: blocking-call-in-async-handler


@app.get("/advice-cached")
async def advice_cached(city: str):
    weather = await asyncio.to_thread(cached_forecast, city)
    return {"advice": await ask(f"What to wear in {weather}?")}  # expect: blocking-call-in-async-handler


@app.get("/advice-fast")
async def advice_fast(city: str):
    weather = cached_forecast(city)  # expect: blocking-call-in-async-handler
    return {"hint": clothing_hint(weather.get("temp", 15))}


@app.get("/sync-advice")
def sync_advice(city: str):
    # A `def` route runs in the threadpool: blocking helpers are fine.
    audit(f"sync {city}")
    return {"weather": forecast(city)}


@app.post("/chat/{chat_id}")
async def post_message(chat_id: str, text: str):
    append_message(chat_id, {"role": "user", "content": text})  # expect: blocking-call-in-async-handler
    history = load_messages(chat_id)  # expect: blocking-call-in-async-handler
    return {"reply": await ask(json.dumps(history)), "summary": summarize_remote(chat_id)}  # expect: blocking-call-in-async-handler, blocking-llm-call
