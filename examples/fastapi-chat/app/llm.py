"""Helpers around the LLM client; the route module calls them."""
from openai import OpenAI

client = OpenAI()


def summarize(text: str) -> str:
    r = client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": text}])
    return r.choices[0].message.content
