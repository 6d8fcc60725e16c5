"""Our vLLM cluster wrapped as a llama-index LLM. Only the sync methods are implemented."""
from typing import Any

import requests
from llama_index.core.llms import CompletionResponse, CompletionResponseGen, CustomLLM, LLMMetadata
from llama_index.core.llms.callbacks import llm_completion_callback

VLLM_URL = "http://vllm.internal:8000/v1/completions"


class ClusterLLM(CustomLLM):
    model: str = "qwen2.5-32b-instruct"
    max_tokens: int = 512

    @property
    def metadata(self) -> LLMMetadata:
        return LLMMetadata(model_name=self.model, num_output=self.max_tokens)

    @llm_completion_callback()
    def complete(self, prompt: str, **kwargs: Any) -> CompletionResponse:
        r = requests.post(VLLM_URL, json={"model": self.model, "prompt": prompt, "max_tokens": self.max_tokens}, timeout=60)  # expect: blocking-llm-call
        r.raise_for_status()
        return CompletionResponse(text=r.json()["choices"][0]["text"])

    @llm_completion_callback()
    def stream_complete(self, prompt: str, **kwargs: Any) -> CompletionResponseGen:
        yield self.complete(prompt)
