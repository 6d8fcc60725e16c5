"""Look-alike of 150: the same SDKs, each bounded so that every attempt and the backoff fit in a minute."""
# corpus: labels llm-call-without-timeout
import boto3
import google.generativeai as genai
from botocore.config import Config
from fastapi import FastAPI
from groq import AsyncGroq
from llama_index.llms.ollama import Ollama
from pydantic import BaseModel

app = FastAPI(title="triage-bounded")

# One 60 s attempt: no retries left to multiply it.
groq_once = AsyncGroq(max_retries=0)
# An explicit timeout is the author's choice (timeout-exceeds-server-limit judges it against a limit).
groq_fast = AsyncGroq(timeout=15.0)
# Legacy mode counts retries: none, so one 60 s read.
bedrock = boto3.client("bedrock-runtime", region_name="eu-west-1", config=Config(retries={"max_attempts": 0}))
# google-generativeai: 60 s per call, no retries.
gemini = genai.GenerativeModel("gemini-1.5-flash")
# llama-index Ollama: 30 s, one attempt.
local = Ollama(model="llama3.1")


class Ticket(BaseModel):
    subject: str
    body: str


@app.post("/tickets/classify")
async def classify(ticket: Ticket):
    completion = await groq_once.chat.completions.create(model="llama-3.1-8b-instant", messages=[{"role": "user", "content": ticket.subject}])
    return {"queue": completion.choices[0].message.content}


@app.post("/tickets/priority")
async def priority(ticket: Ticket):
    completion = await groq_fast.chat.completions.create(model="llama-3.1-8b-instant", messages=[{"role": "user", "content": ticket.body}])
    return {"priority": completion.choices[0].message.content}


@app.post("/tickets/draft")
def draft_answer(ticket: Ticket):
    response = bedrock.converse(modelId="anthropic.claude-3-haiku-20240307-v1:0", messages=[{"role": "user", "content": [{"text": ticket.body}]}])
    return {"draft": response["output"]["message"]["content"][0]["text"]}


@app.post("/tickets/translate")
async def translate(ticket: Ticket):
    reply = await gemini.generate_content_async(f"Translate to English: {ticket.body}")
    return {"text": reply.text}


@app.post("/tickets/local")
async def local_summary(ticket: Ticket):
    reply = await local.acomplete(f"Summarize: {ticket.body}")
    return {"summary": reply.text}
