// No timeoutSeconds: Amplify functions stop after 3 s unless told otherwise.
import { defineFunction } from '@aws-amplify/backend';

export const classify = defineFunction({ name: 'classify' });
