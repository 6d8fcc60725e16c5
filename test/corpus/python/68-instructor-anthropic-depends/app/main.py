"""Recruiting tool: resume → structured candidate."""
from fastapi import Depends, FastAPI, UploadFile

from app.extract import Candidate, ResumeParser, get_parser

app = FastAPI()


@app.post("/resumes", response_model=Candidate)
async def upload_resume(file: UploadFile, parser: ResumeParser = Depends(get_parser)):
    text = (await file.read()).decode("utf-8", errors="ignore")
    return parser.parse(text)  # expect: blocking-llm-call


@app.post("/resumes/sync", response_model=Candidate)
def upload_resume_sync(text: str, parser: ResumeParser = Depends(get_parser)):
    return parser.parse(text)
