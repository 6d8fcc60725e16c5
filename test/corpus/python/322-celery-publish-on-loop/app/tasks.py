"""Celery tasks: their bodies run in the worker; publishing them is the caller's business."""
from celery import Celery, shared_task

celery_app = Celery("jobs", broker="redis://redis:6379/0")


@shared_task
def index_document(doc_id: str) -> None:
    print("indexing", doc_id)


@celery_app.task(bind=True, max_retries=3)
def send_digest(self, user_id: int) -> None:
    print("digest for", user_id)
