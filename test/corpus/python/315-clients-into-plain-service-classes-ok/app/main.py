"""FastAPI app: the Bedrock clients are built at startup and handed to the service classes."""
# corpus: labels llm-call-without-timeout
import os

import boto3
from botocore.config import Config
from fastapi import FastAPI

from app.agent import Agent
from app.inference import InferenceService

app = FastAPI()
runtime = boto3.client("bedrock-runtime", config=Config(read_timeout=20, retries={"max_attempts": 2}))


def client_options() -> dict:
    # The deployment's timeouts, read from the environment: not visible here, so not judged.
    return {"region_name": os.getenv("AWS_REGION", "eu-west-2"), "config": Config(read_timeout=int(os.getenv("BEDROCK_TIMEOUT", "30")))}


batch_runtime = boto3.client("bedrock-runtime", **client_options())
batch = InferenceService(runtime_client=batch_runtime, model_id="anthropic.claude-3-haiku-20240307-v1:0")
agent = Agent(InferenceService(runtime_client=runtime, model_id="anthropic.claude-3-haiku-20240307-v1:0"))


@app.post("/answer")
async def answer(question: str):
    return {"answer": await agent.answer(question)}


@app.post("/batch")
def batch_answer(question: str):
    # A def route: the threadpool runs it.
    return {"answer": batch.generate(question)}


def openai_options() -> dict:
    return {"timeout": float(os.getenv("OPENAI_TIMEOUT", "20")), "max_retries": 1}


from openai import OpenAI  # noqa: E402

titles = OpenAI(**openai_options())


@app.post("/title")
def title(text: str):
    out = titles.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": f"Title: {text}"}])
    return {"title": out.choices[0].message.content}
