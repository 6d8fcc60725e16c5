from fastapi import APIRouter, BackgroundTasks, Depends
from starlette.concurrency import run_in_threadpool

from app.deps import get_async_client, get_client

router = APIRouter(prefix="/notes")


@router.post("/title")
async def title(text: str, client=Depends(get_client)):
    r = client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": text}])  # expect: blocking-llm-call
    return {"title": r.choices[0].message.content}


@router.post("/tags")
async def tags(text: str, client=Depends(get_async_client)):
    r = await client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": text}])
    return {"tags": r.choices[0].message.content}


@router.post("/offloaded")
async def offloaded(text: str, client=Depends(get_client)):
    r = await run_in_threadpool(client.chat.completions.create, model="gpt-4o-mini", messages=[])
    return {"text": r.choices[0].message.content}


def audit(text: str) -> None:
    get_client().chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": text}])


@router.post("/later")
async def later(text: str, tasks: BackgroundTasks):
    tasks.add_task(audit, text)
    return {"queued": True}


@router.post("/sync")
def sync_title(text: str, client=Depends(get_client)):
    return client.chat.completions.create(model="gpt-4o-mini", messages=[])
