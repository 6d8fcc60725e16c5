"""The intake service: async, awaited by the route."""
from lib.extract import extract_fields


class IntakeService:
    async def handle(self, text: str, session_id: str) -> dict:
        fields = extract_fields(text, session_id)  # expect: blocking-llm-call
        return {"name": fields.name, "request": fields.request}
