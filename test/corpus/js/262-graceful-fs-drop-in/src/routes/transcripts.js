// Router handing uploads to the transcript controller (another module).
const express = require('express');
const { saveUpload, listUploads } = require('../controllers/uploads');

const router = express.Router();

router.post('/', async (req, res) => {
  const name = await saveUpload(req.body); // expect: blocking-call-in-async-handler
  res.json({ name });
});

router.get('/', async (req, res) => {
  res.json(await listUploads());
});

module.exports = router;
