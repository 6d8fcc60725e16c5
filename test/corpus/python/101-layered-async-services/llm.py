"""Low-level model access: looks async, but calls the synchronous client."""
from openai import OpenAI

client = OpenAI(timeout=30)


async def complete(prompt: str) -> str:
    r = client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": prompt}])  # expect: blocking-llm-call
    return r.choices[0].message.content


async def complete_json(prompt: str) -> str:
    text = await complete(prompt + "\nAnswer in JSON.")
    return text.strip()
