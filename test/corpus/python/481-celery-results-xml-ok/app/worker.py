"""Celery application of the export service (look-alike negative: results read off the loop)."""
from celery import Celery

exporter = Celery("exports", broker="redis://cache:6379/0", backend="redis://cache:6379/1")
