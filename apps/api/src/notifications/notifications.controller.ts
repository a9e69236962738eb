import { Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, RequirePermission } from '@hausakte/auth';
import {
  MarkAllReadResultDto,
  NotificationDto,
  NotificationPageDto,
  NotificationQueryDto,
  NotificationsService,
} from '@hausakte/notifications';
import { ApiProblems, UuidParam } from '@hausakte/platform';

/** The signed-in user's own inbox ("own inbox" row: every role). */
@ApiTags('notifications')
@Controller('notifications')
@ApiProblems(401, 403)
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @RequirePermission('own')
  @ApiOperation({ summary: 'My notifications, newest first, with the number unread' })
  @ApiOkResponse({ type: NotificationPageDto })
  @ApiProblems(422)
  list(
    @Query() query: NotificationQueryDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<NotificationPageDto> {
    return this.notifications.inbox(user.id, query);
  }

  @Post('read-all')
  @HttpCode(HttpStatus.OK)
  @RequirePermission('own')
  @ApiOperation({ summary: 'Mark all my notifications read' })
  @ApiOkResponse({ type: MarkAllReadResultDto })
  markAllRead(@CurrentUser() user: AuthenticatedUser): Promise<MarkAllReadResultDto> {
    return this.notifications.markAllRead(user.id);
  }

  @Post(':id/read')
  @HttpCode(HttpStatus.OK)
  @RequirePermission('own')
  @ApiOperation({
    summary: 'Mark one of my notifications read',
    description: 'Idempotent: reading it again keeps the first time. Not mine: 404.',
  })
  @ApiOkResponse({ type: NotificationDto })
  @ApiProblems(404, 422)
  markRead(
    @Param('id', UuidParam) id: string,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<NotificationDto> {
    return this.notifications.markRead(user.id, id);
  }
}
