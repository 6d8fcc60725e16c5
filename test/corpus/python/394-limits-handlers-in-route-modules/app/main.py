"""Editorial API: the routes live in their own modules; every LLM call is in a service module."""
# corpus: labels timeout-exceeds-server-limit
from fastapi import FastAPI

from app.routes import articles, glossary

app = FastAPI(title="editorial")
app.include_router(articles.router, prefix="/articles")
app.include_router(glossary.router, prefix="/glossary")
