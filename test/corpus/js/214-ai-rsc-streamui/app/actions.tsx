'use server';
// Server actions streaming UI with the AI SDK's RSC helpers: `streamUI` calls the model like streamText
// and sets no timeout unless given an abortSignal.
// corpus: labels llm-call-without-timeout
import { streamUI } from 'ai/rsc';
import { streamUI as streamUiNext } from '@ai-sdk/rsc';
import { openai } from '@ai-sdk/openai';

export async function suggestTrip(prompt: string) {
  const result = await streamUI({ // expect: llm-call-without-timeout
    model: openai('gpt-4o-mini'),
    prompt,
    text: ({ content }) => <p>{content}</p>,
  });
  return result.value;
}

export async function suggestBounded(prompt: string) {
  const result = await streamUiNext({
    model: openai('gpt-4o-mini'),
    prompt,
    abortSignal: AbortSignal.timeout(60_000),
    text: ({ content }) => <p>{content}</p>,
  });
  return result.value;
}

export async function suggestNext(prompt: string) {
  const result = await streamUiNext({ model: openai('gpt-4o-mini'), prompt, text: ({ content }) => <p>{content}</p> }); // expect: llm-call-without-timeout
  return result.value;
}
