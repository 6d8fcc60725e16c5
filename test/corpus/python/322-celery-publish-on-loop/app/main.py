"""Upload API and a consumer that enqueue Celery work from async code: each publish is a broker round trip on the loop."""
from celery import shared_task
from fastapi import FastAPI

from app.notify import announce, schedule_digest
from app.tasks import index_document

app = FastAPI()


@shared_task
def cleanup(doc_id: str) -> None:
    print("cleanup", doc_id)


@app.post("/documents/{doc_id}")
async def upload(doc_id: str):
    index_document.delay(doc_id)  # expect: blocking-call-in-async-handler
    cleanup.apply_async(args=[doc_id], countdown=3600)  # expect: blocking-call-in-async-handler
    return {"queued": doc_id}


@app.post("/users/{user_id}/digest")
async def digest(user_id: int):
    schedule_digest(user_id)  # expect: blocking-call-in-async-handler
    await announce(user_id)  # expect: blocking-call-in-async-handler
    return {"ok": True}
