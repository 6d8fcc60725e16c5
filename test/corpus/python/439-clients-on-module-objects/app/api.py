"""FastAPI routes using the shared resources."""
from fastapi import FastAPI

from app.shared import open_resources, resources

api = FastAPI(on_startup=[open_resources])


@api.post("/title")
async def title(text: str):
    reply = resources.client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": text}])  # expect: blocking-llm-call
    return {"title": reply.choices[0].message.content}
