"""Audit trail: every answer is posted to a compliance endpoint."""
import requests


class AuditSink:
    def write(self, event: dict) -> None:
        requests.post("https://audit.internal.example/events", json=event, timeout=5)  # expect: blocking-call-in-async-handler


class Reporter:
    # Declared on the class, assigned when the app starts.
    sink: AuditSink

    def __init__(self, sink: AuditSink):
        self.sink = sink

    async def report(self, question: str, answer: str) -> None:
        self.sink.write({"q": question, "a": answer})  # expect: blocking-call-in-async-handler
