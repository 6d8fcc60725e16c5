"""Routes: one iterates the service's generator itself, the other hands it to StreamingResponse."""
from fastapi import FastAPI
from fastapi.responses import StreamingResponse

from app.chat import ChatService

app = FastAPI()
service = ChatService()


@app.post("/ask")
async def ask(user: str, question: str):
    answer = ""
    async for piece in service.stream(user, question):  # expect: blocking-call-in-async-handler
        answer += piece
    return {"answer": answer}
