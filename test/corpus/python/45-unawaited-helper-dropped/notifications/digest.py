from openai import AsyncOpenAI

from notifications.outbox import queue_email

client = AsyncOpenAI()


async def send_digest(user_email: str, events: list[str]) -> None:
    resp = await client.chat.completions.create(
        model="gpt-4o-mini",
        messages=[{"role": "user", "content": "Write a friendly digest of:\n" + "\n".join(events)}],
    )
    queue_email(user_email, "Your weekly digest", resp.choices[0].message.content)
