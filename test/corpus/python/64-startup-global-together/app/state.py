from together import Together

client: Together | None = None


def init_client(api_key: str) -> None:
    global client
    client = Together(api_key=api_key, timeout=30)
