// Routes of the assistant: each awaits a service method that calls a class-field client.
import { Body, Controller, Post } from '@nestjs/common';
import { AssistantService } from './assistant.service';

@Controller('assistant')
export class AssistantController {
  constructor(private readonly assistant: AssistantService) {}

  @Post('ask')
  async ask(@Body() body: { question: string }) {
    return { answer: await this.assistant.answer(body.question) };
  }

  @Post('review')
  async review(@Body() body: { text: string }) {
    return { review: await this.assistant.review(body.text) };
  }
}
