from fastapi import APIRouter
from pydantic import BaseModel

from llm.bedrock import draft_reply, subject_line

router = APIRouter()


class Thread(BaseModel):
    messages: list[str]
    tone: str = "friendly"


@router.post("/emails/reply")
async def reply(thread: Thread):
    body = draft_reply(thread.messages, thread.tone)  # expect: blocking-llm-call
    return {"subject": subject_line(body), "body": body}  # expect: blocking-llm-call


@router.post("/emails/subject")
def subject(thread: Thread):
    return {"subject": subject_line(thread.messages[-1])}
