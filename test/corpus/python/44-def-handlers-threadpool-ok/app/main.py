"""Model-comparison admin tool. Every route is a plain def: FastAPI runs them in its threadpool."""
from fastapi import APIRouter, Depends, FastAPI

from app.providers import ask_all, gemini, openai_client

app = FastAPI()
router = APIRouter(prefix="/admin")


def get_openai():
    return openai_client


@router.get("/compare")
def compare(q: str):
    return ask_all(q)


@router.get("/gemini")
def gemini_only(q: str):
    return {"text": gemini.models.generate_content(model="gemini-2.5-flash", contents=q).text}


@router.get("/openai")
def openai_only(q: str, client=Depends(get_openai)):
    return {"text": client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": q}]).choices[0].message.content}


app.include_router(router)
