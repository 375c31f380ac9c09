// Site-wide odds and ends: the favicon browsers ask for at /favicon.ico (also linked from every page as
// an SVG data: URL), served by the app itself so it passes `img-src 'self'`.
import { Hono } from 'hono';
import { FAVICON_SVG } from '../pages/layout';
import type { AppEnv } from '../types';

/** The SVG favicon drawn at 32×32 once (by headless Chromium) and kept here as PNG bytes. */
const FAVICON_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAACAAAAAgCAYAAABzenr0AAABEElEQVR4nOyXsWpCQRBF7x1eEWL6QJr8Qsp8QdJKDARMLJIiVYp8TkiRxmj3JOnEL7D0F2wEexUFcZx9IIjwFFTeWOwphmV34V52ZneZBGuUqmlNqWWAtySucERUMbDYpfJv3KzUV/MM4ayaXgv1m+QdCkBVOwvl+7RZ6UuYEKJRlHggaIngNxuXXlqv5ukHLvBN7Die4ETQTqwIbuBE0E4sXsIL0xY4424g2bVhVH/AIVzUWlvXYwpOvwbycrhZG7tynUdMQTQQDUQD0cDp/wV57Pv2byJQDOGFaYsCPTgRtAXUL3hh2llveP6ctq0ZvUeBWFPyP2k8lrNbMF/opx3HDAVh4iMFP8KY6wse7fkSAAD//zDsP3UAAAAGSURBVAMAR9pYZX8F+YcAAAAASUVORK5CYII=',
  'base64',
);

/** An ICO file holding one PNG image (supported by every browser that reads .ico). */
function icoOf(png: Buffer, size: number): Buffer {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // icon
  header.writeUInt16LE(1, 4); // one image
  const entry = Buffer.alloc(16);
  entry.writeUInt8(size, 0);
  entry.writeUInt8(size, 1);
  entry.writeUInt16LE(1, 4); // colour planes
  entry.writeUInt16LE(32, 6); // bits per pixel
  entry.writeUInt32LE(png.length, 8);
  entry.writeUInt32LE(header.length + entry.length, 12);
  return Buffer.concat([header, entry, png]);
}

const FAVICON_ICO = icoOf(FAVICON_PNG, 32);
const YEAR = 'public, max-age=31536000, immutable';

export const siteRoutes = new Hono<AppEnv>()
  .get('/favicon.ico', (c) =>
    c.body(new Uint8Array(FAVICON_ICO), 200, { 'Content-Type': 'image/x-icon', 'Cache-Control': YEAR }),
  )
  .get('/favicon.svg', (c) =>
    c.body(FAVICON_SVG, 200, { 'Content-Type': 'image/svg+xml', 'Cache-Control': YEAR }),
  );
