"""Builds the clients and services once, from the settings."""
# corpus: labels llm-call-without-timeout
import os

import boto3

from app.bedrock import service as bedrock_service
from app.chat import agent


def build_agent() -> agent.ChatAgent:
    region = os.environ.get("AWS_REGION", "eu-west-2")
    runtime = boto3.client("bedrock-runtime", region_name=region)  # expect: llm-call-without-timeout
    control = boto3.client("bedrock", region_name=region)
    inference = bedrock_service.InferenceService(api_client=control, runtime_client=runtime, model_id="anthropic.claude-3-haiku")
    return agent.ChatAgent(inference_service=inference)
