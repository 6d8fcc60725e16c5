"""FastAPI front of a Bedrock chat agent that offloads its sync call."""
from fastapi import FastAPI

from app.chat.dependencies import build_agent

app = FastAPI()
chat_agent = build_agent()


@app.post("/chat")
async def chat(question: str) -> dict:
    return {"answer": await chat_agent.execute_flow(question)}


@app.post("/chat-sync")
def chat_sync(question: str) -> dict:
    # A plain def route runs in the threadpool.
    return {"answer": chat_agent.inference_service.invoke([{"role": "user", "content": [{"text": question}]}])}
