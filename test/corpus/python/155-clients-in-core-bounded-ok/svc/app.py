"""Routes of the bounded service."""
# corpus: labels llm-call-without-timeout
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request
from openai import AsyncOpenAI

from svc.clients import get_claude, groq_once, make_chat_model, openai_client, per_call_client


@asynccontextmanager
async def lifespan(app: FastAPI):
    app.state.embedder = AsyncOpenAI(timeout=10.0)
    yield


app = FastAPI(lifespan=lifespan)


@app.post("/openai")
async def ask_openai(text: str):
    completion = await openai_client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": text}])
    return {"answer": completion.choices[0].message.content}


@app.post("/claude")
async def ask_claude(text: str):
    reply = await get_claude().messages.create(model="claude-sonnet-4-5", max_tokens=256, messages=[{"role": "user", "content": text}])
    return {"answer": reply.content[0].text}


@app.post("/chain")
async def chain(text: str):
    reply = await make_chat_model().ainvoke(text)
    return {"answer": reply.content}


@app.post("/per-call")
async def per_call(text: str):
    completion = await per_call_client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": text}], timeout=20)
    return {"answer": completion.choices[0].message.content}


@app.post("/with-options")
async def with_options(text: str):
    completion = await per_call_client.with_options(timeout=20, max_retries=1).chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": text}])
    return {"answer": completion.choices[0].message.content}


@app.post("/groq")
async def ask_groq(text: str):
    completion = await groq_once.chat.completions.create(model="llama-3.1-8b-instant", messages=[{"role": "user", "content": text}])
    return {"answer": completion.choices[0].message.content}


@app.get("/embed")
async def embed(request: Request, q: str):
    result = await request.app.state.embedder.embeddings.create(model="text-embedding-3-small", input=q)
    return {"dims": len(result.data[0].embedding)}
