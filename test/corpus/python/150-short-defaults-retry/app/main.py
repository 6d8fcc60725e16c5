"""Support-ticket triage: Groq for the fast classifier, Bedrock for the long answer, Together for tags."""
# corpus: labels llm-call-without-timeout
import json

import boto3
from fastapi import FastAPI
from groq import AsyncGroq
from pydantic import BaseModel
from together import Together

app = FastAPI(title="triage")

# 60 s per attempt, 3 attempts and backoff: a stuck Groq request holds the ticket for 3 minutes.
groq = AsyncGroq()  # expect: llm-call-without-timeout
# botocore reads for 60 s, and legacy retry mode makes 5 attempts: 5 minutes.
bedrock = boto3.client("bedrock-runtime", region_name="eu-west-1")  # expect: llm-call-without-timeout
# together 2.x: 60 s per attempt, 6 attempts.
together = Together()  # expect: llm-call-without-timeout


class Ticket(BaseModel):
    subject: str
    body: str


@app.post("/tickets/classify")
async def classify(ticket: Ticket):
    completion = await groq.chat.completions.create(
        model="llama-3.1-8b-instant",
        messages=[{"role": "system", "content": "Answer with one word: billing, bug or other."}, {"role": "user", "content": ticket.subject}],
    )
    return {"queue": completion.choices[0].message.content.strip().lower()}


@app.post("/tickets/draft")
def draft_answer(ticket: Ticket):
    # A def route: FastAPI runs it in the threadpool, the loop is free; the wait is still minutes.
    response = bedrock.converse(
        modelId="anthropic.claude-3-5-sonnet-20240620-v1:0",
        messages=[{"role": "user", "content": [{"text": f"Draft a reply to: {ticket.body}"}]}],
    )
    return {"draft": response["output"]["message"]["content"][0]["text"]}


@app.post("/tickets/tags")
def tags(ticket: Ticket):
    out = together.chat.completions.create(
        model="meta-llama/Llama-3.3-70B-Instruct-Turbo",
        messages=[{"role": "user", "content": f"Three tags as a JSON list for: {ticket.body}"}],
    )
    return {"tags": json.loads(out.choices[0].message.content)}
