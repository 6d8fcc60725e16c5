"""Inference over whatever Bedrock runtime client it is given (this module imports no SDK)."""


class InferenceService:
    def __init__(self, runtime_client, model_id: str) -> None:
        self.runtime_client = runtime_client
        self.model_id = model_id

    def generate(self, prompt: str) -> str:
        response = self.runtime_client.converse(
            modelId=self.model_id,
            messages=[{"role": "user", "content": [{"text": prompt}]}],
        )
        return response["output"]["message"]["content"][0]["text"]
