from fastapi import FastAPI

from support.routers import tickets_router

app = FastAPI(title="support")
app.include_router(tickets_router)
