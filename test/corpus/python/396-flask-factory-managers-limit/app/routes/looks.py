from flask import Blueprint, current_app, jsonify, request

looks = Blueprint("looks", __name__)


@looks.route("/render", methods=["POST"])
def render_look():
    description = request.json["description"]
    url = current_app.image_manager.render(description)
    return jsonify({"url": url, "caption": current_app.caption_manager.caption(description)})
