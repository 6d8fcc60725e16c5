// Barrel for the AI helpers.
export * from './summarize';
