"""Real-estate listing enrichment on AWS Bedrock."""
from fastapi import FastAPI

from aws.catalog import enrich

app = FastAPI()


@app.post("/listings/enrich")
async def enrich_listing(listing: dict):
    return enrich(listing)  # expect: blocking-llm-call


@app.post("/listings/enrich-sync")
def enrich_listing_sync(listing: dict):
    return enrich(listing)
