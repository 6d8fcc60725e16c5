"""Routes handing the service's async generator to StreamingResponse: Starlette iterates it on the loop."""
from fastapi import FastAPI
from fastapi.responses import StreamingResponse

from app.chat import ChatService

app = FastAPI()
service = ChatService()


@app.post("/ask/stream")
async def ask_stream(user: str, question: str):
    return StreamingResponse(service.stream(user, question), media_type="text/plain")
