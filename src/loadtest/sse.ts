// Incremental server-sent-events reader for one response: finds the events that carry generated
// text (OpenAI deltas, Anthropic text deltas, plain-text data) so the run can time first and next tokens.

/** A JSON event carries a token when some text field is non-empty (`"content":"Hi"`, `"text":"Hi"`). */
const TOKEN_FIELD = /"(?:content|text|token|delta|response)"\s*:\s*"(?:[^"\\]|\\.)/;

export class SseTokenReader {
  private pending = '';
  private eventData: string[] = [];
  tokens = 0;

  /** Feeds a chunk of the body; returns how many token events it completed. */
  push(chunk: string): number {
    this.pending += chunk;
    let found = 0;
    let nl: number;
    while ((nl = this.pending.indexOf('\n')) !== -1) {
      let line = this.pending.slice(0, nl);
      this.pending = this.pending.slice(nl + 1);
      if (line.endsWith('\r')) line = line.slice(0, -1);
      if (line === '') {
        if (this.eventData.length > 0 && isToken(this.eventData.join('\n'))) found++;
        this.eventData = [];
      } else if (line.startsWith('data:')) {
        this.eventData.push(line.slice(line.startsWith('data: ') ? 6 : 5));
      }
      // Other fields (event:, id:, retry:, comments) carry no text.
    }
    // Guard against a body with no newlines at all: keep memory bounded.
    if (this.pending.length > 1 << 20) this.pending = this.pending.slice(-4096);
    this.tokens += found;
    return found;
  }
}

function isToken(data: string): boolean {
  const d = data.trim();
  if (d === '' || d === '[DONE]') return false;
  if (d.startsWith('{') || d.startsWith('[')) return TOKEN_FIELD.test(d);
  return true;
}
