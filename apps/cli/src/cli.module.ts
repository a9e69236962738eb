import { Module } from '@nestjs/common';
import { AuthModule } from '@hausakte/auth';
import { PlatformModule } from '@hausakte/platform';

@Module({ imports: [PlatformModule, AuthModule] })
export class CliModule {}
