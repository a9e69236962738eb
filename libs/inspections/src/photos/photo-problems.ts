import { HttpStatus } from '@nestjs/common';
import { Problem } from '@hausakte/platform';

/** 415: the bytes are not a JPEG, PNG or WebP image (whatever the name or declared type said). */
export class UnsupportedPhotoTypeProblem extends Problem {
  constructor(detail: string) {
    super(HttpStatus.UNSUPPORTED_MEDIA_TYPE, 'unsupported-photo-type', detail);
  }
}

/** 422: the type is right but the image cannot be decoded (cut short, corrupt). */
export class UnreadablePhotoProblem extends Problem {
  constructor(reason: string) {
    super(
      HttpStatus.UNPROCESSABLE_ENTITY,
      'unreadable-photo',
      `The image cannot be decoded (${reason}); it may have been cut short. Send it again.`,
    );
  }
}

/** 409: the photo id is taken by other bytes or another defect; a photo never changes. */
export class PhotoConflictProblem extends Problem {
  constructor(detail: string) {
    super(HttpStatus.CONFLICT, 'photo-conflict', detail);
  }
}
