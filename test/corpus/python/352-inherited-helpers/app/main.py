"""FastAPI routes over services that inherit a sync usage recorder."""
# corpus: labels llm-call-without-timeout
from fastapi import FastAPI

from app.services.chat import ChatService, SummaryService, UsageCallback

app = FastAPI()
chat = ChatService()
summary = SummaryService()


@app.post("/chat")
async def chat_route(question: str) -> dict:
    return {"answer": await chat.process(question)}  # expect: blocking-call-in-async-handler


@app.post("/summary")
async def summary_route(text: str) -> dict:
    return {"summary": await summary.process(text)}  # expect: blocking-call-in-async-handler


@app.post("/usage")
async def usage_route(prompt_tokens: int, completion_tokens: int) -> dict:
    callback = UsageCallback(service=chat)
    await callback.on_end(prompt_tokens, completion_tokens)  # expect: blocking-call-in-async-handler
    return {"ok": True}
