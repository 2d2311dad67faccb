import type { Readable } from "node:stream";
import sharp from "sharp";

/**
 * Thumbnails with sharp (libvips, shipped as prebuilt npm packages): the picture is streamed in,
 * decoded at a reduced size where the format allows (JPEG shrink-on-load), and written as a small
 * WebP. A picture that claims more pixels than a 50-megapixel photo is not decoded at all (a
 * "decompression bomb" is a few KB that expand to gigabytes).
 */

export const THUMBNAIL_SIZE = 320;
const MAX_INPUT_PIXELS = 50_000_000;

// One libvips thread pool for the process is plenty beside the web server; no cache of decoded images.
sharp.concurrency(1);
sharp.cache(false);

export type Thumbnail = { mime: string; width: number; height: number; data: Buffer };

/** The thumbnail of a picture, or null when its bytes cannot be read as one. */
export async function makeThumbnail(input: Readable): Promise<Thumbnail | null> {
  const pipeline = sharp({ limitInputPixels: MAX_INPUT_PIXELS, failOn: "error", sequentialRead: true })
    .rotate()
    .resize(THUMBNAIL_SIZE, THUMBNAIL_SIZE, { fit: "inside", withoutEnlargement: true })
    .webp({ quality: 70 });
  try {
    input.on("error", (error) => pipeline.destroy(error));
    input.pipe(pipeline);
    const { data, info } = await pipeline.toBuffer({ resolveWithObject: true });
    return { mime: "image/webp", width: info.width, height: info.height, data };
  } catch {
    input.destroy();
    return null;
  }
}
