"""Support-ticket triage API: classifies and drafts replies with OpenAI."""
import os

from fastapi import FastAPI, HTTPException
from openai import OpenAI
from pydantic import BaseModel

app = FastAPI(title="triage")
client = OpenAI(api_key=os.environ.get("OPENAI_API_KEY"), timeout=30)

CATEGORIES = ["billing", "bug", "feature", "account", "other"]


class Ticket(BaseModel):
    subject: str
    body: str


@app.post("/classify")
async def classify(ticket: Ticket):
    prompt = f"Pick one of {', '.join(CATEGORIES)} for this ticket.\n\n{ticket.subject}\n{ticket.body}"
    completion = client.chat.completions.create(  # expect: blocking-llm-call
        model="gpt-4o-mini",
        messages=[{"role": "user", "content": prompt}],
        temperature=0,
    )
    label = completion.choices[0].message.content.strip().lower()
    if label not in CATEGORIES:
        raise HTTPException(502, f"model answered {label!r}")
    return {"category": label}


@app.post("/draft")
async def draft(ticket: Ticket):
    # Someone "made it async" by adding await; the client is still the sync one.
    reply = await client.chat.completions.create(  # expect: await-on-sync-call, blocking-llm-call
        model="gpt-4o",
        messages=[
            {"role": "system", "content": "You are a polite support agent."},
            {"role": "user", "content": ticket.body},
        ],
    )
    return {"draft": reply.choices[0].message.content}


@app.post("/embed")
def embed(ticket: Ticket):
    # Plain def: FastAPI runs it in the threadpool, the loop stays free.
    vec = client.embeddings.create(model="text-embedding-3-small", input=ticket.body)
    return {"dims": len(vec.data[0].embedding)}
