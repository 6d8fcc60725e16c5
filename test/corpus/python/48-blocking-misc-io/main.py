"""Travel concierge: mixes LLM calls with plenty of ordinary blocking work."""
import json
import sqlite3
import subprocess
import time

import requests
from fastapi import FastAPI
from openai import AsyncOpenAI

app = FastAPI()
llm = AsyncOpenAI()
db = sqlite3.connect("concierge.db", check_same_thread=False)


@app.get("/weather-advice")
async def weather_advice(city: str):
    forecast = requests.get("https://api.open-meteo.com/v1/forecast", params={"city": city}, timeout=5).json()  # expect: blocking-call-in-async-handler
    r = await llm.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": f"What to wear given {json.dumps(forecast)}"}])
    return {"advice": r.choices[0].message.content}


@app.get("/history")
async def history(user: str):
    rows = db.execute("SELECT question, answer FROM history WHERE user = ?", (user,)).fetchall()  # expect: blocking-call-in-async-handler
    return [{"q": q, "a": a} for q, a in rows]


@app.post("/retry")
async def retry(question: str):
    for attempt in range(3):
        try:
            r = await llm.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": question}])
            return {"answer": r.choices[0].message.content}
        except Exception:
            time.sleep(2**attempt)  # expect: blocking-call-in-async-handler
    return {"answer": None}


@app.get("/prompt-template")
async def prompt_template(name: str):
    with open(f"prompts/{name}.txt") as fh:  # expect: blocking-call-in-async-handler
        return {"template": fh.read()}


@app.get("/version")
async def version():
    out = subprocess.run(["git", "rev-parse", "HEAD"], capture_output=True, text=True)  # expect: blocking-call-in-async-handler
    return {"commit": out.stdout.strip()}
