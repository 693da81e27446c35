import { describe, expect, it } from 'vitest';
import { isAllowedMediaUrl } from '../../lib/media-hosts';

describe('isAllowedMediaUrl', () => {
  it.each([
    ['https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/2406.16793.png', true],
    ['https://cdn-uploads.huggingface.co/production/uploads/x/clip.mp4', true],
    ['https://cdn-avatars.huggingface.co/v1/production/uploads/a.png', true],
    ['HTTPS://CDN-THUMBNAILS.HUGGINGFACE.CO/a.png', true],
    ['http://cdn-thumbnails.huggingface.co/a.png', false],
    ['https://tracker.example/pixel.gif', false],
    ['https://huggingface.co/papers/2406.16793', false],
    ['https://cdn-thumbnails.huggingface.co.evil.example/a.png', false],
    ['https://evil@cdn-thumbnails.huggingface.co/a.png', false],
    ['https://cdn-thumbnails.huggingface.co:8443/a.png', false],
    ['/avatars/a.png', false],
    ['javascript:alert(1)', false],
  ])('%s → %s', (url, ok) => {
    expect(isAllowedMediaUrl(url)).toBe(ok);
  });
});
