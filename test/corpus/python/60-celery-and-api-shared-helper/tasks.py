from celery import shared_task

from summaries import summarize_article


@shared_task
def summarize_task(article_id: int, body: str) -> dict:
    return {"id": article_id, "summary": summarize_article(body)}
