"""Drafting helpers: sync LangChain-free OpenAI calls."""
from openai import OpenAI

client = OpenAI(timeout=30)


def draft_reply(message: str) -> str:
    reply = client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": message}])  # expect: blocking-llm-call
    return reply.choices[0].message.content or ""
