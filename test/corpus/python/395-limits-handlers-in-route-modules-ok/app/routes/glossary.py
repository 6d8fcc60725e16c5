from fastapi import APIRouter

from app.services.llm import translate

router = APIRouter()


@router.get("/{term}")
def translate_term(term: str, lang: str = "fr"):
    # A plain def route runs in FastAPI's threadpool, off the event loop.
    return {"term": term, "translation": translate(term, lang)}
