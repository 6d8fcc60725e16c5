// Turns file bytes into text: UTF-8 (with or without BOM); bytes that are not UTF-8 are replaced
// so analysis can go on, with a note saying so.

export function decodeText(buf: Uint8Array): { text: string; note?: string } {
  let bytes = buf;
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { text: new TextDecoder('utf-8').decode(bytes), note: 'not valid UTF-8; undecodable bytes replaced' };
  }
}
