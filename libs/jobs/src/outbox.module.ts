import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OutboxMessage } from './outbox-message.entity';
import { Outbox } from './outbox';
import { OutboxRepository } from './outbox.repository';

/** The writing side of the outbox, for the api and domain libs: no Redis needed. */
@Module({
  imports: [TypeOrmModule.forFeature([OutboxMessage])],
  providers: [OutboxRepository, Outbox],
  exports: [Outbox, OutboxRepository],
})
export class OutboxModule {}
