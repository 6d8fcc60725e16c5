"""Single place that calls the model (sync, because the CLI tools share it)."""
from openai import AzureOpenAI

from support.settings import AZURE_ENDPOINT, DEPLOYMENT

_azure = AzureOpenAI(azure_endpoint=AZURE_ENDPOINT, api_version="2024-10-21")


def complete(system: str, user: str) -> str:
    r = _azure.chat.completions.create(  # expect: blocking-llm-call
        model=DEPLOYMENT,
        messages=[{"role": "system", "content": system}, {"role": "user", "content": user}],
    )
    return r.choices[0].message.content or ""
