"""Claude on Bedrock, used by the email assistant."""
import os

from anthropic import AnthropicBedrock

_client = AnthropicBedrock(aws_region=os.getenv("AWS_REGION", "eu-west-1"))
MODEL_ID = "anthropic.claude-3-5-sonnet-20241022-v2:0"


def draft_reply(thread: list[str], tone: str = "neutral") -> str:
    history = "\n---\n".join(thread)
    message = _client.messages.create(  # expect: blocking-llm-call
        model=MODEL_ID,
        max_tokens=600,
        messages=[{"role": "user", "content": f"Write a {tone} reply to this email thread:\n{history}"}],
    )
    return "".join(block.text for block in message.content if block.type == "text")


def subject_line(body: str) -> str:
    message = _client.messages.create(model=MODEL_ID, max_tokens=30, messages=[{"role": "user", "content": f"Subject for: {body}"}])  # expect: blocking-llm-call
    return message.content[0].text.strip()
