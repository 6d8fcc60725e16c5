"""Each of these was "made async" by prefixing await. None of the calls is a coroutine."""
from fastapi import APIRouter

from api.clients import chat_model, completion, gemini, mistral

router = APIRouter(prefix="/oops")


@router.get("/gemini")
async def gemini_route(q: str):
    r = await gemini.models.generate_content(model="gemini-2.5-flash", contents=q)  # expect: await-on-sync-call, blocking-llm-call
    return {"text": r.text}


@router.get("/mistral")
async def mistral_route(q: str):
    r = await mistral.chat.complete(model="mistral-small-latest", messages=[{"role": "user", "content": q}])  # expect: await-on-sync-call, blocking-llm-call
    return {"text": r.choices[0].message.content}


@router.get("/langchain")
async def langchain_route(q: str):
    msg = await chat_model.invoke(q)  # expect: await-on-sync-call, blocking-llm-call
    return {"text": msg.content}


@router.get("/litellm")
async def litellm_route(q: str):
    r = await completion(model="gpt-4o-mini", messages=[{"role": "user", "content": q}])  # expect: await-on-sync-call, blocking-llm-call
    return {"text": r.choices[0].message.content}
