// Route table: the handlers live in controllers/.
const express = require('express');
const chat = require('../controllers/chat');

const router = express.Router();
router.post('/chat', chat.chat);
router.post('/feedback', chat.feedback);
router.post('/explain', chat.explain);

module.exports = router;
