"""Legacy sync helpers shared with the batch jobs; the API offloads every one of them."""
import boto3
import litellm
from openai import OpenAI

openai_client = OpenAI()
bedrock = boto3.client("bedrock-runtime")


def summarize(text: str) -> str:
    r = openai_client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": text}])
    return r.choices[0].message.content


def classify(text: str) -> str:
    r = litellm.completion(model="claude-3-5-haiku-latest", messages=[{"role": "user", "content": text}])
    return r.choices[0].message.content


def converse(text: str) -> str:
    r = bedrock.converse(modelId="amazon.nova-lite-v1:0", messages=[{"role": "user", "content": [{"text": text}]}])
    return r["output"]["message"]["content"][0]["text"]
