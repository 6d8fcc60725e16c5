"""Celery application of the report service: a Redis broker and a Redis result backend."""
from celery import Celery

queue = Celery("reports", broker="redis://cache:6379/0", backend="redis://cache:6379/1")


@queue.task
def render(report_id: int) -> str:
    return f"report-{report_id}"
