"""A queue worker started with the app: jobs reach the service through an untyped parameter."""
import asyncio

from openai import APIError


async def handle_job(job: dict, chat_service) -> str:
    try:
        return await chat_service.run_chat(job["prompt"])
    except APIError as err:
        return f"failed: {err}"


async def run_worker(queue: asyncio.Queue, chat_service) -> None:
    while True:
        job = await queue.get()
        job["result"] = await handle_job(job, chat_service)
        queue.task_done()
