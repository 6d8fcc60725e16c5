from fastapi import FastAPI

from summaries import summarize_article
from tasks import summarize_task

app = FastAPI()


@app.post("/articles/{article_id}/summary")
async def summary(article_id: int, body: str, wait: bool = False):
    if wait:
        return {"summary": summarize_article(body)}  # expect: blocking-llm-call
    job = summarize_task.delay(article_id, body)  # expect: blocking-call-in-async-handler
    return {"job": job.id}
