from fastapi import HTTPException
from openai import OpenAI

client = OpenAI(timeout=10)


def moderated_prompt(prompt: str) -> str:
    """A plain def dependency: FastAPI runs it in the threadpool, even for async routes."""
    result = client.moderations.create(model="omni-moderation-latest", input=prompt)
    if result.results[0].flagged:
        raise HTTPException(400, "prompt rejected by moderation")
    return prompt
