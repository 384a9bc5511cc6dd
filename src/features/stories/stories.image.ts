import sharp from 'sharp';
import { AppError } from '../../lib/errors.ts';
import { sniffImageKind } from '../profiles/profiles.logo.ts';
import { STORY_IMAGE_MAX_BYTES, STORY_IMAGE_MAX_WIDTH } from './stories.validation.ts';

// As for logos: a small file can decode to a huge bitmap; 40 megapixels covers any camera photo.
const MAX_INPUT_PIXELS = 40_000_000;

/**
 * Checks an uploaded story image by its content (like profiles.logo.ts) and re-encodes it: auto-rotated, at most
 * 1200 px wide and 900 px high, WebP, without the original's metadata (EXIF with GPS position of a photo).
 * Throws validation_failed with a message key for the `image` field.
 */
export async function processStoryImage(bytes: Uint8Array): Promise<{ bytes: Buffer; contentType: 'image/webp' }> {
  const refuse = (key: string) => new AppError('validation_failed', key, { image: [key] });
  if (bytes.length === 0) throw refuse('stories.image.missing');
  if (bytes.length > STORY_IMAGE_MAX_BYTES) throw refuse('stories.image.tooLarge');
  const kind = sniffImageKind(bytes);
  if (!kind) throw refuse('stories.image.wrongType');
  const options = { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' as const };
  try {
    const meta = await sharp(bytes, options).metadata();
    if (meta.format !== kind) throw refuse('stories.image.wrongType');
    const data = await sharp(bytes, options)
      .rotate()
      .resize(STORY_IMAGE_MAX_WIDTH, Math.round(STORY_IMAGE_MAX_WIDTH * 0.75), { fit: 'inside', withoutEnlargement: true })
      .webp({ quality: 80 })
      .toBuffer();
    return { bytes: data, contentType: 'image/webp' };
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw refuse('stories.image.unreadable');
  }
}
