"""Audit trail posted with an async HTTP client; a formatter declared on the class does no I/O."""
import httpx


class Formatter:
    def line(self, event: dict) -> str:
        return f"{event['q']} -> {event['a']}"


class AuditSink:
    def __init__(self):
        self.http = httpx.AsyncClient(timeout=5)

    async def write(self, event: dict) -> None:
        await self.http.post("https://audit.internal.example/events", json=event)


class Reporter:
    sink: AuditSink
    formatter: Formatter

    def __init__(self, sink: AuditSink):
        self.sink = sink
        self.formatter = Formatter()

    async def report(self, question: str, answer: str) -> None:
        text = self.formatter.line({"q": question, "a": answer})
        await self.sink.write({"text": text})
