from openai import OpenAI

tagger = OpenAI()


def tag_note(note: str) -> list[str]:
    r = tagger.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": f"Comma-separated tags: {note}"}])  # expect: blocking-llm-call
    return [t.strip() for t in r.choices[0].message.content.split(",")]
