"""Nightly batch job + Celery task: sync SDK calls with no event loop anywhere. Nothing to report."""
import csv
import sys

from celery import Celery
from openai import OpenAI

from enrich import enrich_row

celery_app = Celery("enrich", broker="redis://localhost:6379/0")
client = OpenAI()


@celery_app.task(bind=True, max_retries=3)
def enrich_customer(self, row: dict) -> dict:
    return enrich_row(client, row)


def main(path: str) -> None:
    with open(path) as fh:
        for row in csv.DictReader(fh):
            print(enrich_row(client, row))


if __name__ == "__main__":
    main(sys.argv[1])
