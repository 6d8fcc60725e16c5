from fastapi import FastAPI

from llm.tasks import rewrite, rewrite_async

app = FastAPI()


@app.post("/rewrite")
async def rewrite_endpoint(text: str, style: str = "concise"):
    return {"text": rewrite(text, style)}  # expect: blocking-llm-call


@app.post("/rewrite/async")
async def rewrite_async_endpoint(text: str, style: str = "concise"):
    return {"text": await rewrite_async(text, style)}
