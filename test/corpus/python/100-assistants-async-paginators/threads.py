"""Assistants-style thread browser: pages through threads, files and batches with the async clients."""
from fastapi import APIRouter, FastAPI
from anthropic import AsyncAnthropic
from groq import AsyncGroq
from openai import AsyncOpenAI, OpenAI

app = FastAPI()
router = APIRouter(prefix="/threads")
aclient = AsyncOpenAI(timeout=30)
sync_client = OpenAI(timeout=30)
claude = AsyncAnthropic(timeout=30)
groq = AsyncGroq(timeout=30)


@router.get("/{thread_id}/messages")
async def thread_messages(thread_id: str):
    texts = []
    async for message in aclient.beta.threads.messages.list(thread_id=thread_id, order="asc"):
        texts.append(message.content[0].text.value)
    return {"messages": texts}


@router.get("/files")
async def list_files():
    pager = aclient.files.list(purpose="assistants")
    names = [f.filename async for f in pager]
    first = await aclient.models.list()
    return {"files": names, "first_model": first.data[0].id}


@router.get("/batches")
async def batches():
    done = []
    async for batch in claude.messages.batches.list(limit=20):
        if batch.processing_status == "ended":
            done.append(batch.id)
    models = [m.id async for m in groq.models.list()]
    return {"done": done, "models": models}


@router.get("/legacy-files")
async def legacy_files():
    # The sync client's paginator fetches each page with a blocking request on the loop.
    return [f.id for f in sync_client.files.list()]  # expect: blocking-llm-call


@router.get("/broken-stream")
async def broken_stream(q: str):
    out = []
    # `create(stream=True)` on the async client is a coroutine: it must be awaited before `async for`.
    async for chunk in aclient.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": q}], stream=True):  # expect: unawaited-llm-call
        out.append(chunk.choices[0].delta.content or "")
    return {"text": "".join(out)}


app.include_router(router)
