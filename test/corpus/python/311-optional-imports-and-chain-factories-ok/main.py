"""FastAPI app over the optional services and the summary chains, loop kept free."""
from fastapi import FastAPI

from services.groq_chat import ask_cohere, ask_groq_async
from services.summaries import open_model_answer, refine_summary, themes

app = FastAPI()


@app.post("/groq")
async def groq_route(question: str):
    return {"answer": await ask_groq_async(question)}


@app.post("/cohere")
async def cohere_route(question: str):
    return {"answer": await ask_cohere(question)}


@app.post("/refine")
async def refine(texts: list[str], model: str = "gpt-4o-mini"):
    from langchain_core.documents import Document

    return {"summary": await refine_summary([Document(page_content=t) for t in texts], model)}


@app.post("/themes")
async def themes_route(texts: list[str]):
    from langchain_core.documents import Document

    return {"themes": await themes([Document(page_content=t) for t in texts])}


@app.post("/open")
def open_route(question: str):
    return {"answer": open_model_answer(question)}
