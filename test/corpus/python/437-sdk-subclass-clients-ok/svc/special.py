"""A subclass of a workspace subclass, in another module."""
from svc.models import LabelledLiteLLM


class PricedLiteLLM(LabelledLiteLLM):
    price_per_call: float = 0.0

    def priced(self, prompt: str) -> tuple[str, float]:
        return self.invoke(prompt).content, self.price_per_call
