STORE: dict[str, dict] = {}
