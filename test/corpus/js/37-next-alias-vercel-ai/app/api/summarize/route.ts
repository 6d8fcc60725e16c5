// Next.js route: the summary is computed but the response does not wait for it.
import { NextResponse } from 'next/server';
import { summarize, streamSummary, logUsage } from '@/lib/ai';

export async function POST(req: Request) {
  const { text } = await req.json();
  const summary = summarize(text); // expect: unawaited-llm-call
  logUsage(text.length);
  return NextResponse.json({ summary });
}

export async function PUT(req: Request) {
  const { text } = await req.json();
  return streamSummary(text).toTextStreamResponse();
}

export async function PATCH(req: Request) {
  const { text } = await req.json();
  summarize(text).then((s) => console.log(s)); // expect: unawaited-llm-call
  return new Response(null, { status: 202 });
}
