"""AWS clients for the review summarizer, built with keywords as boto3's docs spell them."""
import os

import boto3

RUNTIME = "bedrock-runtime"

session = boto3.Session(region_name=os.environ.get("AWS_REGION", "us-east-1"))

# botocore default: 60 s read timeout, legacy mode makes 5 attempts; used from main.py's handlers.
summarizer = session.client(service_name=RUNTIME)  # expect: llm-call-without-timeout


def agent_client():
    """A fresh agent-runtime client per request (no config: the same 60 s x 5 defaults)."""
    return boto3.client(service_name="bedrock-agent-runtime", region_name=os.environ.get("AWS_REGION", "us-east-1"))  # expect: llm-call-without-timeout
