"""Catalog service: boto3 clients written with keywords that are not model calls on the loop, or are bounded."""
# corpus: labels llm-call-without-timeout
import asyncio
import json

import boto3
from botocore.config import Config
from fastapi import FastAPI

app = FastAPI()

# Not a model runtime: S3 and the Bedrock control plane (listing models is not a generation).
assets = boto3.client(service_name="s3", region_name="us-east-1")
control = boto3.client(service_name="bedrock", region_name="us-east-1")

# A bounded runtime client: the Config is built first and passed by name.
bounded = Config(read_timeout=20, connect_timeout=5, retries={"max_attempts": 1, "mode": "standard"})
runtime = boto3.client(service_name="bedrock-runtime", region_name="us-east-1", config=bounded)


@app.get("/assets/{key}")
def asset(key: str):
    # A def route runs in the threadpool.
    obj = assets.get_object(Bucket="catalog-assets", Key=key)
    return {"size": obj["ContentLength"]}


@app.get("/models")
def models():
    return [m["modelId"] for m in control.list_foundation_models()["modelSummaries"]]


@app.post("/describe")
async def describe(name: str):
    # Offloaded to a thread: the loop stays free; 20 s x 2 attempts is bounded.
    resp = await asyncio.to_thread(
        runtime.invoke_model,
        modelId="amazon.titan-text-lite-v1",
        body=json.dumps({"inputText": f"Describe {name} in one line."}),
    )
    return json.loads(resp["body"].read())
