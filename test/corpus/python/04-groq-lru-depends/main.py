from fastapi import FastAPI

from api.translate import router

app = FastAPI(title="babel")
app.include_router(router)
