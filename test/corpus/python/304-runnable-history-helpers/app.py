"""Quart app: the intake endpoint awaits the service."""
from quart import Quart, request

from domain.intake import IntakeService

app = Quart(__name__)
service = IntakeService()


@app.post("/intake")
async def intake():
    data = await request.get_json()
    result = await service.handle(data["text"], data["session_id"])  # expect: blocking-llm-call
    return result
