// Next.js route capped at 30 s: the helpers it awaits live in other modules, and the cap applies to them
// while they run inside this invocation.
// corpus: labels timeout-exceeds-server-limit
import { titleFor } from '../../actions';
import { draftAnswer, quickLabel } from '../../../lib/answer';

export const maxDuration = 30;

export async function POST(req: Request) {
  const { message } = await req.json();
  const [title, answer, label] = await Promise.all([titleFor(message), draftAnswer(message), quickLabel(message)]);
  return Response.json({ title, answer, label });
}
