from fastapi import APIRouter, Depends

from app.service import ReviewService

router = APIRouter()


def get_service() -> ReviewService:
    return ReviewService()


@router.post("/essays/critique")
async def critique(essay: str, svc: ReviewService = Depends(get_service)):
    result = await svc.critique(essay)
    return {"critique": str(result)}


@router.post("/essays/grade")
async def grade(essay: str, svc: ReviewService = Depends(get_service)):
    return {"grade": await svc.grade(essay)}
