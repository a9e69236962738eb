export * from './notifications.module';
export * from './notifications.service';
export * from './notification.entity';
export * from './email-delivery';
export * from './dto/notification.dto';
export * from './dto/notification-query.dto';
