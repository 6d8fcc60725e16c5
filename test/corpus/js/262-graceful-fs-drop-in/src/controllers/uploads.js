// Upload helpers on graceful-fs imported as an ES default: renaming and deleting with the *Sync variants
// blocks; the promise API and stat checks do not (or only for one metadata call).
import gracefulFs from 'graceful-fs';

export async function saveUpload(body) {
  const tmp = `/tmp/upload-${body.id}`;
  if (gracefulFs.existsSync(tmp)) {
    gracefulFs.renameSync(tmp, `/var/data/uploads/${body.id}.mp3`); // expect: blocking-call-in-async-handler
    gracefulFs.unlinkSync(`${tmp}.part`); // expect: blocking-call-in-async-handler
  }
  return `${body.id}.mp3`;
}

export async function listUploads() {
  return gracefulFs.promises.readdir('/var/data/uploads');
}
