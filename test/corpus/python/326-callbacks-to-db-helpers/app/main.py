"""Travel search API: async routes reach the database through a lookup passed as a callback."""
from fastapi import FastAPI

from app.matcher import Matcher

app = FastAPI()
matcher = Matcher()


@app.get("/search")
async def search(q: str):
    return matcher.params_for(q)  # expect: blocking-call-in-async-handler
