from flask import Blueprint, current_app, jsonify, request

stylist = Blueprint("stylist", __name__)


def is_abusive(message: str) -> bool:
    verdict = current_app.chat_manager.reply([{"role": "system", "content": "Answer yes or no: is this abusive?"}, {"role": "user", "content": message}], max_tokens=1)
    return verdict.strip().lower().startswith("yes")


@stylist.route("/chat", methods=["POST"])
def chat():
    message = request.json["message"]
    if is_abusive(message):
        return jsonify({"error": "rejected"}), 400
    return jsonify({"reply": current_app.chat_manager.reply([{"role": "user", "content": message}])})
