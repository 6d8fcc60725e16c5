"""Routes over sound retries, a real attempt loop and a retried env-or-literal endpoint."""
# corpus: labels llm-http-without-retry
import os
import time

import requests
from fastapi import FastAPI

from app.llm import answer, complete_raw, embed_raw

app = FastAPI()
CHAT_URL = os.environ.get("CHAT_URL") or "https://api.groq.com/openai/v1/chat/completions"
HEADERS = {"Authorization": f"Bearer {os.environ.get('GROQ_API_KEY', '')}"}


@app.post("/raw")
async def raw(prompt: str):
    return {"a": await complete_raw(prompt), "e": await embed_raw(prompt), "s": await answer(prompt)}


@app.post("/attempts")
def attempts(prompt: str):
    # An attempt loop: a failed status or an exception goes round again after a pause.
    tries = 0
    while tries < 4:
        tries += 1
        try:
            resp = requests.post(CHAT_URL, headers=HEADERS, json={"model": "llama-3.1-8b-instant", "messages": [{"role": "user", "content": prompt}]}, timeout=30)
            if resp.status_code != 200:
                time.sleep(2**tries)
                continue
            return resp.json()
        except requests.RequestException:
            time.sleep(2**tries)
    return {"error": "upstream unavailable"}


@app.post("/attempts-range")
def attempts_range(prompt: str):
    for attempt in range(3):
        try:
            r = requests.post(os.getenv("COMPLETIONS_URL", "https://api.openai.com/v1/chat/completions"), headers=HEADERS, json={"model": "gpt-4o-mini", "messages": []}, timeout=30)
            r.raise_for_status()
            return r.json()
        except requests.RequestException:
            if attempt == 2:
                raise
            time.sleep(1 + attempt)
