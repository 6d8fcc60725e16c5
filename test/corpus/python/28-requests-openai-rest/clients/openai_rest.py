"""Hand-rolled OpenAI REST client (the team avoided the SDK to keep the image small)."""
import os

import requests

BASE = "https://api.openai.com/v1"
HEADERS = {"Authorization": f"Bearer {os.environ.get('OPENAI_API_KEY', '')}"}
session = requests.Session()


def chat(messages: list[dict], model: str = "gpt-4o-mini") -> str:
    r = session.post(f"{BASE}/chat/completions", json={"model": model, "messages": messages}, headers=HEADERS, timeout=30)  # expect: blocking-llm-call
    r.raise_for_status()
    return r.json()["choices"][0]["message"]["content"]


def moderation_flagged(text: str) -> bool:
    r = requests.post("https://api.openai.com/v1/moderations", json={"input": text}, headers=HEADERS, timeout=10)  # expect: blocking-llm-call
    return r.json()["results"][0]["flagged"]
