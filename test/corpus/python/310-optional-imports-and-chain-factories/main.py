"""FastAPI app over the optional Groq service and the summary chains."""
from fastapi import FastAPI

from services.groq_chat import ask_groq
from services.summaries import open_model_answer, refine_summary, themes

app = FastAPI()


@app.post("/groq")
async def groq_route(question: str):
    return {"answer": ask_groq(question)}  # expect: blocking-llm-call


@app.post("/refine")
async def refine(texts: list[str], model: str = "gpt-4o-mini"):
    from langchain_core.documents import Document

    return {"summary": await refine_summary([Document(page_content=t) for t in texts], model)}  # expect: blocking-llm-call


@app.post("/themes")
async def themes_route(texts: list[str]):
    from langchain_core.documents import Document

    return {"themes": await themes([Document(page_content=t) for t in texts])}  # expect: blocking-llm-call


@app.post("/open")
def open_route(question: str):
    # A def route: the threadpool runs it.
    return {"answer": open_model_answer(question)}
