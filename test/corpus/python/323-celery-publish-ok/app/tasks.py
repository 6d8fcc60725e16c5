"""Celery tasks of the worker."""
from celery import shared_task


@shared_task
def index_document(doc_id: str) -> None:
    print("indexing", doc_id)
