"""Feed import helpers: the sync parser is called from the async upload route."""
import xml.etree.ElementTree as ET
from lxml import etree


def feed_titles(path: str) -> list:
    tree = ET.parse(path)  # expect: blocking-call-in-async-handler
    return [node.text for node in tree.getroot().iter("title")]


def schema_root(path: str):
    return etree.parse(path).getroot()  # expect: blocking-call-in-async-handler
