"""Editorial API behind gunicorn's uvicorn workers: awaited or threadpool LLM calls never stall the heartbeat."""
# corpus: labels timeout-exceeds-server-limit
from fastapi import FastAPI

from app.routes import articles, glossary

app = FastAPI(title="editorial")
app.include_router(articles.router, prefix="/articles")
app.include_router(glossary.router, prefix="/glossary")
