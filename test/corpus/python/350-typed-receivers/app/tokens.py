"""Token counting through the ollama embed endpoint."""
from ollama import Client


def count_tokens(client: Client, model: str, text: str) -> int:
    result = client.embed(model=model, input=text)  # expect: blocking-llm-call
    return result.prompt_eval_count or 0
