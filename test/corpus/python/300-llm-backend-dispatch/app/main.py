"""Entry point: mounts the report routes."""
from fastapi import FastAPI

from app.routes import reports

app = FastAPI()
app.include_router(reports.router)
