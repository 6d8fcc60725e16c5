// App constants, default-exported: client options live here, and the services build their clients from them.
const constants = {
  port: 8080,
  systemPrompt: 'Answer in one short paragraph.',
  azureOptions: {
    apiKey: process.env.AZURE_OPENAI_KEY,
    endpoint: process.env.AZURE_OPENAI_ENDPOINT,
    deployment: 'gpt-4o-mini',
    apiVersion: '2024-10-21',
  },
  boundedOptions: {
    apiKey: process.env.OPENAI_API_KEY,
    timeout: 25_000,
    maxRetries: 2,
  },
};

export const providers = {
  openai: { apiKey: process.env.OPENAI_API_KEY, organization: process.env.OPENAI_ORG },
};

export default constants;
