"""FastAPI app: def routes (threadpool) hand the dependency's client to the helpers."""
# corpus: labels llm-call-without-timeout
from anthropic import Anthropic
from fastapi import Depends, FastAPI
from openai import OpenAI

from svc import answers
from svc.clients import build_claude, build_openai

app = FastAPI()


@app.post("/answer")
def answer(question: str, client: OpenAI = Depends(build_openai)):
    return {"answer": answers.answer(question, client)}


@app.post("/critique")
def critique(text: str, claude: Anthropic = Depends(build_claude)):
    return {"critique": answers.critique(text, claude)}
