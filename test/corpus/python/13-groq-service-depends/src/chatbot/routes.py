from fastapi import APIRouter, Depends
from pydantic import BaseModel

from .dependencies import get_chat_service
from .llm_service import ChatService

router = APIRouter(prefix="/chat")


class Turn(BaseModel):
    history: list[dict] = []
    message: str


@router.post("/reply")
async def reply(turn: Turn, svc: ChatService = Depends(get_chat_service)):
    text = svc.reply(turn.history, turn.message)  # expect: blocking-llm-call
    return {"reply": text}


@router.post("/title")
async def title(turn: Turn, svc: ChatService = Depends(get_chat_service)):
    return {"title": svc.title(turn.message)}  # expect: blocking-llm-call
