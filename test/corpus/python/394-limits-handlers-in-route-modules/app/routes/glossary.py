from fastapi import APIRouter

from app.services.llm import translate

router = APIRouter()


@router.get("/{term}")
def translate_term(term: str, lang: str = "fr"):
    # A plain def route: FastAPI runs it in its threadpool, and nginx still waits for the answer.
    return {"term": term, "translation": translate(term, lang)}
