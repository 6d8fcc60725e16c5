"""Builds the clients and services once, with bounded timeouts and retries."""
# corpus: labels llm-call-without-timeout
import boto3
from botocore.config import Config

from app.bedrock import service as bedrock_service
from app.chat import agent


def _client_kwargs(region: str) -> dict:
    # The timeouts travel inside the keyword arguments.
    return {"region_name": region, "config": Config(connect_timeout=5, read_timeout=20, retries={"max_attempts": 2})}


def build_agent() -> agent.ChatAgent:
    runtime = boto3.client("bedrock-runtime", **_client_kwargs("eu-west-2"))
    inference = bedrock_service.InferenceService(runtime_client=runtime, model_id="anthropic.claude-3-haiku")
    return agent.ChatAgent(inference_service=inference)
