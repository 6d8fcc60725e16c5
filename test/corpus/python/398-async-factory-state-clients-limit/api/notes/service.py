from openai import OpenAI


def outline(client: OpenAI, text: str) -> str:
    completion = client.chat.completions.create(  # expect: timeout-exceeds-server-limit
        model="gpt-4o-mini",
        messages=[{"role": "user", "content": f"Outline: {text}"}],
    )
    return completion.choices[0].message.content or ""
