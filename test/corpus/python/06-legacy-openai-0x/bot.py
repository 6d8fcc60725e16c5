"""Slack-style Q&A bot written against openai 0.28 (pinned). Never migrated to v1."""
import openai
from fastapi import FastAPI

from settings import OPENAI_KEY, MODEL

openai.api_key = OPENAI_KEY
app = FastAPI()


@app.post("/ask")
async def ask(question: str):
    result = openai.ChatCompletion.create(  # expect: blocking-llm-call
        model=MODEL,
        messages=[{"role": "user", "content": question}],
        request_timeout=30,
    )
    return {"answer": result["choices"][0]["message"]["content"]}


@app.post("/ask-async")
async def ask_async(question: str):
    result = await openai.ChatCompletion.acreate(model=MODEL, messages=[{"role": "user", "content": question}])
    return {"answer": result["choices"][0]["message"]["content"]}


@app.post("/feedback")
async def feedback(text: str):
    # Meant as fire-and-forget sentiment logging; the coroutine is created and dropped.
    openai.Completion.acreate(model="gpt-3.5-turbo-instruct", prompt=f"Sentiment of: {text}")  # expect: unawaited-llm-call
    return {"thanks": True}


@app.post("/embed")
async def embed(text: str):
    vec = openai.Embedding.create(model="text-embedding-ada-002", input=text)  # expect: blocking-llm-call
    return {"n": len(vec["data"][0]["embedding"])}
