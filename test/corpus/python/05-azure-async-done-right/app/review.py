"""Code-review bot for pull requests. Looks scary (lots of LLM calls in async code) but every call is awaited."""
import asyncio
import logging

from fastapi import FastAPI
from pydantic import BaseModel

from app.clients import azure

log = logging.getLogger(__name__)
app = FastAPI()
_background: set[asyncio.Task] = set()


class Diff(BaseModel):
    files: dict[str, str]


async def review_file(name: str, patch: str) -> str:
    resp = await azure.chat.completions.create(
        model="gpt-4o",
        messages=[{"role": "user", "content": f"Review this diff of {name}:\n{patch}"}],
    )
    return resp.choices[0].message.content or ""


async def log_usage(files: int) -> None:
    resp = await azure.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": f"{files} files"}])
    log.info("usage tokens=%s", resp.usage.total_tokens if resp.usage else "?")


@app.post("/review")
async def review(diff: Diff):
    jobs = [review_file(name, patch) for name, patch in diff.files.items()]
    comments = await asyncio.gather(*jobs)
    task = asyncio.create_task(log_usage(len(diff.files)))
    _background.add(task)
    task.add_done_callback(_background.discard)
    return dict(zip(diff.files, comments))


@app.post("/title")
async def title(diff: Diff):
    pending = azure.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": "Title for: " + ", ".join(diff.files)}])
    names = sorted(diff.files)
    resp = await pending
    return {"title": resp.choices[0].message.content, "files": names}
