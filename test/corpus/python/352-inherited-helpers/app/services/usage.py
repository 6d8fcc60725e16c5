"""Usage metering shared by every service: each call is posted to the billing API synchronously."""
import requests


class UsageRecorder:
    billing_url = "https://billing.internal.example/usage"

    def record_usage(self, prompt_tokens: int, completion_tokens: int) -> None:
        requests.post(self.billing_url, json={"in": prompt_tokens, "out": completion_tokens}, timeout=5)  # expect: blocking-call-in-async-handler

    def describe(self) -> str:
        return type(self).__name__
