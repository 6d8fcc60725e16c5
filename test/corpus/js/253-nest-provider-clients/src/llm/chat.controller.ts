// Chat routes over the service.
import { Body, Controller, Post } from '@nestjs/common';
import { ChatService } from './chat.service';

@Controller('chat')
export class ChatController {
  constructor(private readonly chat: ChatService) {}

  @Post()
  async ask(@Body() body: { question: string }) {
    return { answer: await this.chat.answer(body.question) };
  }

  @Post('quick')
  async quick(@Body() body: { question: string }) {
    return { answer: await this.chat.quick(body.question) };
  }
}
