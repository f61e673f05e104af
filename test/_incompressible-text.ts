import { randomBytes } from 'node:crypto';

/**
 * About `bytes` of random text in 76-column lines, which gzip shrinks by only a quarter: a compressed copy of a file
 * over the 1 MiB that open-input.ts reads in one piece is itself over it, so both stay open after their first read.
 */
export function incompressibleText(bytes: number): string {
  return randomBytes(Math.ceil((bytes * 3) / 4)).toString('base64').replace(/.{76}/g, '$&\n');
}
