export declare const LOG_FORMATS: Record<string, (secs: string, frac: string, msg: string, raw: string) => string>;
export declare function formatFileName(source: string, format: string): string;
export declare function ensureFormattedLog(source: string, format: string, dir: string): Promise<string>;
