/**
 * Reading a QR code from a camera frame or a photo: the browser's own
 * `BarcodeDetector` where it has one (Android Chrome, macOS, ChromeOS), else
 * jsQR, loaded on first use so it weighs only on the check-in page.
 */

/** The part of the Shape Detection API used here (not in TypeScript's DOM library yet). */
interface BarcodeDetectorLike {
  detect(source: CanvasImageSource): Promise<{ rawValue: string }[]>;
}
interface BarcodeDetectorClass {
  new (options: { formats: string[] }): BarcodeDetectorLike;
  getSupportedFormats(): Promise<string[]>;
}

/** Photos are scaled down to this many pixels on their longer side: plenty for a QR code, and fast for jsQR. */
const MAX_SIDE = 1024;

let native: Promise<BarcodeDetectorLike | null> | null = null;

function nativeDetector(): Promise<BarcodeDetectorLike | null> {
  native ??= (async () => {
    const Detector = (globalThis as { BarcodeDetector?: BarcodeDetectorClass }).BarcodeDetector;
    if (!Detector) return null;
    try {
      return (await Detector.getSupportedFormats()).includes('qr_code') ? new Detector({ formats: ['qr_code'] }) : null;
    } catch {
      return null;
    }
  })();
  return native;
}

/** Which decoder this browser uses: shown to the organiser, and read by the browser test. */
export async function decoderName(): Promise<'BarcodeDetector' | 'jsQR'> {
  return (await nativeDetector()) ? 'BarcodeDetector' : 'jsQR';
}

/** The text of the first QR code in `source` (`width` × `height` pixels), or null when none is found. */
export async function decodeQr(source: CanvasImageSource, width: number, height: number): Promise<string | null> {
  if (!width || !height) return null;
  const detector = await nativeDetector();
  if (detector) {
    try {
      const [first] = await detector.detect(source);
      if (first?.rawValue) return first.rawValue;
    } catch {
      // Some implementations refuse a frame (a video not yet playing): try jsQR on it instead.
    }
  }
  const scale = Math.min(1, MAX_SIDE / Math.max(width, height));
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(width * scale);
  canvas.height = Math.round(height * scale);
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) return null;
  context.drawImage(source, 0, 0, canvas.width, canvas.height);
  const pixels = context.getImageData(0, 0, canvas.width, canvas.height);
  const { default: jsQR } = await import('jsqr');
  return jsQR(pixels.data, pixels.width, pixels.height, { inversionAttempts: 'attemptBoth' })?.data ?? null;
}

/** The QR code in a photo or image file (a phone's camera app, a screenshot), or null. */
export async function decodeQrFile(file: Blob): Promise<string | null> {
  const bitmap = await createImageBitmap(file);
  try {
    return await decodeQr(bitmap, bitmap.width, bitmap.height);
  } finally {
    bitmap.close();
  }
}

/** Why the camera did not open, for the organiser, in Chinese. */
export function cameraErrorZh(error: unknown): string {
  const name = error instanceof DOMException || error instanceof Error ? error.name : '';
  if (name === 'NotAllowedError' || name === 'SecurityError')
    return '未获得摄像头权限：请在浏览器设置中允许使用摄像头，或输入签到码、上传二维码照片。';
  if (name === 'NotFoundError' || name === 'OverconstrainedError' || name === 'DevicesNotFoundError')
    return '未检测到摄像头：请输入签到码，或上传二维码照片。';
  if (name === 'NotReadableError') return '摄像头被其他应用占用：请关闭后重试，或输入签到码。';
  return '无法打开摄像头：请输入签到码，或上传二维码照片。';
}
