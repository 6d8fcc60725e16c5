from fastapi import APIRouter
from pydantic import BaseModel

from app.services.editing import prepare

router = APIRouter()


class Draft(BaseModel):
    text: str


@router.post("/prepare")
async def prepare_article(draft: Draft):
    return await prepare(draft.text)
