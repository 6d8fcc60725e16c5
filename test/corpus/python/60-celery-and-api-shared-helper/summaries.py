"""Shared by the Celery worker and the API."""
from mistralai import Mistral

mistral = Mistral(api_key="sk-test")


def summarize_article(body: str) -> str:
    res = mistral.chat.complete(model="mistral-small-latest", messages=[{"role": "user", "content": f"Summarize:\n{body}"}])  # expect: blocking-llm-call
    return res.choices[0].message.content
