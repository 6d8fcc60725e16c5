"""Groq chat: the SDK is an optional dependency; the client is bounded and its calls run in a thread."""
# corpus: labels llm-call-without-timeout
import asyncio
import os

try:
    import groq
except ImportError:
    groq = None

try:
    from cohere import AsyncClientV2
except ImportError:
    AsyncClientV2 = None

_cohere = AsyncClientV2(timeout=30) if AsyncClientV2 is not None else None


def ask_groq(question: str) -> str:
    client = groq.Groq(api_key=os.environ["GROQ_API_KEY"], timeout=20.0, max_retries=1)
    reply = client.chat.completions.create(model="llama-3.1-8b-instant", messages=[{"role": "user", "content": question}])
    return reply.choices[0].message.content or ""


async def ask_groq_async(question: str) -> str:
    return await asyncio.to_thread(ask_groq, question)


async def ask_cohere(question: str) -> str:
    reply = await _cohere.chat(model="command-r", messages=[{"role": "user", "content": question}])
    return reply.message.content[0].text
