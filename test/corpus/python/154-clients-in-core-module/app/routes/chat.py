"""Chat endpoints: every client comes from core.llm."""
from fastapi import APIRouter
from pydantic import BaseModel

from core.llm import fast_client, get_claude, make_chat_model, openai_client

router = APIRouter(prefix="/chat")


class Message(BaseModel):
    text: str


@router.post("/openai")
async def ask_openai(msg: Message):
    completion = await openai_client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": msg.text}])
    return {"answer": completion.choices[0].message.content}


@router.post("/claude")
async def ask_claude(msg: Message):
    claude = get_claude()
    reply = await claude.messages.create(model="claude-sonnet-4-5", max_tokens=512, messages=[{"role": "user", "content": msg.text}])
    return {"answer": reply.content[0].text}


@router.post("/creative")
async def creative(msg: Message):
    model = make_chat_model(temperature=0.9)
    reply = await model.ainvoke(msg.text)
    return {"answer": reply.content}


@router.post("/quick")
async def quick(msg: Message):
    completion = await fast_client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": msg.text}])
    return {"answer": completion.choices[0].message.content}


@router.post("/bounded")
async def bounded(msg: Message):
    # A per-call timeout bounds this call; the other calls through openai_client still have none.
    completion = await openai_client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": msg.text}], timeout=15)
    return {"answer": completion.choices[0].message.content}
