// NestJS module providing three SDK clients. The injector builds every provider at start-up; a client whose
// token nothing injects is built and never sends a request.
// corpus: labels llm-call-without-timeout
import { Module } from '@nestjs/common';
import { ConfigModule, ConfigService } from '@nestjs/config';
import OpenAI from 'openai';
import Anthropic from '@anthropic-ai/sdk';
import Groq from 'groq-sdk';
import { ChatController } from './chat.controller';
import { ChatService } from './chat.service';

@Module({
  imports: [ConfigModule],
  controllers: [ChatController],
  providers: [
    ChatService,
    {
      provide: OpenAI,
      useFactory: (config: ConfigService) => new OpenAI({ apiKey: config.getOrThrow('OPENAI_API_KEY') }), // expect: llm-call-without-timeout
      inject: [ConfigService],
    },
    {
      // Kept for a feature that was removed: no class asks for it.
      provide: Anthropic,
      useFactory: (config: ConfigService) => new Anthropic({ apiKey: config.getOrThrow('ANTHROPIC_API_KEY') }),
      inject: [ConfigService],
    },
    {
      provide: 'GROQ',
      useFactory: (config: ConfigService) => new Groq({ apiKey: config.getOrThrow('GROQ_API_KEY') }), // expect: llm-call-without-timeout
      inject: [ConfigService],
    },
  ],
})
export class LlmModule {}
