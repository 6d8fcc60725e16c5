from openai import OpenAI

from store import STORE

client = OpenAI()


def summarize_into_store(doc_id: str) -> None:
    doc = STORE[doc_id]
    r = client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": "Summarize: " + doc["text"]}])
    doc["summary"] = r.choices[0].message.content


async def tag_into_store(doc_id: str) -> None:
    doc = STORE[doc_id]
    r = client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": "Tags: " + doc["text"]}])  # expect: blocking-llm-call
    doc["tags"] = r.choices[0].message.content.split(",")
