"""Injected clients that look like the sync ones at a glance; all async, all awaited."""
from typing import Annotated

from anthropic import AsyncAnthropic
from fastapi import APIRouter, Depends, FastAPI
from openai import AsyncOpenAI

from app.deps import fast_model, get_claude, get_openai

router = APIRouter()


@router.get("/claude")
async def claude_route(q: str, claude: Annotated[AsyncAnthropic, Depends(get_claude)]):
    msg = await claude.messages.create(model="claude-3-5-haiku-latest", max_tokens=300, messages=[{"role": "user", "content": q}])
    return {"text": msg.content[0].text}


@router.get("/openai")
async def openai_route(q: str, client: AsyncOpenAI = Depends(get_openai)):
    r = await client.responses.create(model="gpt-4o-mini", input=q)
    return {"text": r.output_text}


@router.get("/groq")
async def groq_route(q: str):
    return {"text": await fast_model.answer(q)}


app = FastAPI()
app.include_router(router)
