// A 60 s function for the history-aware assistant.
import { defineFunction } from '@aws-amplify/backend';

export const assistant = defineFunction({ name: 'assistant', entry: './handler.ts', timeoutSeconds: 60, memoryMB: 512 });
