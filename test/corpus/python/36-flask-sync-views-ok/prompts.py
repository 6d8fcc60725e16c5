def build_prompt(dish: str) -> list[dict]:
    return [
        {"role": "system", "content": "You are a concise recipe writer. Use metric units."},
        {"role": "user", "content": f"Recipe for {dish}."},
    ]
