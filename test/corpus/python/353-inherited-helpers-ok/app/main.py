"""FastAPI routes over services whose inherited helpers never block the loop."""
# corpus: labels llm-call-without-timeout
from fastapi import FastAPI

from app.services.chat import ChatService, ReportService

app = FastAPI()
chat = ChatService()
reports = ReportService()


@app.post("/chat")
async def chat_route(question: str) -> dict:
    return {"answer": await chat.process(question)}


@app.post("/report")
async def report_route(prompt_tokens: int, completion_tokens: int) -> dict:
    return {"report": await reports.report(prompt_tokens, completion_tokens)}


@app.get("/usage-sync")
def usage_sync(prompt_tokens: int, completion_tokens: int) -> dict:
    # A plain def route runs in the threadpool: the inherited sync post is fine here.
    reports.record_usage(prompt_tokens, completion_tokens)
    return {"ok": True}
