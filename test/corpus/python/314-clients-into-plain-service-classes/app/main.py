"""FastAPI app: the Bedrock client is built at startup and handed to the service classes."""
# corpus: labels llm-call-without-timeout
import boto3
from botocore.config import Config
from fastapi import FastAPI

from app.agent import Agent
from app.inference import InferenceService

app = FastAPI()
runtime = boto3.client("bedrock-runtime", config=Config(read_timeout=20, retries={"max_attempts": 2}))
agent = Agent(InferenceService(runtime_client=runtime, model_id="anthropic.claude-3-haiku-20240307-v1:0"))


@app.post("/answer")
async def answer(question: str):
    return {"answer": await agent.answer(question)}  # expect: blocking-llm-call
