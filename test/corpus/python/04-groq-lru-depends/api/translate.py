"""Low-latency translation endpoints on Groq."""
from fastapi import APIRouter, Depends
from groq import Groq

from api.deps import GroqDep, get_groq

router = APIRouter(prefix="/v1")

MODEL = "llama-3.3-70b-versatile"


@router.get("/translate")
async def translate(text: str, target: str, llm: GroqDep):
    out = llm.chat.completions.create(  # expect: blocking-llm-call
        model=MODEL,
        messages=[{"role": "user", "content": f"Translate to {target}. Reply with the translation only.\n{text}"}],
    )
    return {"text": out.choices[0].message.content}


@router.get("/detect")
async def detect(text: str, llm: Groq = Depends(get_groq)):
    out = llm.chat.completions.create(model=MODEL, messages=[{"role": "user", "content": f"ISO code of the language of: {text}"}])  # expect: blocking-llm-call
    return {"lang": out.choices[0].message.content.strip()}


@router.get("/glossary")
def glossary(term: str, llm: GroqDep):
    # sync route, threadpool: fine
    out = llm.chat.completions.create(model=MODEL, messages=[{"role": "user", "content": f"Define {term}"}])
    return {"definition": out.choices[0].message.content}
