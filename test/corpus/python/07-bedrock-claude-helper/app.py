from fastapi import FastAPI

from handlers.email import router

app = FastAPI()
app.include_router(router)
