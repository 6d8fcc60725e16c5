// Amplify Gen 2 function: the Lambda is stopped after 30 s.
import { defineFunction } from '@aws-amplify/backend';

export const chat = defineFunction({
  name: 'chat',
  entry: './handler.ts',
  timeoutSeconds: 30,
  environment: { MODEL: 'gpt-4o-mini' },
});
