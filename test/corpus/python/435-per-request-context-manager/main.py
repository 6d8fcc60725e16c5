"""Greeting API: every request opens a conversation, whose context manager calls the LLM on the loop."""
from fastapi import FastAPI

from sessions import conversation

app = FastAPI()


@app.get("/hello/{user}")
async def hello(user: str):
    async with conversation(user) as greeting:
        return {"greeting": greeting}
