"""Review summarizer: FastAPI routes calling Bedrock through boto3 (sync) clients."""
# corpus: labels llm-call-without-timeout
import json

import boto3
from fastapi import FastAPI
from pydantic import BaseModel

from aws import agent_client, summarizer

app = FastAPI()

# Keyword arguments only, region first: still a bedrock-runtime client with botocore's defaults.
moderation = boto3.client(region_name="us-east-1", service_name="bedrock-runtime")  # expect: llm-call-without-timeout
# A per-process session object, then `.client(service_name=...)`.
titan = boto3.Session(profile_name="reviews").client(service_name="bedrock-runtime")  # expect: llm-call-without-timeout


class Review(BaseModel):
    text: str


@app.post("/reviews/summary")
async def summary(review: Review):
    # Sync boto3 call inside async def: the loop waits for the whole generation.
    out = summarizer.converse(  # expect: blocking-llm-call
        modelId="anthropic.claude-3-haiku-20240307-v1:0",
        messages=[{"role": "user", "content": [{"text": f"Summarize: {review.text}"}]}],
    )
    return {"summary": out["output"]["message"]["content"][0]["text"]}


@app.post("/reviews/flag")
async def flag(review: Review):
    body = json.dumps({"inputText": review.text})
    resp = moderation.invoke_model(modelId="amazon.titan-text-lite-v1", body=body)  # expect: blocking-llm-call
    return json.loads(resp["body"].read())


@app.post("/reviews/embed")
async def embed(review: Review):
    resp = titan.invoke_model(modelId="amazon.titan-embed-text-v2:0", body=json.dumps({"inputText": review.text}))  # expect: blocking-llm-call
    return {"embedding": json.loads(resp["body"].read())["embedding"]}


@app.post("/reviews/ask")
async def ask(review: Review):
    agents = agent_client()
    answer = agents.retrieve_and_generate(  # expect: blocking-llm-call
        input={"text": review.text},
        retrieveAndGenerateConfiguration={"type": "KNOWLEDGE_BASE"},
    )
    return {"answer": answer["output"]["text"]}
