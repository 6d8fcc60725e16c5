from aws.bedrock import converse, titan_embedding


def enrich(listing: dict) -> dict:
    summary = converse(listing["description"], system="Summarize real-estate listings in two sentences.")
    return {**listing, "summary": summary, "vector": titan_embedding(summary)}
