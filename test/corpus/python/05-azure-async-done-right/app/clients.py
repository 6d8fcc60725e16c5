import os

from openai import AsyncAzureOpenAI

azure = AsyncAzureOpenAI(
    azure_endpoint=os.environ["AZURE_OPENAI_ENDPOINT"],
    api_version="2024-10-21",
    azure_deployment="gpt-4o",
    timeout=20.0,
)
