from flask import Blueprint, current_app, jsonify, request

stylist = Blueprint("stylist", __name__)


@stylist.route("/chat", methods=["POST"])
def chat():
    return jsonify({"reply": current_app.chat_manager.reply([{"role": "user", "content": request.json["message"]}])})


@stylist.route("/render", methods=["POST"])
def render_look():
    return jsonify({"url": current_app.image_manager.render(request.json["description"])})
