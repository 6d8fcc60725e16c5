// A function with a 90 s budget and a client bounded well inside it.
import { defineFunction } from '@aws-amplify/backend';

export const summarize = defineFunction({ name: 'summarize', timeoutSeconds: 90 });
