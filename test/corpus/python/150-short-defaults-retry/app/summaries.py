"""Nightly summaries through LangChain on Bedrock (botocore underneath: 60 s × 5 attempts)."""
# corpus: labels llm-call-without-timeout
from langchain_aws import ChatBedrockConverse

summarizer = ChatBedrockConverse(model="anthropic.claude-3-haiku-20240307-v1:0", region_name="eu-west-1")  # expect: llm-call-without-timeout


async def summarize(text: str) -> str:
    message = await summarizer.ainvoke(f"Summarize in two sentences:\n{text}")
    return message.content
