import instructor
from anthropic import Anthropic
from pydantic import BaseModel


class Candidate(BaseModel):
    name: str
    years_experience: int
    skills: list[str]


class ResumeParser:
    def __init__(self) -> None:
        self._llm = instructor.from_anthropic(Anthropic())

    def parse(self, resume_text: str) -> Candidate:
        return self._llm.messages.create(  # expect: blocking-llm-call
            model="claude-3-5-haiku-latest",
            max_tokens=1024,
            response_model=Candidate,
            messages=[{"role": "user", "content": resume_text}],
        )


def get_parser() -> ResumeParser:
    return ResumeParser()
