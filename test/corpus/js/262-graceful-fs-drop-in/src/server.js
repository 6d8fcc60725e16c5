// Express upload service that loads graceful-fs in place of fs (same functions, patched for EMFILE retries):
// its *Sync calls block the event loop exactly like fs's.
// corpus: labels blocking-call-in-async-handler
const express = require('express');
const fs = require('graceful-fs');
const transcripts = require('./routes/transcripts');

const app = express();
app.use(express.json());

const banner = fs.readFileSync(__dirname + '/banner.txt', 'utf8'); // module load: runs once at startup

app.get('/banner', (req, res) => res.send(banner));

app.post('/notes/:id', async (req, res) => {
  fs.writeFileSync(`/var/data/notes/${req.params.id}.txt`, req.body.text); // expect: blocking-call-in-async-handler
  res.sendStatus(204);
});

app.get('/notes/:id', async (req, res) => {
  // The callback form runs on the thread pool: fine.
  fs.readFile(`/var/data/notes/${req.params.id}.txt`, 'utf8', (err, text) => {
    if (err) return res.sendStatus(404);
    res.send(text);
  });
});

app.use('/transcripts', transcripts);
app.listen(3000);
