"""Entry point: mounts the assistant routes."""
from fastapi import FastAPI

from app.routes import assistant

app = FastAPI()
app.include_router(assistant.router)
