"""FastAPI front of a Bedrock chat agent built by a dependencies module."""
from fastapi import FastAPI

from app.chat.dependencies import build_agent

app = FastAPI()
chat_agent = build_agent()


@app.post("/chat")
async def chat(question: str) -> dict:
    return {"answer": await chat_agent.execute_flow(question)}  # expect: blocking-llm-call
