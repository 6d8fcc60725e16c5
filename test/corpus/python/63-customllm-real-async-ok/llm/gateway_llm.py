"""CustomLLM for our internal gateway with real async overrides (no fake-async trap)."""
from typing import Any

import httpx
from llama_index.core.llms import CompletionResponse, CustomLLM, LLMMetadata

GATEWAY = "https://llm-gateway.internal/v1/completions"


class GatewayLLM(CustomLLM):
    model: str = "house-model-7b"

    @property
    def metadata(self) -> LLMMetadata:
        return LLMMetadata(model_name=self.model)

    def complete(self, prompt: str, **kwargs: Any) -> CompletionResponse:
        r = httpx.post(GATEWAY, json={"model": self.model, "prompt": prompt}, timeout=30)
        return CompletionResponse(text=r.json()["text"])

    async def acomplete(self, prompt: str, **kwargs: Any) -> CompletionResponse:
        async with httpx.AsyncClient(timeout=30) as http:
            r = await http.post(GATEWAY, json={"model": self.model, "prompt": prompt})
        return CompletionResponse(text=r.json()["text"])

    def stream_complete(self, prompt: str, **kwargs: Any):
        yield self.complete(prompt)
