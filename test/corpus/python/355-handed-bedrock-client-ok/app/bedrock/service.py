"""Bedrock inference: the runtime client is handed in by whoever builds the service (untyped)."""


class InferenceService:
    def __init__(self, runtime_client, model_id: str):
        self.runtime_client = runtime_client
        self.model_id = model_id

    def invoke(self, messages: list[dict]) -> str:
        response = self.runtime_client.converse(modelId=self.model_id, messages=messages)
        return response["output"]["message"]["content"][0]["text"]
