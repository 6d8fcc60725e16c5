from fastapi import APIRouter, Request
from pydantic import BaseModel

from notes.service import outline

router = APIRouter()


class Note(BaseModel):
    text: str


@router.post("/summary")
async def summary(request: Request, note: Note):
    completion = await request.app.state.llm_client.chat.completions.create(
        model="gpt-4o-mini",
        messages=[{"role": "user", "content": f"Summarize: {note.text}"}],
    )
    return {"summary": completion.choices[0].message.content}


@router.post("/outline")
def make_outline(request: Request, note: Note):
    return {"outline": outline(request.app.state.llm_sync, note.text)}
