OUTBOX: list[tuple[str, str, str]] = []


def queue_email(to: str, subject: str, body: str) -> None:
    OUTBOX.append((to, subject, body))
