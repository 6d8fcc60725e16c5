from fastapi import APIRouter

from support.services import TicketService

router = APIRouter(prefix="/tickets")
service = TicketService()


@router.post("/reply")
async def reply(ticket: str):
    return {"reply": await service.suggest_reply(ticket)}  # expect: blocking-llm-call


@router.post("/triage")
async def triage(ticket: str):
    priority = await service.priority(ticket)  # expect: blocking-llm-call
    return {"priority": priority}
