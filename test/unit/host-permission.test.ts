import { describe, expect, it } from 'vitest';
import { originPattern } from '../../lib/host-permission';

describe('the host permission pattern of a chosen origin', () => {
  it('keeps the port where patterns match ports (Chrome)', () => {
    expect(originPattern('http://127.0.0.1:8080', true)).toBe('http://127.0.0.1:8080/*');
    expect(originPattern('https://mirror.example.org', true)).toBe('https://mirror.example.org/*');
  });

  it('drops the port where patterns take none (Firefox), so the pattern matches the origin at all', () => {
    expect(originPattern('http://127.0.0.1:8080', false)).toBe('http://127.0.0.1/*');
    expect(originPattern('http://[::1]:8080', false)).toBe('http://[::1]/*');
    expect(originPattern('https://mirror.example.org', false)).toBe('https://mirror.example.org/*');
  });
});
