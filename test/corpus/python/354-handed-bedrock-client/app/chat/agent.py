"""The chat agent: async on the outside, a sync Bedrock call inside."""
from app.bedrock import service as bedrock_service


class ChatAgent:
    def __init__(self, inference_service: bedrock_service.InferenceService):
        self.inference_service = inference_service

    async def execute_flow(self, question: str) -> str:
        messages = [{"role": "user", "content": [{"text": question}]}]
        return self.inference_service.invoke(messages)  # expect: blocking-llm-call
