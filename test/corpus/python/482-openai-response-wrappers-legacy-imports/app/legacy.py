"""Older endpoints still on openai 0.28, importing the resource classes directly."""
# corpus: labels llm-call-without-timeout
from fastapi import APIRouter
from openai import ChatCompletion
from openai.api_resources import Completion
from openai.api_resources.embedding import Embedding

router = APIRouter()


@router.post("/legacy/chat")
async def legacy_chat(question: str):
    out = ChatCompletion.create(  # expect: blocking-llm-call
        model="gpt-3.5-turbo", messages=[{"role": "user", "content": question}], request_timeout=20
    )
    return {"text": out["choices"][0]["message"]["content"]}


@router.post("/legacy/complete")
def legacy_complete(prompt: str):
    out = Completion.create(model="gpt-3.5-turbo-instruct", prompt=prompt)  # expect: llm-call-without-timeout
    return {"text": out["choices"][0]["text"]}


@router.post("/legacy/embed")
def legacy_embed(text: str):
    vec = Embedding.create(model="text-embedding-ada-002", input=text)  # expect: llm-call-without-timeout
    return {"n": len(vec["data"][0]["embedding"])}
