import os
from functools import lru_cache
from typing import Annotated

from fastapi import Depends
from groq import Groq


@lru_cache(maxsize=1)
def get_groq() -> Groq:
    return Groq(api_key=os.environ["GROQ_API_KEY"])


GroqDep = Annotated[Groq, Depends(get_groq)]
