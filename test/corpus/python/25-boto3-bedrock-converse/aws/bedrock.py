import json

import boto3
from botocore.config import Config

runtime = boto3.client(
    "bedrock-runtime",
    region_name="us-west-2",
    config=Config(read_timeout=120, retries={"max_attempts": 3, "mode": "standard"}),
)
MODEL_ID = "anthropic.claude-3-haiku-20240307-v1:0"


def converse(prompt: str, system: str = "") -> str:
    resp = runtime.converse(  # expect: blocking-llm-call
        modelId=MODEL_ID,
        system=[{"text": system}] if system else [],
        messages=[{"role": "user", "content": [{"text": prompt}]}],
        inferenceConfig={"maxTokens": 512},
    )
    return resp["output"]["message"]["content"][0]["text"]


def titan_embedding(text: str) -> list[float]:
    resp = runtime.invoke_model(modelId="amazon.titan-embed-text-v2:0", body=json.dumps({"inputText": text}))  # expect: blocking-llm-call
    return json.loads(resp["body"].read())["embedding"]
