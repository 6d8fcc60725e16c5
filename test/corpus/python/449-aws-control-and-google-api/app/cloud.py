"""AWS control-plane and Google API helpers used by the chat backend."""
import boto3
from googleapiclient.discovery import build

bedrock = boto3.client("bedrock", region_name="eu-west-2")
s3 = boto3.client("s3")
session = boto3.Session(region_name="eu-west-2")


def backing_model(profile_arn: str) -> str:
    profile = bedrock.get_inference_profile(inferenceProfileIdentifier=profile_arn)  # expect: blocking-call-in-async-handler
    return profile["models"][0]["modelArn"]


def caller_account() -> str:
    sts = session.client("sts")
    return sts.get_caller_identity()["Account"]  # expect: blocking-call-in-async-handler


def download_link(key: str) -> str:
    # Signed locally: no request.
    return s3.generate_presigned_url("get_object", Params={"Bucket": "docs", "Key": key}, ExpiresIn=600)


def video_links(query: str, api_key: str) -> list[str]:
    youtube = build("youtube", "v3", developerKey=api_key)  # expect: blocking-call-in-async-handler
    request = youtube.search().list(q=query, part="snippet", type="video", maxResults=5)
    response = request.execute()  # expect: blocking-call-in-async-handler
    return [f"https://www.youtube.com/watch?v={item['id']['videoId']}" for item in response["items"]]
