"""An agent whose async flow calls a sync LLM helper: the loop enters sync code here."""
from openai import OpenAI

client = OpenAI(timeout=20, max_retries=1)


def complete(prompt: str) -> str:
    reply = client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": prompt}])  # expect: blocking-llm-call
    return reply.choices[0].message.content or ""


class Agent:
    async def flow(self, prompt: str) -> str:
        return complete(prompt)  # expect: blocking-llm-call
