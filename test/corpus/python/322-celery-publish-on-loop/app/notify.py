"""Notification helpers called from the websocket consumer and the API."""
from app import tasks
from app.tasks import celery_app


def schedule_digest(user_id: int) -> None:
    tasks.send_digest.apply_async(args=[user_id], countdown=60)  # expect: blocking-call-in-async-handler


async def announce(user_id: int) -> None:
    celery_app.send_task("reports.weekly", args=[user_id])  # expect: blocking-call-in-async-handler
