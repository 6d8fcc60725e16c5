"""Quart app: the intake endpoints await the service."""
from quart import Quart, request

from domain.intake import IntakeService

app = Quart(__name__)
service = IntakeService()


@app.post("/intake")
async def intake():
    data = await request.get_json()
    return await service.handle(data["text"], data["session_id"])


@app.post("/intake/quick")
async def quick():
    data = await request.get_json()
    return await service.quick(data["text"], data["session_id"])
