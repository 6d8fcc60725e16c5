"""Routes over the misfiring wrappers, a tool-calling agent loop and an env-or-literal endpoint."""
# corpus: labels llm-http-without-retry
import os

import requests
from fastapi import FastAPI

from app.llm import ask_claude_raw, ask_gpt_raw, classify, embed, summarize

app = FastAPI()
CHAT_URL = os.environ.get("CHAT_URL") or "https://api.groq.com/openai/v1/chat/completions"
HEADERS = {"Authorization": f"Bearer {os.environ.get('GROQ_API_KEY', '')}"}
TOOLS = {"time": lambda: "12:00"}


@app.post("/summary")
async def summary(text: str):
    return {"summary": await summarize(text), "label": await classify(text), "dims": len(await embed(text))}


@app.post("/raw")
async def raw(prompt: str):
    return {"claude": await ask_claude_raw(prompt), "gpt": await ask_gpt_raw(prompt)}


@app.post("/agent")
def agent(question: str):
    # A tool loop: it goes round again only after a tool call. An error status or an exception ends the request.
    messages = [{"role": "user", "content": question}]
    steps = 0
    while steps < 5:
        steps += 1
        try:
            resp = requests.post(CHAT_URL, headers=HEADERS, json={"model": "llama-3.1-8b-instant", "messages": messages}, timeout=30)  # expect: llm-http-without-retry
            if resp.status_code != 200:
                return {"error": resp.text}
            content = resp.json()["choices"][0]["message"]["content"]
            if content.startswith("TOOL:"):
                messages.append({"role": "user", "content": TOOLS.get(content[5:].strip(), lambda: "unknown")()})
                continue
            return {"answer": content}
        except requests.RequestException as exc:
            return {"error": str(exc)}
    return {"error": "too many steps"}


@app.post("/env-default")
def env_default(prompt: str):
    url = os.getenv("COMPLETIONS_URL", "https://api.openai.com/v1/chat/completions")
    r = requests.post(url, headers=HEADERS, json={"model": "gpt-4o-mini", "messages": [{"role": "user", "content": prompt}]}, timeout=30)  # expect: llm-http-without-retry
    return r.json()
