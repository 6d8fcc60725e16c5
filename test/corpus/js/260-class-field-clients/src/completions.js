// openai-node v3 clients kept as static class fields, the second built from the first's configuration through
// `this`: axios underneath, no timeout unless `baseOptions` sets one, and never a retry.
// corpus: labels llm-call-without-timeout, llm-http-without-retry
const { Configuration, OpenAIApi } = require('openai');

class Completions {
  static configuration = new Configuration({ apiKey: process.env.OPENAI_API_KEY });
  static api = new OpenAIApi(this.configuration); // expect: llm-call-without-timeout, llm-http-without-retry
  static bounded = new OpenAIApi(new Configuration({ apiKey: process.env.OPENAI_API_KEY, baseOptions: { timeout: 30_000 } })); // expect: llm-http-without-retry

  static async complete(prompt) {
    const r = await this.api.createCompletion({ model: 'gpt-3.5-turbo-instruct', prompt });
    return r.data.choices[0].text;
  }

  static async title(text) {
    const r = await Completions.bounded.createChatCompletion({ model: 'gpt-3.5-turbo', messages: [{ role: 'user', content: `Title: ${text}` }] });
    return r.data.choices[0].message.content;
  }
}

module.exports = { Completions };
