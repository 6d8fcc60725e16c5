"""No-dependency summarizer hitting Ollama's REST API with urllib."""
import json
import urllib.request

from fastapi import FastAPI

app = FastAPI()
OLLAMA = "http://localhost:11434/api/generate"


@app.post("/tldr")
async def tldr(text: str):
    req = urllib.request.Request(
        OLLAMA,
        data=json.dumps({"model": "llama3.2", "prompt": f"TL;DR: {text}", "stream": False}).encode(),
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(req, timeout=90) as resp:  # expect: blocking-llm-call
        return {"tldr": json.loads(resp.read())["response"]}
