"""Upload a document, get an id back, summaries land in the store later."""
import uuid

from fastapi import BackgroundTasks, FastAPI

from jobs import summarize_into_store, tag_into_store
from store import STORE

app = FastAPI()


@app.post("/documents")
async def upload(text: str, background: BackgroundTasks):
    doc_id = str(uuid.uuid4())
    STORE[doc_id] = {"text": text, "summary": None, "tags": None}
    # Sync function: Starlette runs it in the threadpool after the response.
    background.add_task(summarize_into_store, doc_id)
    # Async function: runs on the event loop after the response.
    background.add_task(tag_into_store, doc_id)
    return {"id": doc_id}


@app.get("/documents/{doc_id}")
async def get_document(doc_id: str):
    return STORE.get(doc_id, {})
