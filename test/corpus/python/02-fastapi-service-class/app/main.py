from fastapi import FastAPI

from app.api.meetings import router as meetings_router

app = FastAPI()
app.include_router(meetings_router)


@app.get("/healthz")
async def healthz():
    return {"ok": True}
