"""Trip planner: fans out several model calls and awaits them later. Nothing is dropped."""
import asyncio

from anthropic import AsyncAnthropic
from fastapi import FastAPI
from openai import AsyncOpenAI

app = FastAPI()
gpt = AsyncOpenAI()
claude = AsyncAnthropic()
running: set[asyncio.Task] = set()


@app.post("/plan")
async def plan(city: str, days: int):
    itinerary = gpt.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": f"{days}-day plan for {city}"}])
    packing = claude.messages.create(model="claude-3-5-haiku-latest", max_tokens=300, messages=[{"role": "user", "content": f"Packing list for {city}"}])
    it, pk = await asyncio.gather(itinerary, packing)
    return {"itinerary": it.choices[0].message.content, "packing": pk.content[0].text}


@app.post("/plan/tasks")
async def plan_tasks(city: str):
    async with asyncio.TaskGroup() as tg:
        food = tg.create_task(gpt.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": f"Food in {city}"}]))
        sights = tg.create_task(gpt.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": f"Sights in {city}"}]))
    return {"food": food.result().choices[0].message.content, "sights": sights.result().choices[0].message.content}


@app.post("/plan/later")
async def plan_later(city: str):
    weather_coro = claude.messages.create(model="claude-3-5-haiku-latest", max_tokens=100, messages=[{"role": "user", "content": f"Typical weather in {city}"}])
    header = f"Plan for {city.title()}"
    weather = await weather_coro
    return {"header": header, "weather": weather.content[0].text}


@app.post("/plan/notify")
async def plan_notify(city: str):
    task = asyncio.create_task(gpt.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": f"Tweet about {city}"}]))
    running.add(task)
    task.add_done_callback(running.discard)
    return {"queued": True}


@app.post("/plan/wait")
async def plan_wait(city: str):
    r = await asyncio.wait_for(gpt.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": city}]), timeout=20)
    return {"text": r.choices[0].message.content}


@app.post("/plan/story")
async def plan_story(city: str):
    async with claude.messages.stream(model="claude-3-5-haiku-latest", max_tokens=500, messages=[{"role": "user", "content": f"Story set in {city}"}]) as s:
        text = await s.get_final_text()
    return {"story": text}
